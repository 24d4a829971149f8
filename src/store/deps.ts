/**
 * What the store's slices use besides the store itself, handed to them when the store is
 * made (createAppStore): the data engine, the keeper of this tab's saved session, and the
 * download of exported files. The
 * page passes the real ones (store.ts); tests pass fakes (testing/fakeEngine.ts).
 */
import type { EngineClient } from '../worker/client';
import type { SourceFile } from '../worker/protocol';

/** The engine requests the store makes: the page's EngineClient has them all. */
export type EngineApi = Pick<
  EngineClient,
  | 'open'
  | 'cancel'
  | 'addImages'
  | 'filterImages'
  | 'edit'
  | 'previewEdit'
  | 'applyPatches'
  | 'export'
  | 'cancelExport'
  | 'check'
  | 'stats'
  | 'addPredictions'
  | 'evaluate'
  | 'matchThreshold'
  | 'hasDataset'
  | 'walk'
  | 'imageView'
>;

/** What the dataset slice tells autosave (autosave.ts), which keeps the files out of the store. */
export type SessionKeeper = {
  /** A dataset was opened from `files`: they become this tab's session. */
  opened: (files: SourceFile[], label: string, discardPrevious: boolean) => void;
  /** Pictures or predictions joined the open dataset. */
  added: (files: SourceFile[]) => void;
  /** Writes what is pending; resolves when every write so far is done. */
  flush: () => Promise<void>;
};

/** A keeper that keeps nothing: a store with no saved sessions (tests, until one is attached). */
export const NO_SESSIONS: SessionKeeper = {
  opened: () => {},
  added: () => {},
  flush: () => Promise.resolve(),
};

/** Hands a written file to the user (io/download.ts in the page). */
export type Download = (name: string, blob: Blob) => void;

export type StoreDeps = { engine: EngineApi; sessions: SessionKeeper; download: Download };
