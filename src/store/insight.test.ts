import { describe, expect, it } from 'vitest';
import { ImageFlag } from '../worker/protocol';
import { currentSubset } from './appStore';
import { findingsFresh } from './insightSlice';
import { openStore } from './testing/openStore';

const flagsOf = (s: Parameters<typeof currentSubset>[0]) =>
  Array.from(currentSubset(s)!.images.flags);
const withFindings = (flags: number[]) =>
  flags.flatMap((f, i) => (f & ImageFlag.hasFindings ? [i] : []));

describe('the deeper checks and statistics', () => {
  it('flag the images the checks found something on, and are run again after an edit', async () => {
    const { store, engine } = await openStore();
    await store.getState().runChecks();
    let s = store.getState();
    // Image 3 has no annotation.
    expect(s.findings?.map((f) => [f.kind, f.imageIndex])).toEqual([['empty-image', 2]]);
    expect(s.findingCounts).toEqual({ 'empty-image': 1 });
    expect(withFindings(flagsOf(s))).toEqual([2]);
    expect(findingsFresh(s)).toBe(true);
    // Fresh findings are not asked for again.
    await store.getState().runChecks();
    expect(engine.of('check')).toHaveLength(1);

    await store.getState().edit('Draw', {
      type: 'add-annotation',
      imageIndex: 2,
      categoryId: 1,
      shape: { kind: 'box', bbox: [1, 1, 5, 5] },
    });
    expect(findingsFresh(store.getState())).toBe(false);
    await store.getState().runChecks();
    s = store.getState();
    expect(engine.of('check')).toHaveLength(2);
    expect(s.findings).toEqual([]);
    expect(withFindings(flagsOf(s))).toEqual([]);
  });

  it('a failed check leaves the findings to be asked again', async () => {
    const { store, engine } = await openStore();
    engine.failNext('check', 'stopped');
    await expect(store.getState().runChecks()).rejects.toThrow('stopped');
    expect(store.getState().checkProgress).toBeNull();
    await store.getState().runChecks();
    expect(store.getState().findings).toHaveLength(1);
  });

  it('statistics are asked of the engine once per state of the dataset', async () => {
    const { store, engine } = await openStore();
    await store.getState().loadStats();
    await store.getState().loadStats();
    expect(engine.of('stats')).toHaveLength(1);
    expect(store.getState().stats).not.toBeNull();
  });
});

describe('the image filter', () => {
  it('shows the images the engine says pass it, and all again when cleared', async () => {
    const { store, engine } = await openStore();
    await store.getState().setFilter({ hasCrowd: true });
    expect(engine.of('filterImages').at(-1)!.args[1]).toMatchObject({ hasCrowd: true });
    expect(Array.from(store.getState().shownImages!)).toEqual([1]);
    // The current image does not pass: the first that does is shown.
    expect(store.getState().imageIndex).toBe(1);
    store.getState().clearFilter();
    expect(store.getState().shownImages).toBeNull();
  });

  it('"has problems" runs the checks first, so their findings count', async () => {
    const { store, engine } = await openStore();
    await store.getState().setFilter({ hasProblems: true });
    const order = engine.requests.map((r) => r.method);
    expect(order.indexOf('check')).toBeLessThan(order.indexOf('filterImages'));
    expect(Array.from(store.getState().shownImages!)).toEqual([2]);
  });
});
