/**
 * What the mask commands do to pixels: fill holes, remove specks, count parts, and the
 * difference between a mask before and after (what the preview shows). Masks are
 * column-major (pixel (x, y) at x·height + y), as maskFields.ts reads them. Each works on
 * the mask's bounding box (plus a one-pixel ring), so a small mask on a 4000 × 3000
 * picture costs its box, not 12 million pixels.
 */
import type { PixelMask } from './maskFields';

/** The box [x0, y0, x1, y1) of the set pixels, grown by `pad` and clipped to the mask; null when empty. */
function boxOf(mask: PixelMask, pad: number): [number, number, number, number] | null {
  const { pixels, height: h, width: w } = mask;
  let x0 = w;
  let y0 = h;
  let x1 = -1;
  let y1 = -1;
  for (let x = 0; x < w; x++) {
    const col = x * h;
    for (let y = 0; y < h; y++) {
      if (pixels[col + y] === 0) continue;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
    }
  }
  if (x1 < 0) return null;
  return [
    Math.max(0, x0 - pad),
    Math.max(0, y0 - pad),
    Math.min(w, x1 + 1 + pad),
    Math.min(h, y1 + 1 + pad),
  ];
}

/** How many pixels are set. */
export function pixelCount(mask: PixelMask): number {
  let n = 0;
  for (let i = 0; i < mask.pixels.length; i++) n += mask.pixels[i]!;
  return n;
}

const N4 = [
  [1, 0],
  [-1, 0],
  [0, 1],
  [0, -1],
] as const;
const N8 = [...N4, [1, 1], [1, -1], [-1, 1], [-1, -1]] as const;

/**
 * Labels the connected regions of pixels whose value is `value` inside `box`, with the
 * given neighbourhood; calls `region` with each region's pixel indices (into the mask).
 */
function eachRegion(
  mask: PixelMask,
  box: [number, number, number, number],
  value: 0 | 1,
  neighbours: readonly (readonly [number, number])[],
  region: (indices: Int32Array, size: number) => void,
): void {
  const { pixels, height: h } = mask;
  const [x0, y0, x1, y1] = box;
  const seen = new Uint8Array((x1 - x0) * (y1 - y0));
  const local = (x: number, y: number) => (x - x0) * (y1 - y0) + (y - y0);
  const stack = new Int32Array(seen.length);
  for (let x = x0; x < x1; x++)
    for (let y = y0; y < y1; y++) {
      if (pixels[x * h + y] !== value || seen[local(x, y)] === 1) continue;
      seen[local(x, y)] = 1;
      let top = 0;
      let size = 0;
      stack[top++] = x * h + y;
      const members: number[] = [];
      while (top > 0) {
        const i = stack[--top]!;
        members.push(i);
        size++;
        const px = Math.floor(i / h);
        const py = i - px * h;
        for (const [dx, dy] of neighbours) {
          const nx = px + dx;
          const ny = py + dy;
          if (nx < x0 || ny < y0 || nx >= x1 || ny >= y1) continue;
          if (pixels[nx * h + ny] !== value || seen[local(nx, ny)] === 1) continue;
          seen[local(nx, ny)] = 1;
          stack[top++] = nx * h + ny;
        }
      }
      region(Int32Array.from(members), size);
    }
}

/** The number of 8-connected parts of the mask (what the preview calls its parts). */
export function partCount(mask: PixelMask): number {
  const box = boxOf(mask, 0);
  if (box === null) return 0;
  let n = 0;
  eachRegion(mask, box, 1, N8, () => n++);
  return n;
}

/**
 * The mask with its holes filled: every background region that does not reach the
 * image's border. Background is 4-connected (the dual of 8-connected parts, and
 * scipy.ndimage.binary_fill_holes' default cross structure), so background touching the
 * border only through a diagonal gap between two mask pixels is a hole; a notch open to
 * the border along an edge is not.
 */
export function fillHoles(mask: PixelMask): PixelMask {
  const box = boxOf(mask, 1);
  const pixels = mask.pixels.slice();
  if (box === null) return { ...mask, pixels };
  const [x0, y0, x1, y1] = box;
  const touchesBorder = (i: number) => {
    const x = Math.floor(i / mask.height);
    const y = i - x * mask.height;
    // The box's edge is the image's edge, or a ring of background that reaches it.
    return x === x0 || y === y0 || x === x1 - 1 || y === y1 - 1;
  };
  eachRegion(mask, box, 0, N4, (indices) => {
    if (indices.some(touchesBorder)) return;
    for (const i of indices) pixels[i] = 1;
  });
  return { ...mask, pixels };
}

/** The mask without its 8-connected parts of fewer than `minPixels` pixels. */
export function removeSpecks(mask: PixelMask, minPixels: number): PixelMask {
  const box = boxOf(mask, 0);
  const pixels = mask.pixels.slice();
  if (box === null) return { ...mask, pixels };
  eachRegion(mask, box, 1, N8, (indices, size) => {
    if (size >= minPixels) return;
    for (const i of indices) pixels[i] = 0;
  });
  return { ...mask, pixels };
}

/**
 * How `after` differs from `before` (masks of one size): pixels added and removed, and
 * their IoU as pycocotools' `rleIou` gives for a non-crowd pair (intersection over union;
 * 0 when they do not overlap, which includes two empty masks).
 */
export type MaskDiff = { added: number; removed: number; iou: number };

export function maskDiff(before: PixelMask, after: PixelMask): MaskDiff {
  if (before.height !== after.height || before.width !== after.width)
    throw new RangeError('masks of different sizes cannot be compared');
  let added = 0;
  let removed = 0;
  let both = 0;
  const a = before.pixels;
  const b = after.pixels;
  for (let i = 0; i < a.length; i++) {
    const was = a[i]!;
    const is = b[i]!;
    if (was === 1 && is === 1) both++;
    else if (is === 1) added++;
    else if (was === 1) removed++;
  }
  const union = both + added + removed;
  return { added, removed, iou: both === 0 ? 0 : both / union };
}
