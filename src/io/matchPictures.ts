/**
 * Matches a dataset's images to picture files by path: `file_name` under each of the
 * layout's picture folders (see layout.ts), then by base name anywhere, preferring a path
 * inside the subset's folder when several folders hold the name.
 *
 * Names are compared in three tiers, each tried only when the one before finds nothing:
 * exactly; then with both sides in Unicode NFC (macOS writes names decomposed, NFD, while
 * a json usually spells them composed); then also without case. A looser tier that finds
 * pictures whose names differ from each other (`A.png` and `a.png` for `A.PNG`) matches
 * none of them and reports the image as ambiguous: which picture was meant is the user's
 * call, never the order of the files.
 *
 * An unsafe `file_name` (`../x.png`, `http://h/x.png`) is also looked for under the safe
 * entry path an export gives it (zip/safeEntryPath.ts), so an exported zip reopens whole.
 *
 * Cost: one map per tier over the pictures, built when first needed; a few map lookups per
 * image. No comparison of every name with every picture.
 */
import { baseName, joinPath } from './layout';
import { safeEntryPaths } from './zip/safeEntryPath';

/** An image whose name fits several pictures equally well at the first tier that finds any. */
export type AmbiguousPicture = {
  /** Position of the image in `fileNames`. */
  image: number;
  fileName: string;
  /** How the candidates' names differ from each other. */
  differ: 'case' | 'normalization';
  /** The candidates' paths, as listed. */
  candidates: string[];
};

export type PictureMatch = {
  /** For each image, the index into `picturePaths`, or -1. */
  picture: Int32Array;
  found: number;
  /** File names of images without a picture, in order (capped); ambiguous ones included. */
  missing: string[];
  missingTotal: number;
  /** Images matched to no picture because several fit (capped like `missing`). */
  ambiguous: AmbiguousPicture[];
  ambiguousTotal: number;
};

type Tier = { key: (s: string) => string; differ: AmbiguousPicture['differ'] | null };

const NON_ASCII = /[\u0080-\uffff]/;
const nfc = (s: string): string => (NON_ASCII.test(s) ? s.normalize('NFC') : s);
const TIERS: readonly Tier[] = [
  { key: (s) => s, differ: null },
  { key: nfc, differ: 'normalization' },
  { key: (s) => nfc(s).toLowerCase(), differ: 'case' },
];

/** Pictures by a tier's key of their path and of their base name. */
type TierIndex = { byPath: Lists; byBase: Lists };

export function matchPictures(
  fileNames: readonly string[],
  picturePaths: readonly string[],
  roots: readonly string[],
  subset: string,
  missingCap = 1000,
): PictureMatch {
  const picture = new Int32Array(fileNames.length).fill(-1);
  if (picturePaths.length === 0) {
    // A json alone (no pictures yet): nothing to match, 118k names need no normalizing.
    return {
      picture,
      found: 0,
      missing: fileNames.slice(0, missingCap),
      missingTotal: fileNames.length,
      ambiguous: [],
      ambiguousTotal: 0,
    };
  }
  const indexes: (TierIndex | undefined)[] = [];
  const indexOf = (t: number): TierIndex => (indexes[t] ??= buildIndex(picturePaths, TIERS[t]!));
  // With every name in ASCII, NFC changes nothing: the second tier would repeat the first.
  const asciiPictures = !picturePaths.some((p) => NON_ASCII.test(p));
  const safe = safeEntryPaths(fileNames);
  const subsetSegment = `/${subset.toLowerCase()}/`;
  const inSubset = (j: number) => `/${picturePaths[j]!.toLowerCase()}`.includes(subsetSegment);

  const missing: string[] = [];
  const ambiguous: AmbiguousPicture[] = [];
  let found = 0;
  let missingTotal = 0;
  let ambiguousTotal = 0;
  fileNames.forEach((name, i) => {
    const norm = name.replace(/\\/g, '/').replace(/^\.\//, '');
    const names = safe[i] !== name && safe[i] !== norm ? [norm, safe[i]!] : [norm];
    let hit = -1;
    let unsure: AmbiguousPicture | null = null;
    for (let t = 0; t < TIERS.length && hit < 0 && unsure === null; t++) {
      const tier = TIERS[t]!;
      if (tier.differ === 'normalization' && asciiPictures && !NON_ASCII.test(name)) continue;
      const index = indexOf(t);
      const candidates = findCandidates(index, tier, names, roots, inSubset);
      if (candidates === null) continue;
      const distinct = distinctNames(candidates.list, picturePaths, candidates.byBase);
      if (distinct.length === 1 || tier.differ === null) hit = candidates.list[0]!;
      else
        unsure = {
          image: i,
          fileName: name,
          differ: howTheyDiffer(distinct, candidates.byBase),
          candidates: distinct,
        };
    }
    picture[i] = hit;
    if (hit >= 0) {
      found++;
      return;
    }
    missingTotal++;
    if (missing.length < missingCap) missing.push(name);
    if (unsure !== null) {
      ambiguousTotal++;
      if (ambiguous.length < missingCap) ambiguous.push(unsure);
    }
  });
  return { picture, found, missing, missingTotal, ambiguous, ambiguousTotal };
}

function buildIndex(paths: readonly string[], tier: Tier): TierIndex {
  const byPath = new Lists();
  const byBase = new Lists();
  paths.forEach((p, i) => {
    const key = tier.key(p);
    byPath.add(key, i);
    byBase.add(baseName(key), i);
  });
  return { byPath, byBase };
}

/** Keys to lists of indexes; one number per key until a key repeats (118k paths, few twins). */
class Lists {
  private readonly first = new Map<string, number>();
  private readonly more = new Map<string, number[]>();

  add(key: string, i: number): void {
    if (!this.first.has(key)) this.first.set(key, i);
    else {
      const list = this.more.get(key);
      if (list === undefined) this.more.set(key, [i]);
      else list.push(i);
    }
  }

  get(key: string): number[] | undefined {
    const first = this.first.get(key);
    if (first === undefined) return undefined;
    const more = this.more.size === 0 ? undefined : this.more.get(key);
    return more === undefined ? [first] : [first, ...more];
  }
}

/**
 * The pictures one tier finds for an image: under the first root that holds one of its
 * names, else by base name (those in the subset's folder when any are).
 */
function findCandidates(
  index: TierIndex,
  tier: Tier,
  names: readonly string[],
  roots: readonly string[],
  inSubset: (j: number) => boolean,
): { list: number[]; byBase: boolean } | null {
  for (const root of roots) {
    for (const name of names) {
      const list = index.byPath.get(tier.key(joinPath(root, name)));
      if (list !== undefined) return { list, byBase: false };
    }
  }
  for (const name of names) {
    if (name === '') continue;
    const list = index.byBase.get(tier.key(baseName(name)));
    if (list === undefined) continue;
    const preferred = list.filter(inSubset);
    return { list: preferred.length > 0 ? preferred : list, byBase: true };
  }
  return null;
}

/**
 * The different spellings among the candidates: of their paths when found by path, of
 * their base names when found by base name (the same name in two folders is not an
 * ambiguity of spelling; the subset's folder or the first listed wins, as before).
 */
function distinctNames(
  list: readonly number[],
  paths: readonly string[],
  byBase: boolean,
): string[] {
  const seen = new Map<string, string>();
  for (const j of list) {
    const path = paths[j]!;
    const key = byBase ? baseName(path) : path;
    if (!seen.has(key)) seen.set(key, path);
  }
  return [...seen.values()];
}

/** Names equal once composed (NFC) differ only in normalization; others (also) in case. */
function howTheyDiffer(paths: readonly string[], byBase: boolean): AmbiguousPicture['differ'] {
  const spelling = (p: string) => nfc(byBase ? baseName(p) : p);
  const first = spelling(paths[0]!);
  return paths.every((p) => spelling(p) === first) ? 'normalization' : 'case';
}
