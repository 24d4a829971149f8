/**
 * Test-only: a store over a FakeEngine, with a small dataset opened the way the page opens
 * it (openFiles), and a session keeper that records what it is told.
 */
import type { EditCommand, SourceFile } from '../../worker/protocol';
import { createAppStore, type AppStore } from '../appStore';
import type { SessionKeeper } from '../deps';
import { FakeEngine } from './fakeEngine';

/** Three images, two categories, four annotations (one crowd); image 3 has none. */
export const DATASET = {
  images: [1, 2, 3].map((id) => ({ id, file_name: `${id}.jpg`, width: 100, height: 80 })),
  categories: [
    { id: 1, name: 'cat', supercategory: 'animal' },
    { id: 2, name: 'dog', supercategory: 'animal' },
  ],
  annotations: [
    { id: 1, image_id: 1, category_id: 1, bbox: [10, 10, 20, 20], area: 400, iscrowd: 0 },
    { id: 2, image_id: 1, category_id: 2, bbox: [40, 10, 20, 20], area: 400, iscrowd: 0 },
    { id: 3, image_id: 2, category_id: 1, bbox: [5, 5, 10, 10], area: 100, iscrowd: 0 },
    {
      id: 4,
      image_id: 2,
      category_id: 2,
      segmentation: { size: [80, 100], counts: [0, 10, 7990] },
      bbox: [0, 0, 1, 10],
      area: 10,
      iscrowd: 1,
    },
  ],
};

export function jsonFile(path: string, content: unknown): SourceFile {
  return { path, file: new Blob([JSON.stringify(content)], { type: 'application/json' }) };
}

export type KeeperCall =
  | { type: 'opened'; paths: string[]; label: string; discardPrevious: boolean }
  | { type: 'added'; paths: string[] }
  | { type: 'flush' };

/** A session keeper that keeps a list of what it was told. */
export function recordingKeeper(): SessionKeeper & { calls: KeeperCall[] } {
  const calls: KeeperCall[] = [];
  const paths = (files: SourceFile[]) => files.map((f) => f.path);
  return {
    calls,
    opened: (files, label, discardPrevious) =>
      calls.push({ type: 'opened', paths: paths(files), label, discardPrevious }),
    added: (files) => calls.push({ type: 'added', paths: paths(files) }),
    flush: async () => {
      calls.push({ type: 'flush' });
    },
  };
}

export type Opened = {
  store: AppStore;
  engine: FakeEngine;
  keeper: ReturnType<typeof recordingKeeper>;
  /** The files the store handed to the user (exports), in order. */
  downloads: { name: string; blob: Blob }[];
};

/** A store with `content` (DATASET unless given) opened from `instances.json`. */
export async function openStore(content: unknown = DATASET): Promise<Opened> {
  const engine = new FakeEngine();
  const keeper = recordingKeeper();
  const downloads: Opened['downloads'] = [];
  const store = createAppStore(engine, {
    sessions: keeper,
    download: (name, blob) => downloads.push({ name, blob }),
  });
  await store.getState().openFiles([jsonFile('instances.json', content)]);
  const alerts = store.getState().alerts;
  if (store.getState().summary === null) throw new Error(`not opened: ${JSON.stringify(alerts)}`);
  return { store, engine, keeper, downloads };
}

/** Annotation keys of the opened dataset, by annotation id (keys are positions in the file). */
export const keyOf = (id: number) => id - 1;

/** Resolves once the store's state satisfies `holds` (at once if it does now). */
export function until(store: AppStore, holds: (s: ReturnType<AppStore['getState']>) => boolean) {
  return new Promise<void>((resolve) => {
    if (holds(store.getState())) return resolve();
    const stop = store.subscribe((s) => {
      if (!holds(s)) return;
      stop();
      resolve();
    });
  });
}

/** The command that labels annotation `id` with category `categoryId`. */
export const relabel = (id: number, categoryId: number): EditCommand => ({
  type: 'relabel',
  keys: [keyOf(id)],
  categoryId,
});
