import { describe, expect, it } from 'vitest';
import { Engine } from './engine';

/** `n` categories, two annotations of category 1. */
async function openWith(n: number): Promise<Engine> {
  const json = {
    images: [{ id: 1, file_name: 'a.png', width: 10, height: 10 }],
    annotations: [1, 2].map((id) => ({
      id,
      image_id: 1,
      category_id: 1,
      bbox: [0, 0, 2, 2],
      area: 4,
      iscrowd: 0,
    })),
    categories: Array.from({ length: n }, (_, i) => ({ id: i + 1, name: `label ${i + 1}` })),
  };
  const engine = new Engine();
  await engine.open([{ path: 'a.json', file: new Blob([JSON.stringify(json)]) }], () => {});
  return engine;
}

describe('what an edit sends back about categories', () => {
  it('a relabel sends the two counts it changed, not the table of 10^5 categories', async () => {
    const engine = await openWith(100_000);
    const { delta } = engine.edit(0, { type: 'relabel', keys: [0], categoryId: 99_999 });
    expect(delta.categories).toBeNull();
    expect(delta.categoryCounts).toEqual([
      { id: 1, annotationCount: 1, crowdCount: 0 },
      { id: 99_999, annotationCount: 1, crowdCount: 0 },
    ]);
    const second = engine.edit(0, { type: 'relabel', keys: [1], categoryId: 5 }).delta;
    expect(second.categoryCounts.map((c) => [c.id, c.annotationCount])).toEqual([
      [1, 0],
      [5, 1],
    ]);
  });

  it('an edit of the category table sends the whole table, with its counts', async () => {
    const engine = await openWith(3);
    const { delta } = engine.edit(0, {
      type: 'set-category',
      id: 2,
      fields: { name: 'renamed' },
    });
    expect(delta.categoryCounts).toEqual([]);
    expect(delta.categories?.map((c) => [c.name, c.annotationCount])).toEqual([
      ['label 1', 2],
      ['renamed', 0],
      ['label 3', 0],
    ]);
  });
});
