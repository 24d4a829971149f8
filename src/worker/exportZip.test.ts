import { describe, expect, it } from 'vitest';
import { zipSync } from 'fflate';
import { DEFAULT_EXPORT } from '../coco';
import { openZip } from '../io/zip';
import { exportZip } from './exportFiles';
import { openFiles } from './openFiles';
import { findSegmentMap } from './panoptic';

const text = (s: string) => new TextEncoder().encode(s);

async function open(name: string, zip: Uint8Array | Blob) {
  const file = zip instanceof Blob ? zip : new Blob([zip as BlobPart]);
  return openFiles([{ path: name, file }], () => {});
}

async function exported(opened: Awaited<ReturnType<typeof open>>) {
  const notes: string[] = [];
  const blob = await exportZip(
    opened.subsets,
    opened.pictures,
    { ...DEFAULT_EXPORT, includeImages: true },
    () => {},
    () => false,
    notes,
  );
  return { blob, notes, paths: (await openZip(blob, 'out.zip')).entries.map((e) => e.path) };
}

const UNSAFE = /(^|\/)\.\.(\/|$)|^\/|\\|:/;

describe('exportZip: entry paths', () => {
  it('writes unsafe file_names under safe, distinct paths and reopens with every picture', async () => {
    const names = ['../../outside/x.png', 'http://127.0.0.1:4398/a.png', '/abs/a.png', 'C:\\c.png'];
    const json = {
      images: names.map((file_name, i) => ({ id: i + 1, file_name, width: 2, height: 2 })),
      annotations: [],
      categories: [{ id: 1, name: 'thing' }],
    };
    const source = await open(
      'in.zip',
      zipSync({
        'annotations/instances_default.json': text(JSON.stringify(json)),
        'images/default/x.png': text('x'),
        'images/default/a.png': text('a'),
        'images/default/c.png': text('c'),
      }),
    );
    expect(source.summary.subsets[0]!.imagesFound).toBe(4);
    const { blob, notes, paths } = await exported(source);
    expect(notes).toEqual([]);
    expect(paths.sort()).toEqual([
      'annotations/instances_default.json',
      'images/default/a (2).png',
      'images/default/a.png',
      'images/default/c.png',
      'images/default/x.png',
    ]);
    for (const path of paths) expect(path).not.toMatch(UNSAFE);
    const again = await open('out.zip', blob);
    expect(again.summary.subsets[0]!.imagesFound).toBe(4);
    expect(again.subsets[0]!.images.map((im) => im.fileName)).toEqual(names);
  });

  it('writes a panoptic segment map with an unsafe name under a safe path, found again', async () => {
    const json = {
      images: [{ id: 1, file_name: 'p.jpg', width: 2, height: 2 }],
      annotations: [
        {
          image_id: 1,
          file_name: '../../evil/p.png',
          segments_info: [{ id: 1, category_id: 1, area: 4, bbox: [0, 0, 2, 2], iscrowd: 0 }],
        },
      ],
      categories: [{ id: 1, name: 'thing', isthing: 1 }],
    };
    const source = await open(
      'in.zip',
      zipSync({
        'annotations/panoptic_default.json': text(JSON.stringify(json)),
        'annotations/panoptic_default/p.png': text('map'),
        'images/default/p.jpg': text('jpg'),
      }),
    );
    const { blob, paths } = await exported(source);
    for (const path of paths) expect(path).not.toMatch(UNSAFE);
    expect(paths).toContain('annotations/panoptic_default/p.png');
    const again = await open('out.zip', blob);
    const at = findSegmentMap(
      again.pictures.map((p) => p.path),
      '../../evil/p.png',
    );
    expect(again.pictures[at]?.path).toBe('annotations/panoptic_default/p.png');
  });
});
