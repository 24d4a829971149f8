/**
 * Faithful export: a dataset written back as the bytes it was read from, with only the
 * records the user changed rewritten (in the file's own style). See splicer.ts.
 */
import { strToU8 } from 'fflate';
import { concat } from './byteRouter';
import { JsonSplicer } from './splicer';
import type { SplicePlan } from './splicePlan';

export { concat } from './byteRouter';
export { JsonSplicer } from './splicer';
export {
  SpliceMismatch,
  DROP,
  KEEP,
  REPLACE,
  type CollectionName,
  type CollectionPlan,
  type SplicePlan,
} from './splicePlan';
export { planSplice, changesNothing } from './planSplice';
export { findExactIntegers, hasUnsafeIds } from './exactIntegers';
export type { JsonStyle } from './jsonStyle';

/** The whole output for input bytes held in memory (small files, tests), in `chunkBytes` pieces. */
export function spliceBytes(bytes: Uint8Array, plan: SplicePlan, chunkBytes = 1 << 24): Uint8Array {
  const parts: Uint8Array[] = [];
  const splicer = new JsonSplicer(plan, (part) =>
    parts.push(typeof part === 'string' ? strToU8(part) : part.slice()),
  );
  for (let at = 0; at < bytes.length; at += chunkBytes)
    splicer.push(bytes.subarray(at, at + chunkBytes));
  splicer.finish();
  return concat(parts);
}
