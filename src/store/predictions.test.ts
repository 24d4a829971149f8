import { describe, expect, it } from 'vitest';
import { currentSubset } from './appStore';
import { jsonFile, keyOf, openStore, until } from './testing/openStore';

/** Detections for the test dataset: two match annotations 1 and 3, one is on nothing. */
const RESULTS = [
  { image_id: 1, category_id: 1, bbox: [10, 10, 20, 20], score: 0.9 },
  { image_id: 2, category_id: 1, bbox: [5, 5, 10, 10], score: 0.8 },
  { image_id: 3, category_id: 2, bbox: [50, 50, 10, 10], score: 0.4 },
];

async function withPredictions() {
  const opened = await openStore();
  await opened.store.getState().openFiles([jsonFile('results.json', RESULTS)]);
  // Added predictions are evaluated at once.
  await until(opened.store, (s) => s.evaluating === null && s.reports.bbox !== undefined);
  return opened;
}

const marksOf = (s: Parameters<typeof currentSubset>[0]) =>
  currentSubset(s)!.predictions!.verdicts!;

describe('predictions', () => {
  it('a results list given over the dataset is added, evaluated and kept with the session', async () => {
    const { store, engine, keeper } = await withPredictions();
    expect(engine.of('addPredictions')).toHaveLength(1);
    expect(engine.of('evaluate').map((r) => r.args.slice(0, 2))).toEqual([[0, 'bbox']]);
    const s = store.getState();
    expect(currentSubset(s)!.predictions).toMatchObject({ file: 'results.json', count: 3 });
    expect(marksOf(s)).toMatchObject({ truePositives: 2, falsePositives: 1, stale: false });
    expect(s.reports.bbox).toBeDefined();
    expect(s.evaluationError).toBeNull();
    expect(keeper.calls.at(-1)).toEqual({ type: 'added', paths: ['results.json'] });
  });

  it('a higher IoU threshold is asked of the engine and changes the verdicts', async () => {
    const { store, engine } = await withPredictions();
    const version = store.getState().marksVersion;
    await store.getState().setIouThreshold(0.99);
    expect(engine.of('matchThreshold').map((r) => r.args)).toEqual([[0, 0.99]]);
    expect(currentSubset(store.getState())!.predictions!.threshold).toBe(0.99);
    expect(store.getState().marksVersion).toBe(version + 1);
  });

  it('edits make the verdicts stale; refreshing evaluates again and matches the edit', async () => {
    const { store, engine } = await withPredictions();
    await store.getState().edit('move', {
      type: 'relabel',
      keys: [keyOf(1)],
      categoryId: 2,
    });
    expect(marksOf(store.getState()).stale).toBe(true);
    // Redone by itself when the last run was quick; asked for here in any case.
    store.getState().refreshStaleVerdicts(true);
    await until(store, (s) => s.evaluating === null && !marksOf(s).stale);
    expect(engine.of('evaluate').length).toBeGreaterThanOrEqual(2);
    expect(marksOf(store.getState()).truePositives).toBe(1);
  });

  it('a failed evaluation is shown as the evaluation error', async () => {
    const { store, engine } = await withPredictions();
    engine.failNext('evaluate', 'out of memory');
    await store.getState().evaluate('bbox');
    expect(store.getState().evaluationError).toBe('out of memory');
    expect(store.getState().evaluating).toBeNull();
  });

  it('a results list that does not fit the dataset is an alert', async () => {
    const { store, engine } = await openStore();
    engine.failNext('addPredictions', 'no detection names an image of the dataset');
    await store.getState().openFiles([jsonFile('results.json', RESULTS)]);
    expect(store.getState().alerts.map((a) => a.message)).toEqual([
      'no detection names an image of the dataset',
    ]);
    expect(currentSubset(store.getState())!.predictions).toBeNull();
  });
});
