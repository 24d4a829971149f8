/**
 * A stored table's element spans let the splicer copy the kept elements between edits
 * without reading them: the export is the same, byte for byte, as when every element is
 * read, in every layout and chunking, and a file that is not the one opened is refused.
 */
import { strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { generateCoco } from '../../../scripts/gen/dataset';
import { FileBytes, StoredAnnotations } from '../columnar';
import { elementSpans } from '../columnar/elementSpans';
import { applyPatch } from '../edit/patch';
import { planAddAnnotation, planDeleteAnnotations, planSetFields } from '../edit/commands';
import type { Dataset } from '../model';
import { parseCoco } from '../parse/parseCoco';
import { concat, JsonSplicer, planSplice, spliceBytes, SpliceMismatch } from './index';
import { DROP, KEEP, REPLACE, type SplicePlan } from './splicePlan';
import { unreadRuns } from './unreadRuns';

const coco = generateCoco({ images: 40, annotations: 3000, seed: 11 });

/** The same dataset written three ways: blanks around the commas between records too. */
const LAYOUTS: Record<string, string> = {
  compact: JSON.stringify(coco),
  indented: JSON.stringify(coco, null, 2),
  spaced: JSON.stringify(coco).replaceAll('},{"segmentation"', '} ,\n  {"segmentation"'),
};

/** The file opened as the app opens a big one (a stored table), and as objects. */
function opened(text: string): { bytes: Uint8Array; stored: Dataset; objects: Dataset } {
  const bytes = strToU8(text);
  const stored = parseCoco(
    { ...coco, annotations: [] },
    {
      fileName: 'x.json',
      stored: {
        bytes: new FileBytes([bytes]),
        spans: Float64Array.from(elementSpans(bytes, 'annotations')!),
      },
    },
  ).dataset!;
  expect(stored.annotations).toBeInstanceOf(StoredAnnotations);
  return { bytes, stored, objects: parseCoco(text, { fileName: 'x.json' }).dataset! };
}

/** Relabels here and there, deletes (the first record, a pair, the last), one record added. */
function edit(dataset: Dataset): Dataset {
  let d = applyPatch(dataset, planSetFields(dataset, [5, 700, 701, 2000], { category_id: 2 }));
  d = applyPatch(d, planDeleteAnnotations(d, [0, 1000, 1001, d.annotations.length - 1]));
  const image = d.images[0]!;
  const shape = { kind: 'polygons' as const, polygons: [[1, 1, 4, 1, 4, 3]] };
  return applyPatch(d, planAddAnnotation(d, { imageId: image.id, categoryId: 1, shape }, image, 9));
}

/** Bytes as text (compared whole, faster than byte by byte). */
function text(bytes: Uint8Array): string {
  return new TextDecoder().decode(bytes);
}

/** The splice of `bytes` with only the bytes the splicer asks for given; the others copied here. */
function spliceNeeded(bytes: Uint8Array, plan: SplicePlan, chunkBytes: number) {
  const parts: Uint8Array[] = [];
  const splicer = new JsonSplicer(plan, (p) =>
    parts.push(typeof p === 'string' ? strToU8(p) : p.slice()),
  );
  let given = 0;
  for (let at = 0; at < bytes.length;) {
    const needed = splicer.nextNeeded;
    if (needed > at) {
      parts.push(bytes.slice(at, needed));
      splicer.skipTo(needed);
      at = needed;
      continue;
    }
    const chunk = bytes.subarray(at, at + chunkBytes);
    splicer.push(chunk);
    given += chunk.length;
    at += chunk.length;
  }
  splicer.finish();
  return { out: concat(parts), given };
}

describe('kept records between edits go unread', () => {
  it.each(Object.keys(LAYOUTS))('%s: the same bytes as when every record is read', (layout) => {
    const { bytes, stored, objects } = opened(LAYOUTS[layout]!);
    const everyRead = text(spliceBytes(bytes, planSplice(objects, edit(objects))));
    expect(everyRead).not.toBe(LAYOUTS[layout]);
    const plan = planSplice(stored, edit(stored));
    expect(plan.collections.annotations!.unread!.length).toBeGreaterThanOrEqual(4);
    for (const chunk of [61, 1 << 20])
      expect(text(spliceBytes(bytes, plan, chunk))).toBe(everyRead);
    for (const chunk of [61, 1 << 14]) {
      const { out, given } = spliceNeeded(bytes, plan, chunk);
      expect(text(out)).toBe(everyRead);
      // The images, the categories and the records near the edits: a small part of the file.
      expect(given).toBeLessThan(bytes.length / 4);
    }
  });

  it('a file changed since it was opened is refused, not half-copied', () => {
    const { bytes, stored } = opened(LAYOUTS.compact!);
    const original = LAYOUTS.compact!;
    // One byte more in a record half way: every comma after it has moved.
    const at = original.indexOf('"iscrowd":', elementSpans(bytes, 'annotations')![2 * 1500]!);
    const changed = strToU8(`${original.slice(0, at)} ${original.slice(at)}`);
    const plan = planSplice(stored, edit(stored));
    expect(() => spliceBytes(changed, plan)).toThrow(SpliceMismatch);
    expect(() => spliceNeeded(changed, plan, 1 << 16)).toThrow(SpliceMismatch);
  });
});

describe('unreadRuns', () => {
  // Elements of 10 bytes: element k is [10k + 1, 10k + 10), its comma at 10k + 10.
  const spans = Float64Array.from({ length: 28 }, (_, i) =>
    i % 2 === 0 ? 5 * i + 1 : 5 * (i - 1) + 10,
  );
  const K = KEEP;
  const codes = Uint8Array.from([K, K, K, K, K, DROP, K, K, K, REPLACE, K, K, K, K]);

  it('skips neither the first two elements, nor one after a dropped one, nor a run’s last', () => {
    expect(unreadRuns(codes, spans, 0)).toEqual([
      { first: 2, last: 4, from: 20, to: 40 },
      { first: 7, last: 8, from: 70, to: 80 },
      { first: 10, last: 13, from: 100, to: 130 },
    ]);
  });

  it('leaves short runs to be read, and spans of another array alone', () => {
    expect(unreadRuns(codes, spans, 25)).toEqual([{ first: 10, last: 13, from: 100, to: 130 }]);
    expect(unreadRuns(codes, spans.subarray(2), 0)).toEqual([]);
  });
});
