/** A subset's counts (all, crowd, per category) are those of its annotations, counted one by one. */
import { describe, expect, it } from 'vitest';
import { generateCoco } from '../../scripts/gen/dataset';
import { parseCoco, type Dataset } from '../coco';
import { StoredAnnotations } from '../coco/columnar';
import { splitStoredJson } from '../io/readStoredJson';
import { countAll } from './counts';
import { buildSubset } from './subset';
import { sourceOf } from './testing/sourceOf';

/** The dataset of `text` with its annotations as objects, or as a stored table (columns). */
function parsed(text: string, stored: boolean): Dataset {
  if (!stored) return parseCoco(text).dataset!;
  const split = splitStoredJson([new TextEncoder().encode(text)]);
  const dataset = parseCoco(split.root, { stored: split.stored ?? undefined }).dataset!;
  expect(dataset.annotations).toBeInstanceOf(StoredAnnotations);
  return dataset;
}

describe.each([false, true])('countAll (stored table: %s)', (stored) => {
  it('counts every category and its crowds, whatever order the annotations come in', () => {
    const coco = generateCoco({ images: 30, annotations: 600, crowdShare: 0.2, seed: 11 });
    // Runs of one category, then categories mixed: the entry kept at hand must follow both.
    coco.annotations.sort((a, b) => a.category_id - b.category_id);
    coco.annotations.push(...coco.annotations.splice(0, 200).reverse());
    const expected = new Map<number, { count: number; crowd: number }>();
    for (const a of coco.annotations) {
      const c = expected.get(a.category_id) ?? { count: 0, crowd: 0 };
      c.count++;
      if (a.iscrowd === 1) c.crowd++;
      expected.set(a.category_id, c);
    }
    const crowds = coco.annotations.filter((a) => a.iscrowd === 1).length;
    expect(crowds).toBeGreaterThan(50);
    const dataset = parsed(JSON.stringify(coco), stored);
    const counts = countAll(buildSubset('x', [sourceOf('instances_x.json', dataset)]));
    expect(counts.annotations).toBe(coco.annotations.length);
    expect(counts.crowd).toBe(crowds);
    expect(new Map([...counts.perCategory].sort(([a], [b]) => Number(a) - Number(b)))).toEqual(
      new Map([...expected].sort(([a], [b]) => a - b)),
    );
  });
});
