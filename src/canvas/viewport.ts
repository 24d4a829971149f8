/**
 * The canvas viewport: image pixels → screen pixels by `scale` and an offset. Pure
 * functions; the Stage carries the result.
 */
export type Viewport = { scale: number; x: number; y: number };

export const MIN_SCALE = 0.02;
export const MAX_SCALE = 64;

/** The whole image, centred, with a small margin. */
export function fitViewport(
  image: { width: number; height: number },
  box: { width: number; height: number },
): Viewport {
  if (image.width <= 0 || image.height <= 0 || box.width <= 0 || box.height <= 0)
    return { scale: 1, x: 0, y: 0 };
  const scale = Math.min(box.width / image.width, box.height / image.height) * 0.96;
  return {
    scale,
    x: (box.width - image.width * scale) / 2,
    y: (box.height - image.height * scale) / 2,
  };
}

/** 1:1, centred on the image's centre. */
export function actualSizeViewport(
  image: { width: number; height: number },
  box: { width: number; height: number },
): Viewport {
  return { scale: 1, x: (box.width - image.width) / 2, y: (box.height - image.height) / 2 };
}

/** Zoom by `factor` keeping the image point under `pointer` (screen px) where it is. */
export function zoomAround(
  v: Viewport,
  pointer: { x: number; y: number },
  factor: number,
): Viewport {
  const scale = Math.min(MAX_SCALE, Math.max(MIN_SCALE, v.scale * factor));
  const ix = (pointer.x - v.x) / v.scale;
  const iy = (pointer.y - v.y) / v.scale;
  return { scale, x: pointer.x - ix * scale, y: pointer.y - iy * scale };
}

/**
 * Zoomed to a box `[x, y, w, h]` (image px): it fills about a third of the window, centred,
 * never closer than 8× nor farther than the whole image fitted.
 */
export function focusViewport(
  bbox: readonly number[],
  image: { width: number; height: number },
  box: { width: number; height: number },
): Viewport {
  const [x = 0, y = 0, w = 0, h = 0] = bbox;
  const fitted = fitViewport(image, box).scale;
  const wanted = Math.min(box.width / (3 * Math.max(w, 1)), box.height / (3 * Math.max(h, 1)));
  const scale = Math.max(fitted, Math.min(8, wanted));
  return {
    scale,
    x: box.width / 2 - (x + w / 2) * scale,
    y: box.height / 2 - (y + h / 2) * scale,
  };
}
