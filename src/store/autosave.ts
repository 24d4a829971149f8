/**
 * Keeps the session saved as the user works: the files of each open (once), the edit
 * history and view settings after every change (debounced). Restoring replays the history
 * on the reopened files. Blobs stay out of the store; this module holds the files.
 */
import {
  addFiles,
  clearSession,
  loadSession,
  saveFiles,
  saveState,
  type SavedFiles,
} from '../io/sessionStore';
import type { SourceFile } from '../worker/protocol';
import type { HistoryEntry } from './editSlice';
import { useApp, type AppState } from './store';

let pending: ReturnType<typeof setTimeout> | undefined;
let enabled = true;

/**
 * Writes to the browser's storage run one after another: pictures or predictions added
 * while the first save is on its way join the files it wrote instead of finding none.
 */
let writes: Promise<void> = Promise.resolve();
function inOrder(write: () => Promise<void>): void {
  writes = writes.then(write).catch(() => {});
}

/**
 * The files of the dataset open now, kept here until the first edit: only then are they
 * copied into the browser's storage (a viewer who edits nothing pays no copy of a 1 GB zip).
 */
let unsaved: { files: SourceFile[]; label: string } | null = null;

/** After a successful open: the files become the session's (saved with the first edit). */
export function rememberOpened(files: SourceFile[], label: string): void {
  unsaved = enabled ? { files, label } : null;
  if (enabled) inOrder(clearSession);
}

function saveOpenedFiles(): Promise<void> {
  const opened = unsaved;
  unsaved = null;
  if (opened === null) return Promise.resolve();
  const files = opened.files.map((f) => ({ path: f.path, file: f.file }));
  return saveFiles({ label: opened.label, files, savedAt: Date.now() });
}

/** Pictures added to the open dataset. */
export function rememberAdded(files: SourceFile[]): void {
  if (!enabled) return;
  if (unsaved !== null) unsaved = { ...unsaved, files: [...unsaved.files, ...files] };
  else inOrder(() => addFiles(files.map((f) => ({ path: f.path, file: f.file }))));
}

function viewState() {
  const s = useApp.getState();
  return { subsetIndex: s.subsetIndex, customColors: s.customColors, marks: s.marks };
}

/** Saves the history soon (edits come in bursts). */
function scheduleSave(history: HistoryEntry[]): void {
  clearTimeout(pending);
  pending = setTimeout(() => {
    inOrder(async () => {
      await saveOpenedFiles();
      await saveState({ history, view: viewState(), savedAt: Date.now() });
    });
  }, 250);
}

export function startAutosave(): () => void {
  return useApp.subscribe((state, previous) => {
    // Opening a dataset empties the history: that is no edit, and saves nothing yet.
    const opened = state.datasetVersion !== previous.datasetVersion;
    if (state.undoStack !== previous.undoStack && state.summary !== null && !opened)
      scheduleSave(state.undoStack);
    else if (state.customColors !== previous.customColors || state.marks !== previous.marks)
      scheduleSave(state.undoStack);
  });
}

export type SavedSessionInfo = { label: string; edits: number; savedAt: number };

export async function savedSession(): Promise<SavedSessionInfo | null> {
  const saved = await loadSession<HistoryEntry>();
  if (saved === null) return null;
  return {
    label: saved.files.label,
    edits: saved.state?.history.length ?? 0,
    savedAt: saved.state?.savedAt ?? saved.files.savedAt,
  };
}

/** Reopens the saved files and replays the saved edits. */
export async function restoreSession(): Promise<void> {
  const saved = await loadSession<HistoryEntry>();
  if (saved === null) return;
  const files: SavedFiles['files'] = saved.files.files;
  // The files are already saved: do not write them again while reopening.
  enabled = false;
  try {
    await useApp.getState().openFiles(files.map((f) => ({ path: f.path, file: f.file })));
  } finally {
    enabled = true;
  }
  const view = saved.state?.view ?? {};
  if (view.customColors !== undefined)
    useApp.setState({ customColors: view.customColors as Record<string, string> });
  if (view.marks !== undefined) useApp.setState({ marks: view.marks as AppState['marks'] });
  const history = saved.state?.history ?? [];
  if (history.length > 0) await useApp.getState().replay(history);
  // Predictions were matched against the files as saved: match them against the edits too.
  useApp.getState().refreshStaleMarks(true);
  if (typeof view.subsetIndex === 'number' && view.subsetIndex > 0)
    useApp.getState().setSubset(view.subsetIndex);
}

export async function discardSession(): Promise<void> {
  inOrder(clearSession);
  await writes;
}
