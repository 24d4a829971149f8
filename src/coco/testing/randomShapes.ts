/** Test-only: seeded random polygons for comparing the mask API with its oracles. */
import type { Random } from './mutate';

/**
 * A polygon `[x1, y1, …]` in image pixels of every awkward kind, chosen by the seed: up to
 * 40 vertices, partly or wholly off a w × h image, on .1 or whole-pixel steps (exact ties
 * of pycocotools' rounding), with repeated vertices (zero-length edges), or larger than
 * the image.
 */
export function randomPolygon(rand: Random, w: number, h: number): number[] {
  const n = 1 + Math.floor(rand() * 40);
  const kind = Math.floor(rand() * 5);
  const cx = -0.3 * w + rand() * 1.6 * w;
  const cy = -0.3 * h + rand() * 1.6 * h;
  const r = 0.5 + rand() * Math.max(w, h) * (kind === 4 ? 1.5 : 0.4);
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    let x = cx + (rand() - 0.5) * 2 * r;
    let y = cy + (rand() - 0.5) * 2 * r;
    if (kind === 1) [x, y] = [Math.round(x * 10) / 10, Math.round(y * 10) / 10];
    if (kind === 2) [x, y] = [Math.round(x), Math.round(y)];
    if (kind === 3 && i > 0 && rand() < 0.4) [x, y] = [out[out.length - 2]!, out[out.length - 1]!];
    out.push(x, y);
  }
  return out;
}
