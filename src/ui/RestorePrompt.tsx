import { useCallback, useEffect, useState } from 'react';
import { listSessions } from '../io/sessionStore';
import { onSessionsChanged, sessionsHeldElsewhere, thisTabSession } from '../io/tabLock';
import { sessionRows, type SessionRow } from '../store/sessionFormat';
import { useApp } from '../store/store';
import { SessionItem } from './SessionItem';

/** A failed read is told once, not at every re-read. */
let toldFailure = false;

async function readRows(): Promise<SessionRow[]> {
  const [metas, held] = await Promise.all([listSessions(), sessionsHeldElsewhere()]);
  return sessionRows(metas, held, thisTabSession());
}

/**
 * After a reload, a crash or a closed tab: every session saved in this browser, each
 * offered back with its edits or discarded. Kept up to date when other tabs save.
 */
export function RestorePrompt() {
  const [rows, setRows] = useState<SessionRow[]>([]);
  const [busy, setBusy] = useState(false);
  const hasDataset = useApp((s) => s.summary !== null);

  const read = useCallback(() => {
    void readRows()
      .catch((error: unknown) => {
        if (toldFailure) return [];
        toldFailure = true;
        const message = error instanceof Error ? error.message : String(error);
        useApp.setState((s) => ({
          alerts: [
            ...s.alerts,
            {
              id: Date.now(),
              file: 'Saved sessions',
              place: '',
              message: `could not be read: ${message}`,
            },
          ],
        }));
        return [];
      })
      .then((list) => {
        setRows(list);
        useApp.setState({ sessionsChecked: true });
      });
  }, []);

  useEffect(() => {
    read();
    const stop = onSessionsChanged(read);
    // A tab closed meanwhile released its sessions: they can be restored here now.
    window.addEventListener('focus', read);
    return () => {
      stop();
      window.removeEventListener('focus', read);
    };
  }, [read]);

  if (rows.length === 0 || hasDataset) return null;
  return (
    <section className="restore" role="dialog" aria-label="Restore session">
      <h2>
        {rows.length === 1 ? 'A session is saved' : `${rows.length} sessions are saved`} in this
        browser
      </h2>
      <ul aria-label="Saved sessions">
        {rows.map((row) => (
          <SessionItem key={row.id} session={row} busy={busy} onBusy={setBusy} onChanged={read} />
        ))}
      </ul>
    </section>
  );
}
