/**
 * Keeps this tab's session saved as the user works: the files of each open (copied with
 * the first edit, so a viewer pays no copy of a 1 GB zip), then the edit history and view
 * settings after every change (debounced). Each open starts a new session, owned by this
 * tab through a Web Lock, so no other tab writes it; sessions opened before stay saved
 * until the user discards them. Every write is checked: its state shows in the status bar
 * ("Saved", "Saving…", "Not saved: …") and a failure raises an alert.
 * Blobs stay out of the store; this module holds the files.
 */
import {
  addSessionFiles,
  deleteSession,
  loadSession,
  saveSession,
  type SessionMeta,
} from '../io/sessionStore';
import {
  announceSessionsChanged,
  claimSession,
  releaseSession,
  setThisTabSession,
} from '../io/tabLock';
import type { SourceFile } from '../worker/protocol';
import { HISTORY_FORMAT, parseSavedHistory, type SavedHistory } from './sessionFormat';
import type { AppStore } from './appStore';
import type { SessionKeeper } from './deps';

type Session = Omit<SessionMeta, 'edits' | 'images' | 'annotations'> & {
  /** The opened files, until the first write copies them into the browser's storage. */
  unsavedFiles: SourceFile[] | null;
};

/** Why a write failed, in the user's words. */
export function describeFailure(error: unknown): string {
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  if (name === 'QuotaExceededError') return "the browser's storage is full";
  const message = error instanceof Error ? error.message : String(error);
  return message || name || 'the browser refused to save';
}

function newSession(label: string, files: SourceFile[]): Session {
  const now = Date.now();
  const id = `${now.toString(36)}-${crypto.randomUUID()}`;
  return { id, label, createdAt: now, lastEditAt: now, unsavedFiles: files };
}

export type SessionAnswer = { ok: true } | { ok: false; reason: string };

/** Deletes a saved session, unless another tab holds it. */
export async function discardSession(id: string): Promise<SessionAnswer> {
  if (!(await claimSession(id)))
    return { ok: false, reason: 'it is open in another tab: discard it there' };
  try {
    await deleteSession(id);
    announceSessionsChanged();
    return { ok: true };
  } catch (error) {
    return { ok: false, reason: describeFailure(error) };
  } finally {
    releaseSession(id);
  }
}

/** The keeper of this tab's session, with what the page asks of it. */
export type Autosave = SessionKeeper & {
  /** Saves after every change from now on; returns the stop. */
  start: () => () => void;
  restore: (meta: SessionMeta) => Promise<SessionAnswer>;
};

/** Autosave of `useApp`'s dataset (one per page: it owns this tab's session). */
export function createAutosave(useApp: AppStore): Autosave {
  /** The session of the dataset open in this tab. */
  let session: Session | null = null;
  /** A session being restored: the open that follows adopts it instead of starting one. */
  let restoring: Session | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let writing = 0;
  let failure: string | null = null;

  /** Writes to the browser's storage run one after another, each checked. */
  let writes: Promise<void> = Promise.resolve();
  function inOrder(what: string, write: () => Promise<void>): Promise<void> {
    writing++;
    showStatus();
    writes = writes
      .then(write)
      .then(
        () => {
          failure = null;
        },
        (error: unknown) => failed(what, error),
      )
      .finally(() => {
        writing--;
        showStatus();
      });
    return writes;
  }

  function showStatus(): void {
    const autosave =
      failure !== null
        ? ({ state: 'failed', reason: failure } as const)
        : timer !== undefined || writing > 0
          ? ({ state: 'saving' } as const)
          : ({ state: 'saved' } as const);
    const now = useApp.getState().autosave;
    if (now.state !== autosave.state || (now.state === 'failed' && now.reason !== failure))
      useApp.setState({ autosave });
  }

  function alertUser(file: string, message: string): void {
    useApp.setState((s) => ({
      alerts: [...s.alerts, { id: Date.now() + Math.random(), file, place: '', message }],
    }));
  }

  function failed(what: string, error: unknown): void {
    const first = failure === null;
    const cause = describeFailure(error);
    failure = `${cause} — export now`;
    if (!first) return;
    alertUser(
      'Autosave',
      `${what} could not be saved in this browser: ${cause}. Your edits are still open here: export them (Export JSON or Export zip) before closing this tab.`,
    );
  }

  /**
   * After a successful open: the files become a new session of this tab (saved with the
   * first edit). The session before it stays saved, unless `discardPrevious` (the user
   * discarded its edits, or every one of them was exported).
   */
  function rememberOpened(files: SourceFile[], label: string, discardPrevious: boolean) {
    const previous = session;
    clearTimeout(timer);
    timer = undefined;
    session = restoring ?? newSession(label, files);
    // A failure was about the session before; the new one has nothing unsaved yet.
    failure = null;
    if (restoring === null) void claimSession(session.id);
    setThisTabSession(session.id);
    if (previous !== null && previous.id !== session.id) {
      if (discardPrevious && previous.unsavedFiles === null)
        // Deleted before the lock goes, so no other tab restores it meanwhile.
        void inOrder('Discarding the previous session', async () => {
          await deleteSession(previous.id).finally(() => releaseSession(previous.id));
          announceSessionsChanged();
        });
      else releaseSession(previous.id);
    }
    showStatus();
  }

  /** Pictures or predictions added to the open dataset join its session's files. */
  function rememberAdded(files: SourceFile[]): void {
    const s = session;
    if (s === null || restoring !== null) return;
    if (s.unsavedFiles !== null) s.unsavedFiles = [...s.unsavedFiles, ...files];
    else
      void inOrder('The added files', () =>
        addSessionFiles(
          s.id,
          files.map((f) => ({ path: f.path, file: f.file })),
        ),
      );
  }

  function write(s: Session): Promise<void> {
    const state = useApp.getState();
    const subsets = state.summary?.subsets ?? [];
    const meta: SessionMeta = {
      id: s.id,
      label: s.label,
      images: subsets.reduce((n, sub) => n + sub.images.ids.length, 0),
      annotations: subsets.reduce((n, sub) => n + sub.annotationCount, 0),
      edits: state.undoStack.length,
      createdAt: s.createdAt,
      lastEditAt: s.lastEditAt,
    };
    const record: SavedHistory = {
      format: HISTORY_FORMAT,
      history: state.undoStack,
      view: {
        subsetIndex: state.subsetIndex,
        customColors: state.customColors,
        marks: state.marks,
      },
      savedAt: Date.now(),
    };
    const files = s.unsavedFiles?.map((f) => ({ path: f.path, file: f.file }));
    return inOrder(
      `${meta.edits === 1 ? 'Your edit' : `Your ${meta.edits} edits`} to ${s.label}`,
      async () => {
        await saveSession(meta, record, files);
        if (files !== undefined) s.unsavedFiles = null;
        announceSessionsChanged();
      },
    );
  }

  /** Saves soon (edits come in bursts); the status says "Saving…" from now on. */
  function scheduleSave(): void {
    const s = session;
    if (s === null) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      void write(s);
    }, 250);
    showStatus();
  }

  /** Writes what is pending now, and resolves when every write so far is done. */
  async function flushAutosave(): Promise<void> {
    if (timer !== undefined && session !== null) {
      clearTimeout(timer);
      timer = undefined;
      void write(session);
    }
    await writes;
  }

  function startAutosave(): () => void {
    // A tab going to the background may be closed or discarded next: write what is pending.
    const onHidden = () => {
      if (document.visibilityState === 'hidden') void flushAutosave();
    };
    document.addEventListener('visibilitychange', onHidden);
    const stop = useApp.subscribe((state, previous) => {
      if (restoring !== null || state.summary === null) return;
      // Opening a dataset empties the history: that is no edit, and saves nothing yet.
      if (state.datasetVersion !== previous.datasetVersion) return;
      if (state.undoStack !== previous.undoStack) {
        if (session !== null) session.lastEditAt = Date.now();
        scheduleSave();
      } else if (state.customColors !== previous.customColors || state.marks !== previous.marks)
        scheduleSave();
    });
    return () => {
      stop();
      document.removeEventListener('visibilitychange', onHidden);
    };
  }

  function evaluationDone(): Promise<void> {
    return new Promise((resolve) => {
      if (useApp.getState().evaluating === null) return resolve();
      const stop = useApp.subscribe((s) => {
        if (s.evaluating !== null) return;
        stop();
        resolve();
      });
    });
  }

  /**
   * Reopens a saved session's files and replays its edits; this tab owns it from then on.
   * Refused, with the reason, when another tab holds it or its record does not validate:
   * nothing of it is applied then, and it stays saved.
   */
  async function restoreSession(meta: SessionMeta): Promise<SessionAnswer> {
    if (!(await claimSession(meta.id)))
      return {
        ok: false,
        reason: 'it is open in another tab: switch to that tab to go on with it',
      };
    const refuse = (reason: string): SessionAnswer => {
      releaseSession(meta.id);
      return { ok: false, reason };
    };
    const saved = await loadSession(meta.id).catch(() => null);
    if (saved === null) return refuse('the browser could not read it');
    if (saved.files === undefined || saved.files.length === 0)
      return refuse('its files are missing');
    const parsed = parseSavedHistory(saved.history);
    if (!parsed.ok) return refuse(parsed.reason);
    const { history, view } = parsed.value;
    const files = saved.files.map((f) => ({ path: f.path, file: f.file }));
    restoring = { ...meta, unsavedFiles: null };
    try {
      await useApp.getState().openFiles(files);
      if (useApp.getState().summary === null) return refuse('its files could not be opened');
      useApp.setState({ customColors: view.customColors, marks: view.marks });
      const failed = await useApp
        .getState()
        .replay(history)
        .then(
          () => null,
          (error: unknown) => (error instanceof Error ? error.message : String(error)),
        );
      if (failed !== null) {
        // Some edits did not apply: open the files afresh, as a new session of this tab,
        // and leave the saved one as it was (its history is not overwritten).
        restoring = null;
        session = null;
        releaseSession(meta.id);
        await useApp.getState().openFiles(files);
        alertUser(
          `Restoring ${meta.label}`,
          `Its edits do not apply to its files (${failed}), so the files are open without them. The session stays saved as it was.`,
        );
        return { ok: false, reason: `its edits do not apply to its files (${failed})` };
      }
      // Predictions were matched against the files as saved (an evaluation may be under
      // way since the open): match them against the edits once it is done.
      await evaluationDone();
      useApp.getState().refreshStaleVerdicts(true);
      if (view.subsetIndex > 0) useApp.getState().setSubset(view.subsetIndex);
    } finally {
      restoring = null;
    }
    return { ok: true };
  }

  return {
    opened: rememberOpened,
    added: rememberAdded,
    flush: flushAutosave,
    start: startAutosave,
    restore: restoreSession,
  };
}
