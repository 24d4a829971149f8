/**
 * Matches a dataset's images to picture files by path: first `file_name` under each of the
 * layout's picture folders (see layout.ts), then by base name anywhere, preferring a
 * path inside the subset's folder when several files share a name.
 */
import { baseName, joinPath } from './layout';

export type PictureMatch = {
  /** For each image, the index into `picturePaths`, or -1. */
  picture: Int32Array;
  found: number;
  /** File names of images without a picture, in order (capped). */
  missing: string[];
  missingTotal: number;
};

export function matchPictures(
  fileNames: readonly string[],
  picturePaths: readonly string[],
  roots: readonly string[],
  subset: string,
  missingCap = 1000,
): PictureMatch {
  if (picturePaths.length === 0) {
    // A json alone (no pictures yet): nothing to match, 118k names need no normalizing.
    return {
      picture: new Int32Array(fileNames.length).fill(-1),
      found: 0,
      missing: fileNames.slice(0, missingCap),
      missingTotal: fileNames.length,
    };
  }
  const byPath = new Map<string, number>();
  const byBase = new Map<string, number[]>();
  picturePaths.forEach((p, i) => {
    const norm = p.toLowerCase();
    if (!byPath.has(norm)) byPath.set(norm, i);
    const base = baseName(norm);
    const list = byBase.get(base);
    if (list === undefined) byBase.set(base, [i]);
    else list.push(i);
  });
  const picture = new Int32Array(fileNames.length).fill(-1);
  const missing: string[] = [];
  let found = 0;
  let missingTotal = 0;
  const subsetSegment = `/${subset.toLowerCase()}/`;
  fileNames.forEach((name, i) => {
    const norm = name.replace(/\\/g, '/').replace(/^\.\//, '').toLowerCase();
    let hit = -1;
    for (const root of roots) {
      const at = byPath.get(joinPath(root.toLowerCase(), norm));
      if (at !== undefined) {
        hit = at;
        break;
      }
    }
    if (hit < 0 && norm !== '') {
      const same = byBase.get(baseName(norm));
      if (same !== undefined) {
        hit =
          same.find((j) => `/${picturePaths[j]!.toLowerCase()}`.includes(subsetSegment)) ??
          same[0]!;
      }
    }
    picture[i] = hit;
    if (hit >= 0) found++;
    else {
      missingTotal++;
      if (missing.length < missingCap) missing.push(name);
    }
  });
  return { picture, found, missing, missingTotal };
}
