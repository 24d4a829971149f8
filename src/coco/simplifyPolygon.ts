/**
 * Douglas–Peucker on a closed polygon part (flat `[x0, y0, x1, y1, …]`): drops the points
 * that lie within `tolerance` image pixels of the line kept in their place. Tolerance 0
 * keeps the outline exactly. The ring is split at its first point and the point farthest
 * from it, and each half is simplified as an open line.
 */
export function simplifyPolygon(points: readonly number[], tolerance: number): number[] {
  const n = Math.floor(points.length / 2);
  if (tolerance <= 0 || n <= 3) return points.slice(0, 2 * n);
  const x = (i: number) => points[2 * (i % n)]!;
  const y = (i: number) => points[2 * (i % n) + 1]!;
  let far = 0;
  let farDistance = -1;
  for (let i = 1; i < n; i++) {
    const d = (x(i) - x(0)) ** 2 + (y(i) - y(0)) ** 2;
    if (d > farDistance) [far, farDistance] = [i, d];
  }
  const keep = new Uint8Array(n + 1);
  keep[0] = keep[far] = keep[n] = 1;
  const stack = [0, far, far, n];
  while (stack.length > 0) {
    const last = stack.pop()!;
    const first = stack.pop()!;
    let worst = -1;
    let worstDistance = tolerance;
    for (let i = first + 1; i < last; i++) {
      const d = distanceToSegment(x(i), y(i), x(first), y(first), x(last), y(last));
      if (d > worstDistance) [worst, worstDistance] = [i, d];
    }
    if (worst < 0) continue;
    keep[worst] = 1;
    stack.push(first, worst, worst, last);
  }
  const out: number[] = [];
  for (let i = 0; i < n; i++) if (keep[i] === 1) out.push(x(i), y(i));
  return out;
}

function distanceToSegment(
  px: number,
  py: number,
  ax: number,
  ay: number,
  bx: number,
  by: number,
): number {
  const dx = bx - ax;
  const dy = by - ay;
  const length2 = dx * dx + dy * dy;
  const t =
    length2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / length2));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}
