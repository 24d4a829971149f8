/**
 * A stroke applied to an RLE without decoding it: the mask's "on" runs and the stroke's
 * covered runs (brushStroke.ts, column-major like the RLE) are both lists of pixel index
 * intervals, merged in one sweep. A 4000 × 3000 mask is never expanded to its 12 million
 * pixels, and the result is the RLE pycocotools' `encode` gives for the painted pixels.
 */
import type { Rle } from '../rle';
import { forEachStrokeSpan, type Stroke } from './brushStroke';

/** Sorted, disjoint, non-touching [start, end) pixel index intervals, flattened. */
type Intervals = number[];

/** The pixels the stroke covers on a height × width mask, as intervals. */
export function strokeIntervals(stroke: Stroke, width: number, height: number): Intervals {
  const spans: [number, number][] = [];
  forEachStrokeSpan(stroke, width, height, (x, y0, y1) => {
    spans.push([x * height + y0, x * height + y1 + 1]);
  });
  spans.sort((a, b) => a[0] - b[0]);
  const out: Intervals = [];
  for (const [start, end] of spans) {
    const last = out.length - 1;
    if (last > 0 && start <= out[last]!) out[last] = Math.max(out[last]!, end);
    else out.push(start, end);
  }
  return out;
}

/** The RLE's "on" runs as intervals (odd counts are the runs of 1s). */
function rleIntervals(rle: Rle): Intervals {
  const out: Intervals = [];
  let at = 0;
  for (let i = 0; i < rle.counts.length; i++) {
    const n = rle.counts[i]!;
    if (i % 2 === 1) append(out, at, at + n);
    at += n;
  }
  return out;
}

/** Appends [start, end) to sorted intervals, joining it to the last one when they touch. */
function append(out: Intervals, start: number, end: number): void {
  if (end <= start) return;
  const last = out.length - 1;
  if (last > 0 && start <= out[last]!) out[last] = Math.max(out[last]!, end);
  else out.push(start, end);
}

/** The union (`erase` false) or the difference a − b (`erase` true) of two interval lists. */
function combine(a: Intervals, b: Intervals, erase: boolean): Intervals {
  const out: Intervals = [];
  if (!erase) {
    let i = 0;
    let j = 0;
    while (i < a.length || j < b.length) {
      const fromA = j >= b.length || (i < a.length && a[i]! <= b[j]!);
      if (fromA) {
        append(out, a[i]!, a[i + 1]!);
        i += 2;
      } else {
        append(out, b[j]!, b[j + 1]!);
        j += 2;
      }
    }
    return out;
  }
  let j = 0;
  for (let i = 0; i < a.length; i += 2) {
    let start = a[i]!;
    const end = a[i + 1]!;
    while (j < b.length && b[j + 1]! <= start) j += 2;
    let k = j;
    while (k < b.length && b[k]! < end) {
      append(out, start, b[k]!);
      start = Math.max(start, b[k + 1]!);
      k += 2;
    }
    append(out, start, end);
  }
  return out;
}

/** Intervals back to counts, as `encodeMask` writes them (a leading 0-run, possibly empty). */
function toRle(intervals: Intervals, height: number, width: number): Rle {
  const counts: number[] = [];
  let at = 0;
  for (let i = 0; i < intervals.length; i += 2) {
    counts.push(intervals[i]! - at, intervals[i + 1]! - intervals[i]!);
    at = intervals[i + 1]!;
  }
  const total = height * width;
  if (at < total || counts.length === 0) counts.push(total - at);
  return { size: [height, width], counts: Uint32Array.from(counts) };
}

/**
 * The RLE with the stroke painted (or erased) into it, at the RLE's own size; null when
 * no pixel changes.
 */
export function paintRle(rle: Rle, stroke: Stroke, erase: boolean): Rle | null {
  const [height, width] = rle.size;
  const before = rleIntervals(rle);
  const after = combine(before, strokeIntervals(stroke, width, height), erase);
  if (after.length === before.length && after.every((v, i) => v === before[i])) return null;
  return toRle(after, height, width);
}
