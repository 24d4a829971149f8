/**
 * A file's slices read by another worker (a ReadRange) come in the file's order whatever
 * order its answers come in, and a json read that way is read as when the engine reads it.
 */
import { describe, expect, it } from 'vitest';
import { generateCoco } from '../../scripts/gen/dataset';
import { parseCoco } from '../coco';
import { DiskBytes } from '../coco/columnar';
import { readSlices, type ReadRange } from './readSlices';
import { readStoredJson } from './readStoredJson';
import { fromFile } from './virtualFiles';

/** A reader that answers its asks last first, once `asked` of them wait (or the file's end). */
function reversedReader(bytes: Uint8Array, asked: number) {
  const asks: { start: number; end: number; resolve: (b: Uint8Array) => void }[] = [];
  const ranges: [number, number][] = [];
  const readRange: ReadRange = (start, end) =>
    new Promise((resolve) => {
      ranges.push([start, end]);
      asks.push({ start, end, resolve });
      if (asks.length >= asked || end === bytes.length)
        for (const ask of asks.splice(0).reverse()) ask.resolve(bytes.slice(ask.start, ask.end));
    });
  return { readRange, ranges };
}

async function collect(slices: AsyncGenerator<Uint8Array>): Promise<Uint8Array[]> {
  const out: Uint8Array[] = [];
  for await (const slice of slices) out.push(slice);
  return out;
}

describe('slices read by another worker', () => {
  const bytes = new TextEncoder().encode(
    JSON.stringify(generateCoco({ images: 40, annotations: 300, seed: 3 })),
  );
  const file = () => fromFile({ path: 'instances_x.json', file: new Blob([bytes]) });

  it('come in order, each asked once, however the answers are ordered', async () => {
    const reader = reversedReader(bytes, 3);
    const slices = await collect(readSlices(file(), 1000, 0, reader.readRange));
    expect(Buffer.concat(slices).equals(Buffer.from(bytes))).toBe(true);
    const starts = reader.ranges.map(([start]) => start);
    expect(starts).toEqual(
      Array.from({ length: Math.ceil(bytes.length / 1000) }, (_, k) => k * 1000),
    );
    expect(reader.ranges.at(-1)![1]).toBe(bytes.length);
  });

  it('start small and double up to the slice size, so the first bytes come early', async () => {
    const big = new Uint8Array(40 << 20);
    const reader = reversedReader(big, 1);
    const blob = fromFile({ path: 'instances_x.json', file: new Blob([big]) });
    const slices = await collect(readSlices(blob, 16 << 20, 0, reader.readRange));
    expect(slices.map((s) => s.length / (1 << 20))).toEqual([1, 2, 4, 8, 16, 9]);
  });

  it('give the read json the engine gets reading the file itself', async () => {
    const disk = new DiskBytes(bytes.length, (start, end) => bytes.slice(start, end));
    const alone = await readStoredJson(file(), undefined, { disk, sliceBytes: 777 });
    const reader = reversedReader(bytes, 3);
    const read = await readStoredJson(file(), undefined, {
      disk,
      sliceBytes: 777,
      readRange: reader.readRange,
    });
    expect(reader.ranges.length).toBe(Math.ceil(bytes.length / 777));
    if ('text' in read || 'text' in alone) throw new Error('not split');
    expect(read.root).toEqual(alone.root);
    expect([...read.stored!.spans]).toEqual([...alone.stored!.spans]);
    expect(read.stored!.prescan!.count).toBe(alone.stored!.prescan!.count);
  });

  it('gives each slice back once the read is done with it, and nothing read needs it after', async () => {
    const disk = new DiskBytes(bytes.length, (start, end) => bytes.slice(start, end));
    const alone = await readStoredJson(file(), undefined, { disk, sliceBytes: 777 });
    const reader = reversedReader(bytes, 3);
    const released: number[] = [];
    // As the reader worker takes a slice back: its buffer moves away, views of it go empty.
    reader.readRange.release = (slice) => {
      released.push(slice.length);
      structuredClone(slice.buffer, { transfer: [slice.buffer] });
    };
    const read = await readStoredJson(file(), undefined, {
      disk,
      sliceBytes: 777,
      readRange: reader.readRange,
    });
    if ('text' in read || 'text' in alone) throw new Error('not split');
    expect(released.length).toBe(reader.ranges.length);
    expect(read.root).toEqual(alone.root);
    expect([...read.stored!.spans]).toEqual([...alone.stored!.spans]);
    const parsed = parseCoco(read.root, { stored: read.stored! }).dataset!;
    const expected = parseCoco(alone.root, { stored: alone.stored! }).dataset!;
    expect(parsed.annotations.length).toBe(expected.annotations.length);
    const fields = (k: number, table: typeof parsed.annotations) => {
      const r = table.at(k)!;
      return [r.id, r.imageId, r.categoryId, r.bbox, r.area, r.iscrowd, r.segmentation, r.file];
    };
    for (let k = 0; k < expected.annotations.length; k++)
      expect(fields(k, parsed.annotations)).toEqual(fields(k, expected.annotations));
    expect(read.stored!.prescan!.count).toBe(alone.stored!.prescan!.count);
  });

  it('keeps the bytes where slices meet, so the elements cut there are not read from disk again', async () => {
    const coco = generateCoco({ images: 200, annotations: 4000, seed: 5 });
    const bigBytes = new TextEncoder().encode(JSON.stringify(coco));
    expect(bigBytes.length).toBeGreaterThan(8 * (256 << 10));
    const big = fromFile({ path: 'instances_x.json', file: new Blob([bigBytes]) });
    const reads: [number, number][] = [];
    const disk = new DiskBytes(bigBytes.length, (start, end) => {
      reads.push([start, end]);
      return bigBytes.slice(start, end);
    });
    const read = await readStoredJson(big, undefined, { disk, sliceBytes: 256 << 10 });
    if ('text' in read) throw new Error('not split');
    const stored = read.stored!;
    // Some elements were cut by the end of a slice: the prescan left them.
    const elements = stored.spans.length / 2;
    expect(stored.prescan!.count).toBeLessThan(elements - 2);
    const parsed = parseCoco(read.root, { stored });
    expect(parsed.dataset!.annotations.length).toBe(elements);
    // Two reads: the first elements, which tell the file's kind (one window), and the last
    // one (no comma after it: the prescan leaves it).
    expect(reads.length).toBe(2);
    expect(reads[1]![0]).toBeGreaterThanOrEqual(stored.spans.at(-2)! - (64 << 10));
    const [windowStart, windowEnd] = reads[0]!;
    const prescanned = new Set(
      Array.from({ length: stored.prescan!.count }, (_, row) => stored.prescan!.element(row)),
    );
    const cutLater = Array.from({ length: elements }, (_, k) => k).filter(
      (k) => !prescanned.has(k) && stored.spans[2 * k]! >= windowEnd,
    );
    expect(windowStart).toBe(stored.spans[0]);
    expect(cutLater.length).toBeGreaterThan(3);
    reads.length = 0;
    // A record away from where slices meet is read from the file.
    const away = Array.from({ length: elements }, (_, k) => k).find(
      (k) => Math.abs((stored.spans[2 * k]! % (256 << 10)) - (128 << 10)) < 16 << 10,
    )!;
    expect(parsed.dataset!.annotations.at(away)!.segmentation).not.toBeNull();
    expect(reads.length).toBe(1);
  });
});
