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
 *
 * A mask sent as the canvas showed it (`MaskImage.sampled`: the one an Apply draws at
 * once) is held as any other until its whole bitmap comes, which takes its place.
 */
import type { MaskImage } from '../worker/protocol';

type HeldMask = { image: MaskImage; users: number; imageKey: string; bytes: number };

/** What the masks no view holds may take in all (4 bytes a pixel): two 4000 × 3000 masks. */
const LINGER_BYTES = 100e6;

/** By token, every mask held or lingering. */
const held = new Map<string, HeldMask>();

/**
 * The masks no view holds, least recently let go first, and their bytes: kept apart so a
 * view let go (every image switch lets go of one) costs the masks it drew, not a walk over
 * all the lingering ones (many small masks fit in LINGER_BYTES).
 */
const lingering = new Map<string, HeldMask>();
let lingeringBytes = 0;

/** The mask `m` (of `token`) held by one view more. */
function take(token: string, m: HeldMask): void {
  if (m.users++ === 0 && lingering.delete(token)) lingeringBytes -= m.bytes;
}

/** Closes the masks no view holds, least recently let go first, past LINGER_BYTES. */
function forgetLingering(): void {
  for (const [token, m] of lingering) {
    if (lingeringBytes <= LINGER_BYTES) return;
    lingering.delete(token);
    held.delete(token);
    lingeringBytes -= m.bytes;
    m.image.bitmap.close();
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
    take(token, m);
    return m.image;
  }
  if (sent === undefined) return undefined;
  const bytes = sent.bitmap.width * sent.bitmap.height * 4;
  held.set(token, { image: sent, users: 1, imageKey, bytes });
  return sent;
}

/** A view lets go of the mask `token`; it lingers once no view holds it. */
export function releaseMask(token: string): void {
  const m = held.get(token);
  if (m === undefined || --m.users > 0) return;
  // Least recently let go first.
  lingering.set(token, m);
  lingeringBytes += m.bytes;
  forgetLingering();
}

/** The tokens of the image's masks held here, each held once more until `unhold` is called. */
export function pinMasks(imageKey: string): { tokens: string[]; unhold: () => void } {
  const tokens: string[] = [];
  for (const [token, m] of held)
    if (m.imageKey === imageKey) {
      take(token, m);
      tokens.push(token);
    }
  return { tokens, unhold: () => tokens.forEach(releaseMask) };
}

/** Grows each time a whole mask takes the place of a sampled one. */
let wholeMasksTaken = 0;
const wholeMaskListeners = new Set<() => void>();

/** Calls `listener` each time a whole mask takes the place of a sampled one; undone by the return. */
export function subscribeWholeMasks(listener: () => void): () => void {
  wholeMaskListeners.add(listener);
  return () => wholeMaskListeners.delete(listener);
}

/** How many whole masks have taken their sampled one's place (a version for React). */
export function wholeMasksVersion(): number {
  return wholeMasksTaken;
}

/**
 * The whole mask (every pixel of its box) takes the place of the sampled one held under
 * `token`, in place: every view that draws it draws the whole one from its next render,
 * which the listeners are told to make. The sampled bitmap is closed once they have;
 * `whole` is closed unused when the token is no longer held, or holds no sampled mask.
 */
export function takeWholeMask(token: string, whole: MaskImage): void {
  const m = held.get(token);
  if (m === undefined || m.image.sampled !== true) {
    whole.bitmap.close();
    return;
  }
  const sampled = m.image.bitmap;
  const bytes = whole.bitmap.width * whole.bitmap.height * 4;
  if (lingering.has(token)) lingeringBytes += bytes - m.bytes;
  m.bytes = bytes;
  Object.assign(m.image, whole);
  delete m.image.sampled;
  wholeMasksTaken++;
  wholeMaskListeners.forEach((listener) => listener());
  // The views render again in a microtask (React), before this.
  setTimeout(() => sampled.close(), 0);
  forgetLingering();
}
