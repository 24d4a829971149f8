import { describe, expect, it } from 'vitest';
import { createAppStore } from './appStore';
import { FakeEngine } from './testing/fakeEngine';
import { DATASET, jsonFile, keyOf, openStore, recordingKeeper, until } from './testing/openStore';

/** The test dataset with one image less: another dataset, told apart by its image count. */
const OTHER = { ...DATASET, images: DATASET.images.slice(0, 2) };
const imageCount = (s: { summary: { subsets: { images: { ids: unknown[] } }[] } | null }) =>
  s.summary?.subsets[0]?.images.ids.length;

describe('opening a dataset', () => {
  it('shows its summary and the first image, and gives its files to the session keeper', async () => {
    const { store, keeper, engine } = await openStore();
    const s = store.getState();
    expect(imageCount(s)).toBe(3);
    expect(s.opening).toBeNull();
    expect(s.imageIndex).toBe(0);
    expect(s.datasetVersion).toBe(1);
    expect(engine.hasDataset).toBe(true);
    expect(keeper.calls).toEqual([
      { type: 'opened', paths: ['instances.json'], label: 'instances.json', discardPrevious: true },
    ]);
  });

  it('alerts a file that does not open, and keeps the dataset open before', async () => {
    const { store } = await openStore();
    await store.getState().openFiles([jsonFile('broken.json', { images: 'no' })]);
    expect(store.getState().alerts).toHaveLength(1);
    expect(store.getState().alerts[0]!.file).toContain('broken.json');
    expect(imageCount(store.getState())).toBe(3);
  });

  it('stops an open when cancelled: no alert, the dataset before stays', async () => {
    const { store, engine } = await openStore();
    engine.hold('open');
    const opening = store.getState().openFiles([jsonFile('other.json', OTHER)]);
    await engine.nth('open', 2);
    expect(store.getState().opening?.label).toBe('other.json');
    store.getState().cancelOpen();
    expect(store.getState().opening).toBeNull();
    engine.release('open');
    await opening;
    expect(engine.cancels).toBeGreaterThan(0);
    expect(store.getState().alerts).toEqual([]);
    expect(imageCount(store.getState())).toBe(3);
  });
});

describe('replacing a dataset with unexported edits', () => {
  async function edited() {
    const opened = await openStore();
    await opened.store.getState().edit('a', { type: 'relabel', keys: [keyOf(1)], categoryId: 2 });
    return opened;
  }

  it('asks first; Cancel keeps the dataset and its edits', async () => {
    const { store } = await edited();
    const opening = store.getState().openFiles([jsonFile('other.json', OTHER)]);
    await until(store, (s) => s.replaceAsk !== null);
    expect(store.getState().replaceAsk).toEqual({ label: 'other.json', edits: 1 });
    store.getState().answerReplace('cancel');
    await opening;
    expect(imageCount(store.getState())).toBe(3);
    expect(store.getState().undoStack).toHaveLength(1);
    expect(store.getState().replaceAsk).toBeNull();
  });

  it('Discard opens the new files with an empty history, and the session before is discarded', async () => {
    const { store, keeper } = await edited();
    const opening = store.getState().openFiles([jsonFile('other.json', OTHER)]);
    await until(store, (s) => s.replaceAsk !== null);
    store.getState().answerReplace('discard');
    await opening;
    expect(imageCount(store.getState())).toBe(2);
    expect(store.getState().undoStack).toEqual([]);
    expect(store.getState().unexported).toBe(false);
    expect(keeper.calls.at(-1)).toMatchObject({ type: 'opened', discardPrevious: true });
  });

  it('Keep saves the session first (flush) and keeps it', async () => {
    const { store, keeper } = await edited();
    const opening = store.getState().openFiles([jsonFile('other.json', OTHER)]);
    await until(store, (s) => s.replaceAsk !== null);
    store.getState().answerReplace('keep');
    await opening;
    expect(imageCount(store.getState())).toBe(2);
    expect(keeper.calls.slice(-2)).toEqual([
      { type: 'flush' },
      { type: 'opened', paths: ['other.json'], label: 'other.json', discardPrevious: false },
    ]);
  });

  it('asks about edits still on their way when the files have opened', async () => {
    const { store, engine } = await openStore();
    engine.hold('edit');
    void store.getState().edit('a', { type: 'relabel', keys: [keyOf(1)], categoryId: 2 });
    const opening = store.getState().openFiles([jsonFile('other.json', OTHER)]);
    await engine.nth('open', 2);
    engine.release('edit');
    await until(store, (s) => s.replaceAsk !== null);
    expect(store.getState().replaceAsk?.edits).toBe(1);
    store.getState().answerReplace('cancel');
    await opening;
  });
});

describe('files given while a dataset is open', () => {
  it('pictures join it (the session keeper is told), replacing nothing', async () => {
    const { store, engine, keeper } = await openStore();
    const version = store.getState().datasetVersion;
    await store.getState().openFiles([{ path: '1.jpg', file: new Blob(['jpeg']) }]);
    expect(engine.of('addImages')).toHaveLength(1);
    expect(store.getState().summary!.pictureCount).toBe(1);
    expect(store.getState().datasetVersion).toBe(version + 1);
    expect(keeper.calls.at(-1)).toEqual({ type: 'added', paths: ['1.jpg'] });
  });

  it('a failure to add pictures is an alert', async () => {
    const { store, engine } = await openStore();
    engine.failNext('addImages', 'unreadable');
    await store.getState().openFiles([{ path: '1.jpg', file: new Blob(['jpeg']) }]);
    expect(store.getState().alerts.map((a) => [a.file, a.message])).toEqual([
      ['1.jpg', 'unreadable'],
    ]);
  });

  it('before any dataset, pictures alone are opened as a dataset (and fail as one)', async () => {
    const engine = new FakeEngine();
    const store = createAppStore(engine, { sessions: recordingKeeper() });
    await store.getState().openFiles([{ path: '1.jpg', file: new Blob(['jpeg']) }]);
    expect(engine.of('open')).toHaveLength(1);
    expect(store.getState().alerts).toHaveLength(1);
    expect(store.getState().summary).toBeNull();
  });
});
