/** Per-image flags that outlive one request (kept alike by the engine and the page). */
import { ImageFlag } from './protocol';

/** `flags` with `hasFindings` on exactly the images at `flagged` (the last check's). */
export function withFindingFlags(flags: Uint8Array, flagged: Int32Array): Uint8Array {
  const out = flags.map((f) => f & ~ImageFlag.hasFindings);
  for (const i of flagged) out[i]! |= ImageFlag.hasFindings;
  return out;
}
