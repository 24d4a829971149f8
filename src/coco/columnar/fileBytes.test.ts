import { describe, expect, it } from 'vitest';
import { generateCoco } from '../../../scripts/gen/dataset';
import { seeded } from '../testing/mutate';
import { AnnotationColumns } from './annotationColumns';
import { DiskBytes } from './diskBytes';
import { FileBytes } from './fileBytes';
import { elementSpans } from './elementSpans';
import { scanAnnotation } from './scanAnnotation';

const encoder = new TextEncoder();

/** `bytes` kept in pieces of random sizes (some empty, some of one byte). */
function storeOf(bytes: Uint8Array, rand: () => number): FileBytes {
  const pieces: Uint8Array[] = [];
  for (let at = 0; at < bytes.length;) {
    const size = [0, 1, 2, 7, 100, 4096][Math.floor(rand() * 6)]!;
    pieces.push(bytes.slice(at, at + size));
    at += size;
  }
  return new FileBytes(pieces);
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((v, k) => v === b[k]);
}

describe('FileBytes', () => {
  // Non-ASCII text too: a span may cut a multi-byte character across chunks.
  const coco = generateCoco({ images: 20, annotations: 150, seed: 8, crowdShare: 0.1 });
  coco.images[0]!.file_name = 'näïve ☃ 😀.jpg';
  const bytes = encoder.encode(JSON.stringify(coco));

  it('gives back any span of the file, within a chunk or across many', () => {
    const rand = seeded(6);
    const store = storeOf(bytes, rand);
    expect(store.length).toBe(bytes.length);
    const wrong: string[] = [];
    for (let k = 0; k < 5000; k++) {
      const start = Math.floor(rand() * bytes.length);
      const end = Math.min(bytes.length, start + Math.floor(rand() * (rand() < 0.5 ? 10 : 20_000)));
      if (!sameBytes(store.slice(start, end), bytes.subarray(start, end)))
        wrong.push(`[${start}, ${end})`);
    }
    expect(wrong).toEqual([]);
    expect(store.slice(bytes.length, bytes.length)).toEqual(new Uint8Array(0));
    expect(() => store.slice(0, bytes.length + 1)).toThrow(RangeError);
  });

  it('re-reads every element as JSON.parse read it, and the scanner reads the same row from it', () => {
    const store = storeOf(bytes, seeded(7));
    for (const key of ['images', 'annotations']) {
      const spans = elementSpans(bytes, key)!;
      const elements = (coco as unknown as Record<string, unknown[]>)[key]!;
      expect(spans.length / 2).toBe(elements.length);
      for (let i = 0; i < elements.length; i++)
        expect(JSON.parse(store.text(spans[2 * i]!, spans[2 * i + 1]!))).toEqual(elements[i]);
    }
    const spans = elementSpans(bytes, 'annotations')!;
    const whole = new AnnotationColumns();
    const chunked = new AnnotationColumns();
    for (let i = 0; i < spans.length; i += 2) {
      const [start, end] = [spans[i]!, spans[i + 1]!];
      expect(scanAnnotation(bytes, start, end, 0, whole)).toBe(true);
      expect(scanAnnotation(store.slice(start, end), 0, end - start, start, chunked)).toBe(true);
    }
    whole.trim();
    chunked.trim();
    expect(chunked).toEqual(whole);
  });
});

describe('DiskBytes', () => {
  const coco = generateCoco({ images: 20, annotations: 150, seed: 9, crowdShare: 0.1 });
  coco.images[1]!.file_name = 'ünïcode ☃\n😀.jpg';
  const bytes = encoder.encode(JSON.stringify(coco, null, 1));
  /** Read back from `bytes` as from a file, counting the reads and the bytes read. */
  function disk(windowBytes: number) {
    const reads = { count: 0, bytes: 0 };
    const store = new DiskBytes(
      bytes.length,
      (start, end) => {
        reads.count++;
        reads.bytes += end - start;
        return bytes.slice(start, end);
      },
      windowBytes,
    );
    return { store, reads };
  }

  it('gives back any span of the file, and the line and column of any byte', () => {
    const { store } = disk(1000);
    const kept = storeOf(bytes, seeded(10));
    const rand = seeded(11);
    const wrong: string[] = [];
    for (let k = 0; k < 5000; k++) {
      const start = Math.floor(rand() * bytes.length);
      const end = Math.min(bytes.length, start + Math.floor(rand() * (rand() < 0.5 ? 10 : 3000)));
      if (!sameBytes(store.slice(start, end), bytes.subarray(start, end)))
        wrong.push(`[${start}, ${end})`);
      const view = store.view(start, end);
      if (!sameBytes(view.bytes.subarray(view.start, view.end), bytes.subarray(start, end)))
        wrong.push(`view [${start}, ${end})`);
      if (k % 50 === 0) expect(store.lineAndColumn(start)).toEqual(kept.lineAndColumn(start));
    }
    expect(wrong).toEqual([]);
    expect(() => store.slice(0, bytes.length + 1)).toThrow(RangeError);
  });

  it('reads the records of the file in order with one read per window, not per record', () => {
    const { store, reads } = disk(4096);
    const spans = elementSpans(bytes, 'annotations')!;
    for (let i = 0; i < spans.length; i += 2)
      expect(JSON.parse(store.text(spans[i]!, spans[i + 1]!))).toEqual(coco.annotations[i / 2]);
    const listBytes = spans[spans.length - 1]! - spans[0]!;
    expect(reads.count).toBeLessThanOrEqual(Math.ceil(listBytes / 2048));
    expect(reads.bytes).toBeLessThan(2 * listBytes + 4096);
  });

  it('reads runs of records asked in order with the runs after them, not one read per run', () => {
    const { store, reads } = disk(256);
    const spans = elementSpans(bytes, 'annotations')!;
    const n = spans.length / 2;
    let runs = 0;
    for (let first = 0; first < n; first += 4, runs++) {
      const last = Math.min(n - 1, first + 3);
      const text = store.text(spans[2 * first]!, spans[2 * last + 1]!);
      expect(JSON.parse(`[${text}]`)).toEqual(coco.annotations.slice(first, last + 1));
    }
    expect(runs).toBeGreaterThan(30);
    // The file is far below the 4 MB read at once: the first run's read holds them all.
    expect(reads.count).toBe(1);
  });
});
