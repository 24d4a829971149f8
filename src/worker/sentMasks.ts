/**
 * The masks the page was sent as bitmaps, each under a token: after an edit, an undo or a
 * switch back, the page says which tokens of the image it still holds, and a mask whose
 * pixels and colour are those of a held token is not drawn again (a 4000 × 3000 mask takes
 * ~0.1 s to make into a bitmap). A token is only reused for the very same RLE (size and
 * every count compared) in the same colour, so a reused bitmap is exactly the mask's.
 */
import type { Rle } from '../coco';
import { maskPixels, type MaskPixels } from './maskPixels';

type Sent = { rle: Rle; color: number };

/** How many masks are remembered (the oldest is forgotten first), and their counts in all. */
const MAX_MASKS = 512;
const MAX_COUNTS = 16 * 1024 * 1024;

function sameRle(a: Rle, b: Rle): boolean {
  if (a === b) return true;
  if (a.size[0] !== b.size[0] || a.size[1] !== b.size[1]) return false;
  if (a.counts.length !== b.counts.length) return false;
  for (let i = 0; i < a.counts.length; i++) if (a.counts[i] !== b.counts[i]) return false;
  return true;
}

export class SentMasks {
  /** Tokens of this engine only: the page may hold bitmaps another engine (worker) sent. */
  private readonly prefix = Math.random().toString(36).slice(2, 10);
  private next = 1;
  private readonly byToken = new Map<string, Sent & { key: string }>();
  /** Tokens by a key cheap to make (size, colour, counts' length and ends): exact match next. */
  private readonly byKey = new Map<string, string[]>();
  private counts = 0;

  /** The token of this mask in this colour (RGB): the one it had, or a new one. */
  tokenOf(rle: Rle, rgb: readonly [number, number, number]): string {
    const color = (rgb[0] << 16) | (rgb[1] << 8) | rgb[2];
    const { counts } = rle;
    const key = `${rle.size[0]}x${rle.size[1]}:${color}:${counts.length}:${counts[1]}:${counts[counts.length - 1]}`;
    for (const token of this.byKey.get(key) ?? []) {
      const sent = this.byToken.get(token)!;
      if (sent.color !== color || !sameRle(sent.rle, rle)) continue;
      // Most recently used last.
      this.byToken.delete(token);
      this.byToken.set(token, sent);
      return token;
    }
    const token = `${this.prefix}-${this.next++}`;
    // A copy: the counts may be a view of a buffer its maker reuses.
    const kept: Rle = { size: [rle.size[0], rle.size[1]], counts: counts.slice() };
    this.byToken.set(token, { rle: kept, color, key });
    this.byKey.set(key, [...(this.byKey.get(key) ?? []), token]);
    this.counts += counts.length;
    this.forgetOldest();
    return token;
  }

  /** Every pixel of the mask sent under `token`; null when forgotten (or never sent). */
  pixelsOf(token: string): MaskPixels | null {
    const sent = this.byToken.get(token);
    if (sent === undefined) return null;
    const { rle, color } = sent;
    return maskPixels(rle, [(color >> 16) & 255, (color >> 8) & 255, color & 255]);
  }

  private forgetOldest(): void {
    for (const [token, sent] of this.byToken) {
      if (this.byToken.size <= MAX_MASKS && this.counts <= MAX_COUNTS) return;
      this.byToken.delete(token);
      this.counts -= sent.rle.counts.length;
      const left = this.byKey.get(sent.key)!.filter((t) => t !== token);
      if (left.length === 0) this.byKey.delete(sent.key);
      else this.byKey.set(sent.key, left);
    }
  }
}
