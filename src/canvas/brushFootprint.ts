/**
 * The brush cursor: the outline of exactly the pixels one dab covers (the stroke rule of
 * coco/edit/brushStroke.ts), relative to the snapped point the dab is centred on.
 */
import { forEachStrokeSpan } from '../coco';
import { maskOutline } from './maskOutline';

const footprints = new Map<number, number[]>();

/**
 * The outline segments `[x1, y1, x2, y2, …]` of a dab of `size`, in image pixels relative
 * to the dab's snapped centre (a pixel centre for odd sizes, a corner for even ones).
 */
export function brushFootprint(size: number): number[] {
  const cached = footprints.get(size);
  if (cached !== undefined) return cached;
  const reach = Math.ceil(size / 2) + 1;
  const side = 2 * reach + 1;
  // A dab centred well inside a grid that holds it whole.
  const centre = size % 2 === 1 ? reach + 0.5 : reach;
  const alpha = new Uint8Array(side * side);
  forEachStrokeSpan({ points: [centre, centre], size }, side, side, (x, y0, y1) => {
    for (let y = y0; y <= y1; y++) alpha[y * side + x] = 1;
  });
  const segments = maskOutline(alpha, side, side).map((v) => v - centre);
  if (footprints.size > 64) footprints.clear();
  footprints.set(size, segments);
  return segments;
}
