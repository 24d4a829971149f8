import { describe, expect, it } from 'vitest';
import { EngineFailure } from '../worker/client';
import { openStore, relabel } from './testing/openStore';

type Json = { annotations: { id: number; category_id: number }[] };

describe('export', () => {
  it('waits for every edit still on its way, then writes them all and hands the file over', async () => {
    const { store, engine, downloads } = await openStore();
    engine.hold('edit');
    for (const [id, category] of [
      [1, 2],
      [2, 1],
      [1, 1],
      [3, 2],
    ] as const)
      void store.getState().edit(`${id}`, relabel(id, category));
    const exporting = store.getState().exportDataset('json');
    expect(store.getState().exporting).toBe(true);
    await engine.nth('edit', 1);
    engine.release('edit');
    await exporting;
    // The export was asked for after the last edit was answered.
    const methods = engine.requests.map((r) => r.method);
    expect(methods.lastIndexOf('edit')).toBeLessThan(methods.indexOf('export'));
    expect(downloads).toHaveLength(1);
    const json = JSON.parse(await downloads[0]!.blob.text()) as Json;
    expect(json.annotations.map((a) => [a.id, a.category_id])).toEqual([
      [1, 1],
      [2, 1],
      [3, 2],
      [4, 2],
    ]);
    const s = store.getState();
    expect(s.lastExport).toMatchObject({ edits: 4, files: [{ name: downloads[0]!.name }] });
    expect(s.unexported).toBe(false);
    expect(s.exportedHistory).toBe(s.undoStack);
    expect(s.exporting).toBe(false);
    expect(s.opening).toBeNull();
  });

  it('a failed export is an alert; the history stays unexported', async () => {
    const { store, engine, downloads } = await openStore();
    await store.getState().edit('a', relabel(1, 2));
    engine.failNext('export', 'the disk is full');
    await store.getState().exportDataset('json');
    expect(downloads).toEqual([]);
    expect(store.getState().alerts.map((a) => [a.file, a.message])).toEqual([
      ['Export JSON', 'the disk is full'],
    ]);
    expect(store.getState().unexported).toBe(true);
    expect(store.getState().exporting).toBe(false);
  });

  it('cancelling is asked of the engine, and a cancelled export is no alert', async () => {
    const { store, engine } = await openStore();
    store.getState().cancelExport();
    expect(engine.exportCancels).toBe(1);
    // The engine's answer to a cancelled export (worker/engine.worker.ts, toEngineError).
    const cancelled = {
      file: '',
      place: '',
      message: 'export cancelled',
      code: 'cancelled' as const,
    };
    engine.failNext('export', new EngineFailure(cancelled));
    await store.getState().exportDataset('zip');
    expect(store.getState().alerts).toEqual([]);
  });
});
