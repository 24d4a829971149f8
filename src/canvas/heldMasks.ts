/**
 * The annotation masks the page holds as bitmaps, by the engine's token
 * (worker/sentMasks.ts), shared by the cached views that draw them: a view asked for after
 * an edit, an undo or a switch back names the tokens of its image held here, and the
 * engine sends only the masks not among them (a 4000 × 3000 mask takes it ~0.1 s to
 * make); the new view takes the others from here.
 *
 * A mask no view holds any more lingers a while (the last few, within LINGER_BYTES):
 * undoing a conversion brings back the mask it replaced, and the image's view after the
 * undo takes it from here instead of having it made again.
 */
import type { MaskImage } from '../worker/protocol';

type HeldMask = { image: MaskImage; users: number; imageKey: string };

/** What the masks no view holds may take in all (4 bytes a pixel): two 4000 × 3000 masks. */
const LINGER_BYTES = 100e6;

/** By token; those no view holds last, least recently let go first. */
const held = new Map<string, HeldMask>();

const bytesOf = (m: HeldMask) => m.image.bitmap.width * m.image.bitmap.height * 4;

/** Closes the masks no view holds, least recently let go first, past LINGER_BYTES. */
function forgetLingering(): void {
  let bytes = 0;
  for (const m of held.values()) if (m.users === 0) bytes += bytesOf(m);
  for (const [token, m] of held) {
    if (bytes <= LINGER_BYTES) return;
    if (m.users > 0) continue;
    held.delete(token);
    m.image.bitmap.close();
    bytes -= bytesOf(m);
  }
}

/**
 * The bitmap a view draws for the mask the engine named `token`, held once more: the one
 * held here if any (then `sent`, the same pixels, is closed), else `sent`, held from now on.
 * Undefined when neither is there (the engine sent no bitmap for a token not held).
 */
export function holdMask(
  token: string,
  sent: MaskImage | undefined,
  imageKey: string,
): MaskImage | undefined {
  const m = held.get(token);
  if (m !== undefined) {
    sent?.bitmap.close();
    m.users++;
    return m.image;
  }
  if (sent === undefined) return undefined;
  held.set(token, { image: sent, users: 1, imageKey });
  return sent;
}

/** A view lets go of the mask `token`; it lingers once no view holds it. */
export function releaseMask(token: string): void {
  const m = held.get(token);
  if (m === undefined || --m.users > 0) return;
  // Least recently let go first.
  held.delete(token);
  held.set(token, m);
  forgetLingering();
}

/** The tokens of the image's masks held here, each held once more until `unhold` is called. */
export function pinMasks(imageKey: string): { tokens: string[]; unhold: () => void } {
  const tokens: string[] = [];
  for (const [token, m] of held)
    if (m.imageKey === imageKey) {
      m.users++;
      tokens.push(token);
    }
  return { tokens, unhold: () => tokens.forEach(releaseMask) };
}
