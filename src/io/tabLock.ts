/**
 * Which tab owns which saved session. A tab writes only the session whose Web Lock it
 * holds (`navigator.locks`, released by the browser when the tab closes or reloads), so two
 * tabs never write the same records. Tabs tell each other when the list of sessions
 * changed over a BroadcastChannel. The id of the tab's session is kept in sessionStorage,
 * which survives a reload of the same tab only.
 */

const PREFIX = 'cocoscope-session:';
const TAB_KEY = 'cocoscope-session';
const releases = new Map<string, () => void>();

/**
 * Takes the lock of session `id` if no other tab holds it; resolves false when one does.
 * Without Web Locks (an old browser) every claim succeeds.
 */
export function claimSession(id: string): Promise<boolean> {
  if (releases.has(id)) return Promise.resolve(true);
  if (typeof navigator === 'undefined' || navigator.locks === undefined)
    return Promise.resolve(true);
  return new Promise((resolve) => {
    void navigator.locks.request(PREFIX + id, { ifAvailable: true }, (lock) => {
      if (lock === null) {
        resolve(false);
        return undefined;
      }
      resolve(true);
      // Held until released: the promise the lock waits for settles on release.
      return new Promise<void>((release) => releases.set(id, release));
    });
  });
}

export function releaseSession(id: string): void {
  releases.get(id)?.();
  releases.delete(id);
}

/** The sessions other tabs hold now. */
export async function sessionsHeldElsewhere(): Promise<Set<string>> {
  if (typeof navigator === 'undefined' || navigator.locks === undefined) return new Set();
  const { held = [] } = await navigator.locks.query();
  const ids = held
    .map((l) => l.name ?? '')
    .filter((n) => n.startsWith(PREFIX))
    .map((n) => n.slice(PREFIX.length));
  return new Set(ids.filter((id) => !releases.has(id)));
}

export function thisTabSession(): string | null {
  try {
    return sessionStorage.getItem(TAB_KEY);
  } catch {
    return null;
  }
}

export function setThisTabSession(id: string): void {
  try {
    sessionStorage.setItem(TAB_KEY, id);
  } catch {
    // No sessionStorage (a sandboxed frame): the tab just forgets its session on reload.
  }
}

const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel('cocoscope');

/** Tells the other tabs the saved sessions changed. */
export function announceSessionsChanged(): void {
  channel?.postMessage('sessions-changed');
}

/** Calls `listener` when another tab changed the saved sessions; returns the unsubscribe. */
export function onSessionsChanged(listener: () => void): () => void {
  const handler = (e: MessageEvent) => {
    if (e.data === 'sessions-changed') listener();
  };
  channel?.addEventListener('message', handler);
  return () => channel?.removeEventListener('message', handler);
}
