/**
 * Autosave: the opened files and the edit history, kept in the browser's IndexedDB so a
 * reload, a crash or a closed tab loses nothing. Files are stored once, as Blobs (the
 * browser keeps them on disk, not in memory), under their own key; the history (plain
 * patches) and view settings are rewritten as the user works.
 */

const DB = 'cocoscope';
const STORE = 'session';

export type SavedFile = { path: string; file: Blob };
export type SavedFiles = { label: string; files: SavedFile[]; savedAt: number };
export type SavedState<H> = { history: H[]; view: Record<string, unknown>; savedAt: number };

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB is not available'));
  });
}

async function run<T>(
  mode: IDBTransactionMode,
  work: (store: IDBObjectStore) => IDBRequest<T>,
): Promise<T> {
  const db = await open();
  try {
    return await new Promise<T>((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const request = work(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(request.result);
      tx.onerror = () => reject(tx.error ?? new Error('could not save the session'));
      tx.onabort = () => reject(tx.error ?? new Error('saving the session was aborted'));
    });
  } finally {
    db.close();
  }
}

export async function loadSession<H>(): Promise<{
  files: SavedFiles;
  state: SavedState<H> | null;
} | null> {
  try {
    const files = await run(
      'readonly',
      (s) => s.get('files') as IDBRequest<SavedFiles | undefined>,
    );
    if (files === undefined) return null;
    const state = await run(
      'readonly',
      (s) => s.get('state') as IDBRequest<SavedState<H> | undefined>,
    );
    return { files, state: state ?? null };
  } catch {
    return null;
  }
}

/** A new dataset was opened: its files replace the saved ones, and the history starts empty. */
export async function saveFiles(files: SavedFiles): Promise<void> {
  await run('readwrite', (s) => s.delete('state'));
  await run('readwrite', (s) => s.put(files, 'files'));
}

export async function saveState<H>(state: SavedState<H>): Promise<void> {
  await run('readwrite', (s) => s.put(state, 'state'));
}

export async function clearSession(): Promise<void> {
  await run('readwrite', (s) => s.clear());
}

/** Pictures added to the open dataset join the saved files. */
export async function addFiles(files: SavedFile[]): Promise<void> {
  const current = await run(
    'readonly',
    (s) => s.get('files') as IDBRequest<SavedFiles | undefined>,
  );
  if (current === undefined) return;
  await run('readwrite', (s) =>
    s.put({ ...current, files: [...current.files, ...files] }, 'files'),
  );
}
