import { useState } from 'react';
import { discardSession, type SessionAnswer } from '../store/autosave';
import { pageAutosave } from '../store/store';
import {
  describeCounts,
  describeEdits,
  describeWhen,
  type SessionRow,
} from '../store/sessionFormat';

type Props = {
  session: SessionRow;
  /** Another row's restore is under way: this one waits. */
  busy: boolean;
  onBusy: (busy: boolean) => void;
  /** After a discard: the list is read again. */
  onChanged: () => void;
};

/** One saved session: its files, counts, edits and last edit, with Restore and Discard. */
export function SessionItem({ session, busy, onBusy, onChanged }: Props) {
  const [refused, setRefused] = useState<string | null>(null);
  const answered = (what: string) => (answer: SessionAnswer) => {
    onBusy(false);
    if (!answer.ok) setRefused(`Cannot ${what} it: ${answer.reason}.`);
  };
  return (
    <li className="session-item">
      <div className="session-facts">
        <div className="session-title">
          <strong className="session-name">{session.label}</strong>
          {session.elsewhere && <span className="session-tag">open in another tab</span>}
          {session.thisTab && <span className="session-tag">last used in this tab</span>}
        </div>
        <div className="session-details">
          {describeCounts(session)} · {describeEdits(session.edits)} ·{' '}
          <span className="muted">last edit {describeWhen(session.lastEditAt, Date.now())}</span>
        </div>
      </div>
      <div className="session-actions">
        <button
          type="button"
          aria-label={`Restore session ${session.label}`}
          disabled={busy}
          onClick={() => {
            setRefused(null);
            onBusy(true);
            void pageAutosave
              .restore(session)
              .catch((error: unknown) => ({ ok: false as const, reason: String(error) }))
              .then(answered('restore'));
          }}
        >
          Restore
        </button>
        <button
          type="button"
          aria-label={`Discard session ${session.label}`}
          disabled={busy}
          onClick={() => {
            setRefused(null);
            void discardSession(session.id).then((answer) => {
              answered('discard')(answer);
              if (answer.ok) onChanged();
            });
          }}
        >
          Discard
        </button>
      </div>
      {refused !== null && (
        <p role="alert" className="session-refused">
          {refused} It stays saved.
        </p>
      )}
    </li>
  );
}
