import { describe, expect, it } from 'vitest';
import { toCategoryIndex } from './categoryIndex';
import { searchLabels, withRecent } from './labelSearch';

const COCO = ['person', 'bicycle', 'car', 'motorcycle', 'bird', 'parking meter', 'traffic light'];
const table = toCategoryIndex(COCO.map((name, i) => ({ id: i + 1, name })));
const names = (positions: number[]) => positions.map((p) => COCO[p]);

describe('searchLabels', () => {
  it('finds bicycle by its name, not the first name sharing a letter', () => {
    expect(names(searchLabels(table, 'bicycle', [], 10).positions)).toEqual(['bicycle']);
    expect(names(searchLabels(table, 'person', [], 10).positions)).toEqual(['person']);
  });

  it('is case-insensitive and ignores surrounding spaces', () => {
    expect(names(searchLabels(table, '  BIRD ', [], 10).positions)).toEqual(['bird']);
  });

  it('ranks the exact id, then the whole name, then name starts, word starts, anywhere', () => {
    const t = toCategoryIndex([
      { id: 1, name: 'carpet' },
      { id: 2, name: 'minecart' },
      { id: 3, name: 'red car' },
      { id: 4, name: 'car' },
      { id: 'car', name: 'zebra' },
    ]);
    expect(searchLabels(t, 'car', [], 10).positions).toEqual([4, 3, 0, 2, 1]);
  });

  it('picks a category by its id', () => {
    const hit = searchLabels(table, '5', [], 10).positions;
    expect(names(hit)).toEqual(['bird']);
  });

  it('lists recently used labels first, most recent first, within the same rank', () => {
    const recent = [4, 2]; // bird, then car
    expect(names(searchLabels(table, '', recent, 4).positions)).toEqual([
      'bird',
      'car',
      'person',
      'bicycle',
    ]);
    // A better match still beats a recent one.
    expect(names(searchLabels(table, 'bi', recent, 10).positions)).toEqual(['bird', 'bicycle']);
    expect(names(searchLabels(table, 'c', [3], 10).positions)).toEqual([
      'car',
      'motorcycle',
      'bicycle',
      'traffic light',
    ]);
  });

  it('keeps at most `limit` results but counts every match', () => {
    const many = toCategoryIndex(
      Array.from({ length: 100_000 }, (_, i) => ({ id: i + 1, name: `label ${i + 1}` })),
    );
    const found = searchLabels(many, 'label 9', [], 200);
    expect(found.positions).toHaveLength(200);
    expect(found.total).toBe(11_111);
    expect(many.lowerNames[found.positions[0]!]).toBe('label 9');
    expect(searchLabels(many, '100000', [], 200).positions[0]).toBe(99_999);
  });

  it('finds nothing for a name no category has', () => {
    expect(searchLabels(table, 'unicorn', [], 10)).toEqual({ positions: [], total: 0 });
  });
});

describe('withRecent', () => {
  it('moves a label to the front without duplicates, keeping a few', () => {
    expect(withRecent(['2', '3'], '3')).toEqual(['3', '2']);
    expect(withRecent(['1', '2', '3'], '4', 3)).toEqual(['4', '1', '2']);
  });
});
