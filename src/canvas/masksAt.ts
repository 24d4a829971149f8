/**
 * Which masks contain an image pixel, from the mask pixels already on the page (no
 * question to the worker per pointer move). Pure: each mask's alpha is asked for only when
 * the pixel is inside its box, so a move over the picture reads one or two masks at most.
 */

export type MaskBox = { x: number; y: number; width: number; height: number };

/** Whether pixel (px, py) of the image is in the mask whose box and alpha (row-major) are given. */
export function maskContains(box: MaskBox, alpha: Uint8Array, px: number, py: number): boolean {
  const x = px - box.x;
  const y = py - box.y;
  if (x < 0 || y < 0 || x >= box.width || y >= box.height) return false;
  return alpha[y * box.width + x]! > 0;
}

/** The keys of the masks containing pixel (px, py), in the order given. */
export function masksAt<K>(
  masks: Iterable<[K, MaskBox]>,
  alphaOf: (key: K, box: MaskBox) => Uint8Array | null,
  px: number,
  py: number,
): K[] {
  const found: K[] = [];
  for (const [key, box] of masks) {
    if (px < box.x || py < box.y || px >= box.x + box.width || py >= box.y + box.height) continue;
    const alpha = alphaOf(key, box);
    if (alpha !== null && maskContains(box, alpha, px, py)) found.push(key);
  }
  return found;
}
