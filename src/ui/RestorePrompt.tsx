import { useEffect, useState } from 'react';
import {
  discardSession,
  restoreSession,
  savedSession,
  type SavedSessionInfo,
} from '../store/autosave';
import { useApp } from '../store/store';

/** After a reload, a crash or a closed tab: offers the last session back, with every edit. */
export function RestorePrompt() {
  const [saved, setSaved] = useState<SavedSessionInfo | null>(null);
  const [busy, setBusy] = useState(false);
  const hasDataset = useApp((s) => s.summary !== null);

  useEffect(() => {
    void savedSession().then(setSaved);
  }, []);

  if (saved === null || hasDataset) return null;
  const when = new Date(saved.savedAt).toLocaleString();
  return (
    <div className="restore" role="dialog" aria-label="Restore session">
      <p>
        <strong>Your last session is saved in this browser:</strong> {saved.label}, with{' '}
        {saved.edits} {saved.edits === 1 ? 'edit' : 'edits'} (saved {when}).
      </p>
      <button
        type="button"
        disabled={busy}
        onClick={() => {
          setBusy(true);
          void restoreSession().finally(() => setSaved(null));
        }}
      >
        Restore session
      </button>
      <button
        type="button"
        disabled={busy}
        onClick={() => {
          void discardSession();
          setSaved(null);
        }}
      >
        Discard it
      </button>
    </div>
  );
}
