/**
 * What the page shows about saved sessions: whether autosave has written every edit, the
 * question asked before an open replaces a dataset with unexported edits, and whether the
 * saved sessions were read after the page loaded. Plain data; the files waiting for the
 * answer stay in datasetSlice's module, the writing in autosave.ts.
 */
import type { StateCreator } from 'zustand';
import type { AppState } from './appStore';

export type AutosaveStatus =
  { state: 'saved' } | { state: 'saving' } | { state: 'failed'; reason: string };

/** The answers to "Unexported edits": export first, keep the session saved, discard it, cancel. */
export type ReplaceChoice = 'export' | 'keep' | 'discard' | 'cancel';

export type SessionSlice = {
  autosave: AutosaveStatus;
  /** An open waiting for the user's answer: what it would open, and the edits at stake. */
  replaceAsk: { label: string; edits: number } | null;
  /** The saved sessions were read after the page loaded (the restore prompt is settled). */
  sessionsChecked: boolean;
};

export const createSessionSlice: StateCreator<AppState, [], [], SessionSlice> = () => ({
  autosave: { state: 'saved' },
  replaceAsk: null,
  sessionsChecked: false,
});
