/**
 * A mask's outline: the edges between its pixels and the pixels outside it, on the pixel
 * grid. Pure; the input is the mask's alpha (row-major, its box), a pixel is in when its
 * alpha is above 0.
 */

/**
 * The outline as segments `[x1, y1, x2, y2, …]` in the box's pixel-edge coordinates (0..width,
 * 0..height). Neighbouring edges along a row or column are merged into one segment, so a
 * rectangle is four segments whatever its size. One row-major pass (a 4000 × 3000 mask is
 * read once, in memory order): horizontal runs close within their row, vertical ones are
 * kept open per column until the row where their edge stops.
 */
export function maskOutline(alpha: Uint8Array, width: number, height: number): number[] {
  const segments: number[] = [];
  // For each column edge x (0..width), the row its open vertical run started at, or −1.
  const open = new Int32Array(width + 1).fill(-1);
  for (let y = 0; y <= height; y++) {
    const row = y * width;
    const above = row - width;
    // Horizontal edges between row y − 1 and row y.
    let start = -1;
    for (let x = 0; x <= width; x++) {
      const a = y > 0 && x < width && alpha[above + x]! > 0;
      const b = y < height && x < width && alpha[row + x]! > 0;
      if (a !== b) {
        if (start < 0) start = x;
      } else if (start >= 0) {
        segments.push(start, y, x, y);
        start = -1;
      }
    }
    // Vertical edges of row y, between column x − 1 and column x.
    let left = false;
    for (let x = 0; x <= width; x++) {
      const here = y < height && x < width && alpha[row + x]! > 0;
      const edge = y < height && left !== here;
      if (edge) {
        if (open[x]! < 0) open[x] = y;
      } else if (open[x]! >= 0) {
        segments.push(x, open[x]!, x, y);
        open[x] = -1;
      }
      left = here;
    }
  }
  return segments;
}
