/**
 * A big file read by two workers, the second from the middle on (coco/columnar's
 * tailScan.ts), gives what one worker reading it all gives: the same top level, spans
 * and rows; and the second worker's work is taken only where it started between two
 * elements of the list.
 */
import { describe, expect, it } from 'vitest';
import { generateCoco } from '../../scripts/gen/dataset';
import { parseCoco } from '../coco';
import { DiskBytes, scanTail, type TailScanner } from '../coco/columnar';
import { AnnotationColumns } from '../coco/columnar/annotationColumns';
import { scanAnnotation } from '../coco/columnar/scanAnnotation';
import { readStoredJson } from './readStoredJson';
import { fromFile } from './virtualFiles';

const encoder = new TextEncoder();

/** Reads `bytes` as the file `name`, with a second reader from byte `at` (a share of the size). */
async function readBoth(bytes: Uint8Array<ArrayBuffer>, share: number | null) {
  const file = fromFile({ path: 'instances_x.json', file: new Blob([bytes]) });
  const disk = new DiskBytes(bytes.length, (start, end) => bytes.slice(start, end));
  // The second worker's scan, done before the first worker starts (as if it were quick).
  const at = Math.floor((share ?? 0.5) * bytes.length);
  const scan = await scanTail(async (start, end) => bytes.slice(start, end), bytes.length, at);
  const asked = { from: -1 };
  const tail: TailScanner = (from) => {
    asked.from = from;
    return { comma: Promise.resolve(scan?.comma ?? null), result: Promise.resolve(scan) };
  };
  const read = await readStoredJson(file, undefined, { tail, disk, sliceBytes: 4096 });
  if ('text' in read || read.stored === null) throw new Error('not split');
  return { read, asked, comma: scan?.comma ?? null };
}

async function readAlone(bytes: Uint8Array<ArrayBuffer>) {
  const file = fromFile({ path: 'instances_x.json', file: new Blob([bytes]) });
  const disk = new DiskBytes(bytes.length, (start, end) => bytes.slice(start, end));
  const read = await readStoredJson(file, undefined, { disk, sliceBytes: 4096 });
  if ('text' in read || read.stored === null) throw new Error('not split');
  return read;
}

/** What a read gives that the rest of the app sees. */
function seen(read: Awaited<ReturnType<typeof readAlone>>) {
  const stored = read.stored!;
  const parsed = parseCoco(read.root, { fileName: 'instances_x.json', stored });
  const annotations = [...parsed.dataset!.annotations].map((a) => ({
    ...{ id: a.id, imageId: a.imageId, categoryId: a.categoryId, bbox: a.bbox, area: a.area },
    ...{ iscrowd: a.iscrowd, segmentation: a.segmentation, sourceIndex: a.sourceIndex },
  }));
  return { root: read.root, spans: [...stored.spans], annotations };
}

/**
 * Rows read while the file was read that differ from the element's own scan (which rows
 * there are depends on where slices end, so they are held to the elements, not compared).
 */
function wrongRows(read: Awaited<ReturnType<typeof readAlone>>, bytes: Uint8Array): number[] {
  const { spans, prescan } = read.stored!;
  const wrong: number[] = [];
  const own = new AnnotationColumns(1);
  for (let r = 0; r < prescan!.count; r++) {
    const element = prescan!.element(r);
    own.count = 0;
    scanAnnotation(bytes, spans[2 * element]!, spans[2 * element + 1]!, 0, own);
    const rows = prescan!.columns;
    const same = (a: ArrayLike<number>, b: ArrayLike<number>, at: number, width = 1) =>
      Array.from({ length: width }, (_, k) => Object.is(a[width * at + k], b[k])).every(Boolean);
    if (
      !same(rows.id, own.id, r) ||
      !same(rows.imageId, own.imageId, r) ||
      !same(rows.bbox, own.bbox, r, 4) ||
      !same(rows.area, own.area, r) ||
      !same(rows.start, own.start, r) ||
      rows.regular[r] !== 1
    )
      wrong.push(element);
  }
  return wrong;
}

describe('a big file read by two workers', () => {
  const coco = generateCoco({ images: 30, annotations: 400, seed: 3, crowdShare: 0.05 });

  for (const indent of [0, 2]) {
    it(`takes the second worker's half and reads the same (indent ${indent})`, async () => {
      const bytes = encoder.encode(JSON.stringify(coco, null, indent));
      const { read, asked, comma } = await readBoth(bytes, null);
      expect(asked.from).toBe(Math.floor(bytes.length / 2));
      expect(comma).not.toBeNull();
      const alone = await readAlone(bytes);
      // The first worker took the second's elements: its own scan stopped at the comma.
      expect(read.stored!.spans.indexOf(comma! + 1)).toBeGreaterThan(0);
      // The rows first: a parse makes the table in their columns (and forgets them).
      expect(wrongRows(read, bytes)).toEqual([]);
      expect(seen(read)).toEqual(seen(alone));
    });
  }

  it('reads the same wherever the second worker starts', async () => {
    const bytes = encoder.encode(JSON.stringify(coco));
    const alone = seen(await readAlone(bytes));
    for (const share of [0, 0.01, 0.2, 0.5, 0.77, 0.99, 1]) {
      const { read } = await readBoth(bytes, share);
      expect(wrongRows(read, bytes)).toEqual([]);
      expect(seen(read)).toEqual(alone);
    }
  });

  it('does not take a start inside an element that holds annotation-like objects', async () => {
    const annotations: Record<string, unknown>[] = structuredClone(coco.annotations);
    const inner = annotations.slice(0, 3);
    // Annotation-like objects in a list inside one element, which lies at the middle.
    const middle = annotations.length >> 1;
    annotations[middle] = { ...annotations[middle], copies: inner };
    const tricky = { ...coco, annotations };
    const bytes = encoder.encode(JSON.stringify(tricky));
    const text = JSON.stringify(tricky);
    const at = text.indexOf('"copies":[') + '"copies":['.length + 5;
    const { read, comma } = await readBoth(bytes, at / bytes.length);
    // It started between two objects of `copies`, which is not the list.
    expect(comma).toBeGreaterThan(at);
    expect(comma).toBeLessThan(text.indexOf(']', at + JSON.stringify(inner).length - 10));
    expect(seen(read)).toEqual(seen(await readAlone(bytes)));
  });
});
