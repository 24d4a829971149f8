/**
 * Whether two non-adjacent edges of a closed polygon `[x1, y1, …]` cross (properly: each
 * edge's ends strictly on both sides of the other's line). Edges are swept by their left
 * end, so only edges whose x ranges overlap are compared: a polygon's outline overlaps
 * itself in x only here and there, and the all-pairs test cost seconds over a
 * train2017-sized file. Each pair is computed as the all-pairs test computes it (lower
 * edge index first), so the answer is the same to the last bit.
 */

/** Up to this many edges, all pairs are cheaper than sorting. */
const ALL_PAIRS_UP_TO = 12;

/** Scratch for the sweep (grown as needed, reused: the checks call this per polygon). */
let left = new Float64Array(256);
let right = new Float64Array(256);
let order = new Int32Array(256);

export function selfIntersects(p: readonly number[]): boolean {
  const n = Math.floor(p.length / 2);
  if (n < 4) return false; // a triangle has no non-adjacent edges
  if (n <= ALL_PAIRS_UP_TO) {
    for (let i = 0; i < n; i++)
      for (let j = i + 2; j < n; j++) if (crosses(p, n, i, j)) return true;
    return false;
  }
  if (left.length < n) {
    left = new Float64Array(2 * n);
    right = new Float64Array(2 * n);
    order = new Int32Array(2 * n);
  }
  for (let e = 0; e < n; e++) {
    const x1 = p[2 * e]!;
    const x2 = p[2 * ((e + 1) % n)]!;
    left[e] = x1 < x2 ? x1 : x2;
    right[e] = x1 < x2 ? x2 : x1;
  }
  sortByLeft(n);
  for (let a = 0; a < n; a++) {
    const e = order[a]!;
    const reach = right[e]!;
    for (let b = a + 1; b < n && left[order[b]!]! <= reach; b++) {
      const f = order[b]!;
      if (crosses(p, n, e < f ? e : f, e < f ? f : e)) return true;
    }
  }
  return false;
}

/** Whether edges i < j (not adjacent) cross, as the all-pairs test computed it. */
function crosses(p: readonly number[], n: number, i: number, j: number): boolean {
  if (j === i + 1 || (i === 0 && j === n - 1)) return false; // adjacent: they share an end
  const i2 = (i + 1) % n;
  const j2 = (j + 1) % n;
  const ax = p[2 * i]!;
  const ay = p[2 * i + 1]!;
  const bx = p[2 * i2]!;
  const by = p[2 * i2 + 1]!;
  const cx = p[2 * j]!;
  const cy = p[2 * j + 1]!;
  const dx = p[2 * j2]!;
  const dy = p[2 * j2 + 1]!;
  const minX = ax < bx ? ax : bx;
  const maxX = ax < bx ? bx : ax;
  const minY = ay < by ? ay : by;
  const maxY = ay < by ? by : ay;
  if (
    (cx < minX && dx < minX) ||
    (cx > maxX && dx > maxX) ||
    (cy < minY && dy < minY) ||
    (cy > maxY && dy > maxY)
  )
    return false;
  const d1 = (dx - cx) * (ay - cy) - (dy - cy) * (ax - cx);
  const d2 = (dx - cx) * (by - cy) - (dy - cy) * (bx - cx);
  const d3 = (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
  const d4 = (bx - ax) * (dy - ay) - (by - ay) * (dx - ax);
  return ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0));
}

/** `order[0…n)`: the edges by their left end. */
function sortByLeft(n: number): void {
  for (let e = 0; e < n; e++) order[e] = e;
  if (n > 32) {
    order.subarray(0, n).sort((e, f) => left[e]! - left[f]!);
    return;
  }
  for (let k = 1; k < n; k++) {
    const key = left[k]!;
    let at = k;
    while (at > 0 && left[order[at - 1]!]! > key) {
      order[at] = order[at - 1]!;
      at--;
    }
    order[at] = k;
  }
}
