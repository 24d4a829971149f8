/**
 * Seeded mutators for fuzz tests: byte-level (flip, delete, insert, duplicate, truncate)
 * and JSON-level (replace a value by one of another type or an extreme, delete or
 * duplicate a key, nest deeply). Same seed, same mutations.
 */
export type Random = () => number;

export function seeded(seed: number): Random {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const int = (rand: Random, n: number) => Math.floor(rand() * n);

export function mutateBytes(bytes: Uint8Array, rand: Random): Uint8Array {
  const out = Array.from(bytes);
  const edits = 1 + int(rand, 8);
  for (let e = 0; e < edits && out.length > 0; e++) {
    const at = int(rand, out.length);
    switch (int(rand, 6)) {
      case 0:
        out[at] = int(rand, 256);
        break;
      case 1:
        out.splice(at, 1 + int(rand, 16));
        break;
      case 2:
        out.splice(at, 0, ...Array.from({ length: 1 + int(rand, 8) }, () => int(rand, 256)));
        break;
      case 3:
        out.splice(at, 0, ...out.slice(at, at + 1 + int(rand, 64)));
        break;
      case 4:
        out.length = at;
        break;
      default:
        out[at] = out[at]! ^ (1 << int(rand, 8));
    }
  }
  return Uint8Array.from(out);
}

const EXTREMES: unknown[] = [
  null,
  true,
  false,
  0,
  -1,
  -1e308,
  1e308,
  2 ** 53 + 1,
  0.1,
  '',
  'x',
  '<script>alert(1)</script>',
  '\u202E\u200B',
  [],
  {},
  [[]],
  [1, 2, 3],
  { counts: 'zz', size: [1, 1] },
  { counts: [1e12], size: [100000, 100000] },
  { __proto__: { polluted: true } },
];

type Json = unknown;

function paths(
  value: Json,
  out: (string | number)[][] = [],
  at: (string | number)[] = [],
  limit = 4000,
): (string | number)[][] {
  if (out.length > limit) return out;
  out.push(at);
  if (Array.isArray(value)) value.slice(0, 20).forEach((v, i) => paths(v, out, [...at, i], limit));
  else if (value !== null && typeof value === 'object')
    for (const k of Object.keys(value))
      paths((value as Record<string, Json>)[k], out, [...at, k], limit);
  return out;
}

/** A deep copy of `value` with a few structural mutations. */
export function mutateJson(value: Json, rand: Random): Json {
  const root = structuredClone(value);
  const edits = 1 + int(rand, 4);
  for (let e = 0; e < edits; e++) {
    const all = paths(root).filter((p) => p.length > 0);
    if (all.length === 0) break;
    const path = all[int(rand, all.length)]!;
    let parent = root as Record<string | number, Json>;
    for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, Json>;
    const key = path[path.length - 1]!;
    switch (int(rand, 4)) {
      case 0:
        if (Array.isArray(parent)) parent.splice(key as number, 1);
        else delete parent[key];
        break;
      case 1:
        if (Array.isArray(parent)) parent.push(structuredClone(parent[key as number]));
        else parent[`${String(key)}_copy`] = structuredClone(parent[key]);
        break;
      case 2: {
        let deep: Json = parent[key];
        for (let d = 0; d < 200; d++) deep = [deep];
        parent[key] = deep;
        break;
      }
      default:
        parent[key] = structuredClone(EXTREMES[int(rand, EXTREMES.length)]);
    }
  }
  return root;
}
