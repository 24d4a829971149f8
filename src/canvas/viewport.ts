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
