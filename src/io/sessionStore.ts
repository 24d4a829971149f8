/**
 * Saved sessions in the browser's IndexedDB, so a reload, a crash or a closed tab loses
 * nothing. Each session has three records under its id: `meta` (what the restore prompt
 * lists), `files` (the opened files as Blobs: the browser keeps them on disk, written once)
 * and `history` (edit patches and view settings, rewritten as the user works; its format
 * is the store's business, this module stores it as given). Every write resolves only when
 * its transaction completes and rejects with the browser's error (QuotaExceededError, …).
 */

const DB = 'cocoscope';
const VERSION = 2;
const META = 'meta';
const FILES = 'files';
const HISTORY = 'history';
/** Version 1 kept one session in this store, under the keys 'files' and 'state'. */
const LEGACY = 'session';

export type SavedFile = { path: string; file: Blob };
export type SessionMeta = {
  id: string;
  /** The files opened, as the user would name them ("edit.json", "3 files"). */
  label: string;
  /** Counts over every subset; null for a session saved before counts were kept. */
  images: number | null;
  annotations: number | null;
  edits: number;
  /** ms since the epoch */
  createdAt: number;
  lastEditAt: number;
};

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB, VERSION);
    request.onupgradeneeded = (event) => {
      const db = request.result;
      for (const name of [META, FILES, HISTORY])
        if (!db.objectStoreNames.contains(name)) db.createObjectStore(name);
      if (event.oldVersion === 1 && db.objectStoreNames.contains(LEGACY))
        migrateLegacy(db, request.transaction!);
    };
    let blocked = false;
    request.onsuccess = () => {
      // Opened after all, once the other tab let go: too late for the caller, who was told.
      if (blocked) request.result.close();
      else resolve(request.result);
    };
    request.onerror = () => reject(request.error ?? new Error('IndexedDB is not available'));
    request.onblocked = () => {
      blocked = true;
      reject(new Error('another tab of an older cocoscope keeps the storage open: reload it'));
    };
  });
}

/** The one session of version 1 becomes a session like the others. */
function migrateLegacy(db: IDBDatabase, tx: IDBTransaction): void {
  const legacy = tx.objectStore(LEGACY);
  const files = legacy.get('files');
  const state = legacy.get('state');
  state.onsuccess = () => {
    const f = files.result as { label: string; files: SavedFile[]; savedAt: number } | undefined;
    const s = state.result as { history?: unknown[]; savedAt?: number } | undefined;
    if (f !== undefined) {
      const id = `legacy-${f.savedAt}`;
      const meta: SessionMeta = {
        id,
        label: f.label,
        images: null,
        annotations: null,
        edits: s?.history?.length ?? 0,
        createdAt: f.savedAt,
        lastEditAt: s?.savedAt ?? f.savedAt,
      };
      tx.objectStore(META).put(meta, id);
      tx.objectStore(FILES).put(f.files, id);
      // Version 1 wrote the history without a version: it is format 1 (see sessionFormat.ts).
      if (s !== undefined) tx.objectStore(HISTORY).put({ format: 1, ...s }, id);
    }
    db.deleteObjectStore(LEGACY);
  };
}

/** Runs `work` in one transaction; resolves with its result once the transaction completes. */
async function transact<T>(
  stores: string[],
  mode: IDBTransactionMode,
  work: (tx: IDBTransaction) => (() => T) | void,
): Promise<T> {
  const db = await open();
  try {
    return await new Promise<T>((resolve, reject) => {
      const tx = db.transaction(stores, mode);
      let result: (() => T) | void;
      tx.oncomplete = () => resolve(result ? result() : (undefined as T));
      tx.onerror = () => reject(tx.error ?? new Error('the browser refused to save'));
      tx.onabort = () => reject(tx.error ?? new Error('saving was aborted'));
      try {
        result = work(tx);
      } catch (error) {
        tx.abort();
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
  } finally {
    db.close();
  }
}

export function listSessions(): Promise<SessionMeta[]> {
  return transact([META], 'readonly', (tx) => {
    const all = tx.objectStore(META).getAll() as IDBRequest<SessionMeta[]>;
    return () => all.result;
  });
}

/** A session's files and its history record (unvalidated), or undefined where missing. */
export function loadSession(id: string): Promise<{ files?: SavedFile[]; history?: unknown }> {
  return transact([FILES, HISTORY], 'readonly', (tx) => {
    const files = tx.objectStore(FILES).get(id) as IDBRequest<SavedFile[] | undefined>;
    const history = tx.objectStore(HISTORY).get(id) as IDBRequest<unknown>;
    return () => ({ files: files.result, history: history.result });
  });
}

/** Writes a session's meta and history, and its files when given, in one transaction. */
export function saveSession(
  meta: SessionMeta,
  history: unknown,
  files?: SavedFile[],
): Promise<void> {
  return transact([META, FILES, HISTORY], 'readwrite', (tx) => {
    if (files !== undefined) tx.objectStore(FILES).put(files, meta.id);
    tx.objectStore(HISTORY).put(history, meta.id);
    tx.objectStore(META).put(meta, meta.id);
  });
}

/** Pictures or predictions added to the open dataset join the session's files. */
export function addSessionFiles(id: string, added: SavedFile[]): Promise<void> {
  return transact([FILES], 'readwrite', (tx) => {
    const store = tx.objectStore(FILES);
    const current = store.get(id) as IDBRequest<SavedFile[] | undefined>;
    current.onsuccess = () => {
      if (current.result !== undefined) store.put([...current.result, ...added], id);
    };
  });
}

export function deleteSession(id: string): Promise<void> {
  return transact([META, FILES, HISTORY], 'readwrite', (tx) => {
    for (const name of [META, FILES, HISTORY]) tx.objectStore(name).delete(id);
  });
}
