import { describe, expect, it } from 'vitest';
import { zipSync } from 'fflate';
import { buildZip } from '../io/zip/testing/buildZip';
import { openFiles } from './openFiles';

const text = (s: string) => new TextEncoder().encode(s);

function dataset(fileNames: string[]): string {
  return JSON.stringify({
    info: {},
    licenses: [],
    images: fileNames.map((file_name, i) => ({ id: i + 1, file_name, width: 4, height: 4 })),
    annotations: [],
    categories: [{ id: 1, name: 'thing' }],
  });
}

async function open(files: Record<string, Uint8Array>) {
  const zip = zipSync(files);
  return openFiles([{ path: 'data.zip', file: new Blob([zip]) }], () => {});
}

describe('openFiles: pictures', () => {
  it('reports an image whose pictures differ only in case, linked to it, and matches none', async () => {
    const opened = await open({
      'annotations/instances_default.json': text(dataset(['b.png', 'A.PNG'])),
      'images/default/A.png': text('red'),
      'images/default/a.png': text('blue'),
      'images/default/b.png': text('green'),
    });
    const summary = opened.summary.subsets[0]!;
    expect(summary.imagesFound).toBe(1);
    expect(summary.problems).toEqual([
      {
        code: 'picture-ambiguous',
        severity: 'warning',
        file: 'data.zip: annotations/instances_default.json',
        path: 'images[1].file_name',
        message:
          'A.PNG: 2 pictures differ only in case: images/default/A.png, images/default/a.png; ' +
          'matched none (rename one of them, or the file_name)',
        imageIndex: 1,
        annotationId: null,
      },
    ]);
    expect(summary.problemCounts['picture-ambiguous']).toBe(1);
    expect(summary.images.flags[1]! & 2).toBe(2);
  });

  it('matches each of two pictures differing in case to the image that names it exactly', async () => {
    const opened = await open({
      'annotations/instances_default.json': text(dataset(['a.png', 'A.png'])),
      'images/default/A.png': text('red'),
      'images/default/a.png': text('blue'),
    });
    const paths = opened.pictures.map((p) => p.path);
    const subset = opened.subsets[0]!;
    expect(Array.from(subset.pictures, (j) => paths[j])).toEqual([
      'images/default/a.png',
      'images/default/A.png',
    ]);
    expect(opened.summary.subsets[0]!.problems).toEqual([]);
  });

  it('reports a found picture its zip says cannot be read (LZMA), linked to its image', async () => {
    const zip = buildZip([
      { name: 'annotations/instances_default.json', data: text(dataset(['a.png', 'b.png'])) },
      { name: 'images/default/a.png', data: text('red') },
      { name: 'images/default/b.png', data: text('blue'), compressed: text('?'), method: 14 },
    ]);
    const opened = await openFiles([{ path: 'lzma.zip', file: new Blob([zip]) }], () => {});
    const summary = opened.summary.subsets[0]!;
    expect(summary.imagesFound).toBe(2);
    expect(summary.imagesUnreadable).toBe(1);
    expect(summary.problemCounts['picture-unreadable']).toBe(1);
    const problem = summary.problems.find((p) => p.code === 'picture-unreadable')!;
    expect(problem.imageIndex).toBe(1);
    expect(problem.path).toBe('images[1].file_name');
    expect(problem.message).toMatch(
      /^b\.png: its picture images\/default\/b\.png cannot be read: entry "images\/default\/b\.png" uses compression method 14 \(LZMA\)/,
    );
  });
});
