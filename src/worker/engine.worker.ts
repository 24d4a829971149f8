/**
 * The worker shell around the data engine: the browser-only parts (bitmaps, PNG decoding,
 * `postMessage`) given to serve.ts, which answers every request. No logic of its own.
 */
// First: no module after it may reach the network (see lockdown.ts).
import './lockedDown';
import { Engine } from './engine';
import type { MaskPixels } from './maskPixels';
import type { RgbaImage } from './panoptic';
import type { Request } from './protocol';
import { serve } from './serve';

/** A PNG's exact pixel values: no colour management, no premultiplied alpha. */
async function decodePng(blob: Blob): Promise<RgbaImage> {
  const bitmap = await createImageBitmap(blob, {
    colorSpaceConversion: 'none',
    premultiplyAlpha: 'none',
  });
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const ctx = canvas.getContext('2d', { colorSpace: 'srgb' })!;
  ctx.drawImage(bitmap, 0, 0);
  bitmap.close();
  return {
    data: ctx.getImageData(0, 0, canvas.width, canvas.height).data,
    width: canvas.width,
    height: canvas.height,
  };
}

const answer = serve(new Engine(), {
  post: (message, transfer) => self.postMessage(message, { transfer }),
  // Premultiplied, as the canvas draws: a bitmap made with `premultiplyAlpha: 'none'` is
  // made faster (a 4000 × 3000 mask: ~45 ms instead of ~63) but is converted at every draw,
  // which the page pays per frame (a 161 × 167 mask drawn at 2×: 0.56 ms instead of 0.38; a
  // 4000 × 3000 one at 1:1: 4 ms instead of 2), and an image switch draws ten of them.
  toBitmap: (px: MaskPixels) => createImageBitmap(new ImageData(px.rgba, px.width, px.height)),
  decodePng,
  now: () => performance.now(),
});

self.onmessage = (event: MessageEvent<Request>) => void answer(event.data);
