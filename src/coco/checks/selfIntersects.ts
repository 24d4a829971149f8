/** Whether two non-adjacent edges of a closed polygon `[x1, y1, …]` cross (quadratic, boxes first). */
export function selfIntersects(p: readonly number[]): boolean {
  const n = Math.floor(p.length / 2);
  for (let i = 0; i < n; i++) {
    const i2 = (i + 1) % n;
    const ax = p[2 * i]!;
    const ay = p[2 * i + 1]!;
    const bx = p[2 * i2]!;
    const by = p[2 * i2 + 1]!;
    const minX = ax < bx ? ax : bx;
    const maxX = ax < bx ? bx : ax;
    const minY = ay < by ? ay : by;
    const maxY = ay < by ? by : ay;
    for (let j = i + 2; j < n; j++) {
      if (i === 0 && j === n - 1) continue; // the closing edge touches the first
      const j2 = (j + 1) % n;
      const cx = p[2 * j]!;
      const cy = p[2 * j + 1]!;
      const dx = p[2 * j2]!;
      const dy = p[2 * j2 + 1]!;
      if (
        (cx < minX && dx < minX) ||
        (cx > maxX && dx > maxX) ||
        (cy < minY && dy < minY) ||
        (cy > maxY && dy > maxY)
      )
        continue;
      const d1 = (dx - cx) * (ay - cy) - (dy - cy) * (ax - cx);
      const d2 = (dx - cx) * (by - cy) - (dy - cy) * (bx - cx);
      const d3 = (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
      const d4 = (bx - ax) * (dy - ay) - (by - ay) * (dx - ax);
      if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0)))
        return true;
    }
  }
  return false;
}
