import { describe, expect, it } from 'vitest';
import { applyPatch, parseCoco, withFields } from '../coco';
import { readCorpusText } from '../coco/testing/corpus';
import { isEdited } from './subset';
import { sourceOf } from './testing/sourceOf';

describe('isEdited', () => {
  it('no panoptic segment is edited right after opening (segments share their entry)', () => {
    const text = readCorpusText('quirks/panoptic-repeated-ids/panoptic.json');
    const source = sourceOf('x.json', parseCoco(text).dataset!);
    expect([...source.dataset.annotations].map((a) => isEdited(source, a))).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });

  it('a panoptic segment changed from its entry is edited; one equal to it is not', () => {
    const source = sourceOf(
      'x.json',
      parseCoco(readCorpusText('quirks/panoptic-repeated-ids/panoptic.json')).dataset!,
    );
    const a = source.dataset.annotations.at(0)!;
    const b = source.dataset.annotations.at(1)!;
    expect(isEdited(source, { ...a, file: withFields(a.file, { category_id: 2 }) })).toBe(true);
    expect(
      isEdited(source, { ...b, file: JSON.parse(JSON.stringify(b.file)) as typeof a.file }),
    ).toBe(false);
  });

  it('an instances annotation is edited once its file object changes, and a new one always', () => {
    const text = readCorpusText(
      'datumaro/coco_dataset/coco_instances/annotations/instances_val.json',
    );
    const dataset = parseCoco(text).dataset!;
    const source = sourceOf('x.json', dataset);
    expect([...dataset.annotations].some((a) => isEdited(source, a))).toBe(false);
    const first = dataset.annotations.at(0)!;
    const after = applyPatch(dataset, [
      {
        op: 'replace',
        collection: 'annotations',
        at: 0,
        before: first.file,
        after: withFields(first.file, { iscrowd: 0, extra: 1 }),
      },
    ]);
    expect(isEdited(source, after.annotations.at(0)!)).toBe(true);
    expect(isEdited(source, { ...first, sourceIndex: -1 })).toBe(true);
  });
});
