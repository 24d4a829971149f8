import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  applyPatch,
  exportCoco,
  invertPatch,
  parseCoco,
  planDeleteAnnotations,
  planSetFields,
} from '../index';
import { planAddAnnotation } from '../edit/commands';
import type { Dataset } from '../model';
import { corpusDir, corpusJsonFiles } from '../testing/corpus';
import {
  changesNothing,
  findExactIntegers,
  planSplice,
  spliceBytes,
  SpliceMismatch,
} from './index';
import { parseSpans, type SpanNode } from './spanTree';

/** Every dataset json of the corpus: Datumaro's, cocoapi's and the quirks. */
function datasetFiles(): string[] {
  return corpusJsonFiles(['datumaro', 'cocoapi', 'quirks']).filter((p) => !p.includes('not-coco'));
}

/** Bytes as text, a byte order mark kept (it is part of what must survive). */
function strFromU8(bytes: Uint8Array): string {
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
}

function open(path: string): { bytes: Uint8Array; dataset: Dataset; text: string } {
  const bytes = new Uint8Array(readFileSync(join(corpusDir, path)));
  const text = strFromU8(bytes);
  const { dataset } = parseCoco(text, { fileName: path });
  if (dataset === null) throw new Error(`${path} does not parse`);
  return { bytes, dataset, text };
}

function exportOf(path: string, original: Dataset, current: Dataset, chunk?: number): string {
  const { bytes, text } = open(path);
  const exact = findExactIntegers(text);
  return strFromU8(spliceBytes(bytes, planSplice(original, current, {}, exact), chunk));
}

/** Where the annotation elements of a file are, as [start, end) character offsets. */
function annotationSpans(text: string): [number, number][] {
  const root = parseSpans(text.replace(/^\uFEFF/, ''));
  const bom = text.startsWith('\uFEFF') ? 1 : 0;
  let items: readonly SpanNode[];
  if (root.kind === 'array') items = root.items;
  else if (root.kind === 'object') {
    const node = root.values[root.keys.lastIndexOf('annotations')];
    items = node?.kind === 'array' ? node.items : [];
  } else items = [];
  const out: [number, number][] = [];
  let from = 0;
  for (const item of items) {
    const at = text.indexOf(item.raw, from + bom);
    out.push([at, at + item.raw.length]);
    from = at + item.raw.length;
  }
  return out;
}

/** The changed region of `after` against `before`: [start, end in before, end in after). */
function changedRegion(before: string, after: string): [number, number, number] {
  let p = 0;
  while (p < before.length && p < after.length && before[p] === after[p]) p++;
  let s = 0;
  while (
    s < before.length - p &&
    s < after.length - p &&
    before[before.length - 1 - s] === after[after.length - 1 - s]
  )
    s++;
  return [p, before.length - s, after.length - s];
}

const files = datasetFiles();

describe('faithful export of every corpus file', () => {
  it('finds the corpus, quirks included', () => {
    expect(files.length).toBeGreaterThanOrEqual(45);
    expect(files).toContain('quirks/python-floats.json');
    expect(files).toContain('quirks/indented.json');
  });

  it.each(files)('%s: unedited, the export is its input byte for byte', (path) => {
    const { bytes, dataset } = open(path);
    const plan = planSplice(dataset, dataset);
    expect(changesNothing(plan)).toBe(true);
    expect(Buffer.from(spliceBytes(bytes, plan)).equals(Buffer.from(bytes))).toBe(true);
    // Any chunking of the input gives the same bytes.
    for (const chunk of [1, 7, 4096])
      expect(Buffer.from(spliceBytes(bytes, plan, chunk)).equals(Buffer.from(bytes))).toBe(true);
  });

  const labelled = files.filter((path) => {
    const { dataset } = open(path);
    return [...dataset.annotations].some((a) => a.categoryId !== null) && dataset.panoptic === null;
  });

  it.each(labelled)(
    '%s: one label changed, only that record differs, and it holds the new label',
    (path) => {
      const { dataset, text } = open(path);
      const at = Math.floor((dataset.annotations.length - 1) / 2);
      const target = dataset.annotations.at(at)!;
      const other = dataset.categories.find((c) => c.id !== target.categoryId)?.id ?? 424242;
      const edited = applyPatch(dataset, planSetFields(dataset, [at], { category_id: other }));
      for (const chunk of [undefined, 5]) {
        const out = exportOf(path, dataset, edited, chunk);
        const [from, to] = changedRegion(text, out);
        const [start, end] = annotationSpans(text)[target.sourceIndex]!;
        expect(from).toBeGreaterThanOrEqual(start);
        expect(to).toBeLessThanOrEqual(end);
        expect(JSON.parse(out)).toEqual(JSON.parse(exportCoco(edited)));
      }
    },
  );
});

describe('the file’s own spelling', () => {
  it('keeps 491.0-style floats and 1e+20 of an edited record where they did not change', () => {
    const path = 'quirks/python-floats.json';
    const { dataset, text } = open(path);
    const edited = applyPatch(dataset, planSetFields(dataset, [0], { score: 0.5 }));
    const out = exportOf(path, dataset, edited);
    expect(out).toBe(text.replace('"score": 1.0', '"score": 0.5'));
  });

  it('writes a changed whole number as the file writes floats there (2.0, not 2)', () => {
    const path = 'quirks/python-floats.json';
    const { dataset, text } = open(path);
    const edited = applyPatch(dataset, planSetFields(dataset, [0], { score: 2 }));
    expect(exportOf(path, dataset, edited)).toBe(text.replace('"score": 1.0', '"score": 2.0'));
  });

  it('an indented file: the edited record keeps its indentation', () => {
    const path = 'quirks/indented.json';
    const { dataset, text } = open(path);
    const edited = applyPatch(dataset, planSetFields(dataset, [0], { category_id: 2 }));
    expect(exportOf(path, dataset, edited)).toBe(
      text.replace('"category_id": 1,', '"category_id": 2,'),
    );
  });

  it('ids past 2^53 survive an edit of their record, and a new record refers to them exactly', () => {
    const path = 'quirks/big-ids.json';
    const { dataset } = open(path);
    let edited = applyPatch(dataset, planSetFields(dataset, [0], { iscrowd: 1 }));
    edited = applyPatch(
      edited,
      planAddAnnotation(
        edited,
        {
          imageId: dataset.images[0]!.id,
          categoryId: 1,
          shape: { kind: 'box', bbox: [1, 1, 2, 2] },
        },
        dataset.images[0]!,
        7,
      ),
    );
    const out = exportOf(path, dataset, edited);
    expect(out).toContain('"id": 9007199254740995, "image_id": 9007199254740993');
    const [start, end] = annotationSpans(out).at(-1)!;
    const added = out.slice(start, end);
    expect(added).toContain('"id": 7,');
    expect(added).toContain('9007199254740993');
    expect(added).not.toContain('9007199254740992');
  });

  it('a drawn record is written in the style of the file (indented)', () => {
    const path = 'quirks/indented.json';
    const { dataset } = open(path);
    const edited = applyPatch(
      dataset,
      planAddAnnotation(
        dataset,
        { imageId: 1, categoryId: 1, shape: { kind: 'box', bbox: [1, 1, 2, 2] } },
        dataset.images[0]!,
      ),
    );
    const out = exportOf(path, dataset, edited);
    expect(out).toContain(
      '        },\n        {\n            "id": 2,\n            "image_id": 1,',
    );
    expect(JSON.parse(out).annotations).toHaveLength(2);
  });

  it('deleting every annotation leaves an empty list, the rest untouched', () => {
    const path = 'quirks/iscrowd-bool.json';
    const { dataset, text } = open(path);
    const edited = applyPatch(dataset, planDeleteAnnotations(dataset, [0, 1]));
    const out = exportOf(path, dataset, edited);
    expect(JSON.parse(out).annotations).toEqual([]);
    expect(out.startsWith(text.slice(0, text.indexOf('"annotations": [') + 16))).toBe(true);
    expect(out.endsWith(text.slice(text.indexOf('], "categories"')))).toBe(true);
  });

  it('a file with a byte order mark keeps it', () => {
    const text = '\uFEFF{"images": [], "annotations": [], "categories": []}';
    const bytes = strToU8(text);
    const { dataset } = parseCoco(text);
    expect(strFromU8(spliceBytes(bytes, planSplice(dataset!, dataset!)))).toBe(text);
  });
});

describe('edits of every kind give the records’ values, whatever the chunking', () => {
  const editable = files.filter((path) => {
    const { dataset } = open(path);
    return dataset.annotations.length >= 2 && dataset.panoptic === null;
  });

  it.each(editable)(
    '%s: delete, set a field, add; undo of a delete gives the bytes back',
    (path) => {
      const { dataset, bytes, text } = open(path);
      const last = dataset.annotations.length - 1;
      const remove = planDeleteAnnotations(dataset, [0]);
      let edited = applyPatch(dataset, remove);
      // Undo: the record comes back (as a new record) and takes its old place and bytes.
      const restored = applyPatch(edited, invertPatch(remove));
      expect(exportOf(path, dataset, restored)).toBe(text);
      edited = applyPatch(
        edited,
        planSetFields(edited, [last - 1], { score: 0.25, extra: [1, 'é'] }),
      );
      const image = dataset.images[0]!;
      edited = applyPatch(
        edited,
        planAddAnnotation(
          edited,
          {
            imageId: image.id,
            categoryId: dataset.categories[0]?.id ?? 1,
            shape: { kind: 'polygons', polygons: [[1, 1, 4, 1, 4, 3]] },
          },
          image,
          987654,
        ),
      );
      const expected = JSON.parse(exportCoco(edited));
      for (const chunk of [3, 64, 1 << 20])
        expect(
          JSON.parse(strFromU8(spliceBytes(bytes, planSplice(dataset, edited), chunk))),
        ).toEqual(expected);
    },
  );
});

describe('what is not the file that was opened is refused, never half-written', () => {
  it('an array with more or fewer elements than were opened', () => {
    const { dataset } = open('quirks/python-floats.json');
    const other = strToU8(
      '{"images": [], "annotations": [{"id": 1}, {"id": 2}], "categories": []}',
    );
    expect(() => spliceBytes(other, planSplice(dataset, dataset))).toThrow(SpliceMismatch);
  });

  it('a collection key twice', () => {
    const text = '{"images": [], "annotations": [], "categories": [], "images": []}';
    const { dataset } = parseCoco(text);
    expect(() => spliceBytes(strToU8(text), planSplice(dataset!, dataset!))).toThrow(
      SpliceMismatch,
    );
  });

  it('text that ends too soon', () => {
    const { dataset } = open('quirks/python-floats.json');
    const { bytes } = open('quirks/python-floats.json');
    expect(() => spliceBytes(bytes.subarray(0, 100), planSplice(dataset, dataset))).toThrow(
      SpliceMismatch,
    );
  });
});

describe('results lists', () => {
  it('a results list with a detection deleted loses exactly that element', () => {
    const path = 'cocoapi/instances_val2014_fakebbox100_results.json';
    const { dataset, text } = open(path);
    const edited = applyPatch(dataset, planDeleteAnnotations(dataset, [1]));
    const out = exportOf(path, dataset, edited);
    const [start, end] = annotationSpans(text)[1]!;
    expect(out.length).toBeLessThan(text.length);
    expect(JSON.parse(out)).toEqual(JSON.parse(exportCoco(edited)));
    expect(out.startsWith(text.slice(0, start))).toBe(true);
    expect(out.endsWith(text.slice(end + 2))).toBe(true);
  });
});
