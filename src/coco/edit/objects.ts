/**
 * Editing a file object without disturbing it: a new object with the same keys in the same
 * order, changed values in place, new keys at the end. Keys like `__proto__` are data in a
 * COCO file, so they are defined, never assigned (assignment would set the prototype).
 */

export type JsonRecord = Record<string, unknown>;

function define(target: JsonRecord, key: string, value: unknown): void {
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

/**
 * `obj` with `set` applied (a value of `undefined` removes the key). Untouched keys keep
 * their order; new keys are appended in the order given.
 */
export function withFields<T extends object>(obj: T, set: JsonRecord): T {
  const out: JsonRecord = {};
  const source = obj as JsonRecord;
  for (const key of Object.keys(source)) {
    if (Object.prototype.hasOwnProperty.call(set, key)) {
      const value = set[key];
      if (value !== undefined) define(out, key, value);
    } else define(out, key, source[key]);
  }
  for (const key of Object.keys(set)) {
    if (!Object.prototype.hasOwnProperty.call(source, key) && set[key] !== undefined)
      define(out, key, set[key]);
  }
  return out as T;
}

/** `obj` with key `from` renamed to `to`, in the same place. */
export function withRenamedKey(obj: JsonRecord, from: string, to: string): JsonRecord {
  const out: JsonRecord = {};
  for (const key of Object.keys(obj)) define(out, key === from ? to : key, obj[key]);
  return out;
}

/**
 * Whether two JSON values are the same, keys in the same order. A patch that crossed a
 * thread boundary holds copies, not the dataset's own objects, so identity is not enough.
 */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!jsonEqual(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (let i = 0; i < ka.length; i++) {
    const k = ka[i]!;
    if (k !== kb[i] || !jsonEqual((a as JsonRecord)[k], (b as JsonRecord)[k])) return false;
  }
  return true;
}
