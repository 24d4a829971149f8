/**
 * A mask's column runs: each run of the RLE cut at column ends (pixel (x, y) is at
 * x·h + y, see rle.ts), and its connected parts by a union-find over runs of neighbouring
 * columns — so work on a mask's parts costs its runs, not its pixels.
 */
import type { Rle } from './rle';

/** Column runs: run i is column `x[i]`, rows `y0[i]` ≤ y < `y1[i]`; columns ascending, rows too. */
export type ColumnRuns = { x: Int32Array; y0: Int32Array; y1: Int32Array; n: number };

export function columnRunsOf(rle: Rle): ColumnRuns {
  const h = rle.size[0];
  const counts = rle.counts;
  let n = 0;
  let cap = Math.max(16, counts.length);
  let x = new Int32Array(cap);
  let y0 = new Int32Array(cap);
  let y1 = new Int32Array(cap);
  const push = (cx: number, a: number, b: number) => {
    if (n === cap) {
      cap *= 2;
      const grow = (old: Int32Array) => {
        const next = new Int32Array(cap);
        next.set(old);
        return next;
      };
      [x, y0, y1] = [grow(x), grow(y0), grow(y1)];
    }
    x[n] = cx;
    y0[n] = a;
    y1[n++] = b;
  };
  let p = 0;
  for (let i = 0; i < counts.length; i++) {
    const len = counts[i]!;
    if (i % 2 === 1 && h > 0) {
      let cx = Math.floor(p / h);
      let y = p - cx * h;
      let left = len;
      while (left > 0) {
        const run = Math.min(left, h - y);
        push(cx, y, y + run);
        left -= run;
        cx++;
        y = 0;
      }
    }
    p += len;
  }
  return { x, y0, y1, n };
}

/**
 * The connected parts of the runs: each run's part (a representative run index).
 * `diagonal`: 8-connected (runs in neighbouring columns that touch at a corner join);
 * otherwise 4-connected (their rows must overlap).
 */
export function partsOf(runs: ColumnRuns, diagonal: boolean): Int32Array {
  const parent = new Int32Array(runs.n);
  for (let i = 0; i < runs.n; i++) parent[i] = i;
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  const slack = diagonal ? 1 : 0;
  // Two pointers over each pair of neighbouring columns.
  let a = 0;
  while (a < runs.n) {
    const cx = runs.x[a]!;
    let aEnd = a;
    while (aEnd < runs.n && runs.x[aEnd] === cx) aEnd++;
    const b = aEnd;
    if (b < runs.n && runs.x[b] === cx + 1) {
      let bEnd = b;
      while (bEnd < runs.n && runs.x[bEnd] === cx + 1) bEnd++;
      let i = a;
      let j = b;
      while (i < aEnd && j < bEnd) {
        if (runs.y0[j]! < runs.y1[i]! + slack && runs.y0[i]! < runs.y1[j]! + slack) {
          const ri = find(i);
          const rj = find(j);
          if (ri !== rj) parent[rj] = ri;
        }
        if (runs.y1[i]! < runs.y1[j]!) i++;
        else j++;
      }
    }
    a = aEnd;
  }
  for (let i = 0; i < runs.n; i++) parent[i] = find(i);
  return parent;
}

/** Whether pixel (x, y) is set, by a binary search in its column's runs. */
export function runLookup(
  runs: ColumnRuns,
  h: number,
  w: number,
): (x: number, y: number) => boolean {
  const start = new Int32Array(w + 1);
  for (let i = 0; i < runs.n; i++) start[runs.x[i]! + 1]!++;
  for (let x = 0; x < w; x++) start[x + 1]! += start[x]!;
  return (x, y) => {
    if (x < 0 || y < 0 || x >= w || y >= h) return false;
    let lo = start[x]!;
    let hi = start[x + 1]!;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (runs.y1[mid]! <= y) lo = mid + 1;
      else hi = mid;
    }
    return lo < start[x + 1]! && runs.y0[lo]! <= y;
  };
}
