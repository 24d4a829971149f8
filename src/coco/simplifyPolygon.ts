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
  // Squared distances: the same points are kept, without a square root per point.
  const tolerance2 = tolerance * tolerance;
  const stack = [0, far, far, n];
  while (stack.length > 0) {
    const last = stack.pop()!;
    const first = stack.pop()!;
    const ax = x(first);
    const ay = y(first);
    const dx = x(last) - ax;
    const dy = y(last) - ay;
    const length2 = dx * dx + dy * dy;
    let worst = -1;
    let worstDistance2 = tolerance2;
    for (let i = first + 1; i < last; i++) {
      const px = points[2 * i]! - ax;
      const py = points[2 * i + 1]! - ay;
      const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, (px * dx + py * dy) / length2));
      const ex = px - t * dx;
      const ey = py - t * dy;
      const d2 = ex * ex + ey * ey;
      if (d2 > worstDistance2) {
        worst = i;
        worstDistance2 = d2;
      }
    }
    if (worst < 0) continue;
    keep[worst] = 1;
    stack.push(first, worst, worst, last);
  }
  const out: number[] = [];
  for (let i = 0; i < n; i++) if (keep[i] === 1) out.push(x(i), y(i));
  return out;
}
