/**
 * The columnar store held to the object model: every corpus file read both ways gives
 * the same problems, images, categories and index, every annotation read back equal,
 * and the same export.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  checkDataset,
  exportCoco,
  parseCoco,
  type AnnotationRecord,
  type ParseResult,
} from '../coco';
import { DiskBytes, StoredAnnotations } from '../coco/columnar';
import { corpusDir, corpusJsonFiles } from '../coco/testing/corpus';
import { splitStoredJson } from './readStoredJson';

const FILES = corpusJsonFiles(['datumaro', 'cocoapi', 'quirks']);

/** The record's fields as a plain object (a stored record answers through getters). */
function plain(a: AnnotationRecord) {
  const { id, imageId, categoryId, segmentation, bbox, area, iscrowd, score } = a;
  const { keypoints, caption, attributes, file, sourceIndex } = a;
  return {
    ...{ id, imageId, categoryId, segmentation, bbox, area, iscrowd, score },
    ...{ keypoints, caption, attributes, file, sourceIndex },
  };
}

/** The file cut into pieces of `size` bytes (records then cross pieces). */
function pieces(bytes: Uint8Array, size: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let at = 0; at < bytes.length; at += size) out.push(bytes.subarray(at, at + size));
  return out;
}

/**
 * The file read as the app reads it: in pieces of `pieceBytes`, records read back in runs
 * of `runBytes` from the kept pieces, or (`fromDisk`) from the file, as in the browser.
 */
function readStored(
  path: string,
  pieceBytes: number,
  runBytes: number,
  fromDisk: boolean,
): ParseResult | 'unsplit' {
  const bytes = new Uint8Array(readFileSync(join(corpusDir, path)));
  // A small window, so that reads of records cross it.
  const disk = fromDisk
    ? new DiskBytes(bytes.length, (start, end) => bytes.slice(start, end), 100)
    : null;
  let split;
  try {
    split = splitStoredJson(pieces(bytes, pieceBytes), disk);
  } catch {
    return 'unsplit';
  }
  const stored = split.stored === null ? undefined : { ...split.stored, runBytes };
  return parseCoco(split.root, { fileName: path, stored });
}

describe('stored annotations read back as the object model reads them', () => {
  const storedFiles = new Set<string>();
  afterAll(() => {
    // Most corpus files are instances or keypoints files, which the store holds.
    expect(storedFiles.size).toBeGreaterThanOrEqual(FILES.length / 2);
  });
  for (const path of FILES) {
    it(path, () => {
      const text = readFileSync(join(corpusDir, path), 'utf8');
      const objects = parseCoco(text, { fileName: path });
      for (const [pieceBytes, runBytes, fromDisk] of [
        [1 << 20, 4 << 20, false],
        [7, 64, false],
        [1 << 20, 4 << 20, true],
        [7, 64, true],
      ] as const) {
        const stored = readStored(path, pieceBytes, runBytes, fromDisk);
        if (stored === 'unsplit') {
          // Only a file that is not valid JSON fails to split.
          expect(objects.dataset).toBeNull();
          continue;
        }
        expect(stored.problems).toEqual(objects.problems);
        expect([...stored.problemCounts]).toEqual([...objects.problemCounts]);
        const [a, b] = [stored.dataset, objects.dataset];
        if (a === null || b === null) {
          expect(a).toBe(b);
          continue;
        }
        if (a.annotations instanceof StoredAnnotations && a.annotations.length > 0)
          storedFiles.add(path);
        expect(a.kind).toBe(b.kind);
        expect(a.images).toEqual(b.images);
        expect(a.categories).toEqual(b.categories);
        expect(a.unusable).toEqual(b.unusable);
        expect(a.index).toEqual(b.index);
        expect(a.annotations.length).toBe(b.annotations.length);
        for (let i = 0; i < b.annotations.length; i++)
          expect(plain(a.annotations.at(i)!)).toEqual(plain(b.annotations.at(i)!));
        // Read together in runs (checks, statistics): the same records.
        if (a.annotations instanceof StoredAnnotations) {
          expect(a.annotations.readAll(runBytes).map(plain)).toEqual([...b.annotations].map(plain));
          // Read in steps (an evaluation's), run by run: each run's share, up to all.
          const shares = [...a.annotations.readAllSteps(runBytes)];
          expect(shares.every((share, i) => share > (shares[i - 1] ?? 0))).toBe(true);
          expect(shares.at(-1) ?? 'no rows').toBe(b.annotations.length > 0 ? 1 : 'no rows');
          // Read in order run by run (the checks): the same records.
          const inRuns: AnnotationRecord[] = [];
          while (inRuns.length < a.annotations.length)
            inRuns.push(...a.annotations.readFrom(inRuns.length, runBytes));
          expect(inRuns.map(plain)).toEqual([...b.annotations].map(plain));
        }
        expect(checkDataset(a)).toEqual(checkDataset(b));
        expect(exportCoco(a)).toBe(exportCoco(b));
      }
    });
  }
});
