/**
 * Where the lines between image pixels fall on the screen, for the pixel grid: pure, so
 * the grid draws only the lines in view (a 4000-pixel-wide picture at 6400 % would
 * otherwise be 4000 lines, nearly all off screen).
 */

/** The grid is drawn from this scale (800 %): below it the lines would crowd the picture. */
export const GRID_MIN_SCALE = 8;

/**
 * The screen coordinates (along one axis) of the edges between image pixels 0..`imageSize`
 * that lie within the screen's 0..`screenSize`, for an image drawn at `offset` + i·`scale`.
 */
export function gridLines(
  offset: number,
  scale: number,
  screenSize: number,
  imageSize: number,
): number[] {
  if (scale <= 0 || imageSize <= 0) return [];
  const first = Math.max(0, Math.ceil(-offset / scale));
  const last = Math.min(imageSize, Math.floor((screenSize - offset) / scale));
  const lines: number[] = [];
  for (let i = first; i <= last; i++) lines.push(offset + i * scale);
  return lines;
}
