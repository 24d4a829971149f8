/**
 * A mask's outline: the edges between its pixels and the pixels outside it, on the pixel
 * grid. Pure; the input is the mask's alpha (row-major, its box), a pixel is in when its
 * alpha is above 0.
 */

/**
 * The outline as segments `[x1, y1, x2, y2, …]` in the box's pixel-edge coordinates (0..width,
 * 0..height). Neighbouring edges along a row or column are merged into one segment, so a
 * rectangle is four segments whatever its size.
 */
export function maskOutline(alpha: Uint8Array, width: number, height: number): number[] {
  const inside = (x: number, y: number) =>
    x >= 0 && y >= 0 && x < width && y < height && alpha[y * width + x]! > 0;
  const segments: number[] = [];
  // Horizontal edges: between row y − 1 and row y.
  for (let y = 0; y <= height; y++) {
    let start = -1;
    for (let x = 0; x <= width; x++) {
      const edge = x < width && inside(x, y - 1) !== inside(x, y);
      if (edge && start < 0) start = x;
      else if (!edge && start >= 0) {
        segments.push(start, y, x, y);
        start = -1;
      }
    }
  }
  // Vertical edges: between column x − 1 and column x.
  for (let x = 0; x <= width; x++) {
    let start = -1;
    for (let y = 0; y <= height; y++) {
      const edge = y < height && inside(x - 1, y) !== inside(x, y);
      if (edge && start < 0) start = y;
      else if (!edge && start >= 0) {
        segments.push(x, start, x, y);
        start = -1;
      }
    }
  }
  return segments;
}
