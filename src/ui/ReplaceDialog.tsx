import { useEffect, useRef } from 'react';
import { useApp } from '../store/store';

/** Tab and Shift+Tab go round the dialog's buttons, never to the page behind it. */
function keepFocusIn(dialog: HTMLElement | null, e: KeyboardEvent): void {
  if (dialog === null) return;
  const buttons = Array.from(dialog.querySelectorAll<HTMLButtonElement>('button:enabled'));
  const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
  const wrap = e.shiftKey ? at <= 0 : at === -1 || at === buttons.length - 1;
  if (!wrap) return;
  e.preventDefault();
  (e.shiftKey ? buttons.at(-1) : buttons[0])?.focus();
}

/**
 * Asked before an open replaces a dataset with edits not exported: the dataset stays
 * until the user answers. Esc cancels.
 */
export function ReplaceDialog() {
  const ask = useApp((s) => s.replaceAsk);
  const failed = useApp((s) => s.autosave.state === 'failed');
  const answer = useApp((s) => s.answerReplace);
  const first = useRef<HTMLButtonElement>(null);
  const dialog = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (ask === null) return;
    first.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Tab') keepFocusIn(dialog.current, e);
      if (e.key !== 'Escape') return;
      e.stopPropagation();
      answer('cancel');
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [ask, answer]);

  if (ask === null) return null;
  const edits = `${ask.edits} ${ask.edits === 1 ? 'edit' : 'edits'}`;
  return (
    <div className="modal-backdrop">
      <div
        ref={dialog}
        className="replace-dialog"
        role="dialog"
        aria-modal="true"
        aria-label="Unexported edits"
        aria-describedby="replace-dialog-text"
      >
        <h2>Unexported edits</h2>
        <p id="replace-dialog-text">
          Opening <strong>{ask.label}</strong> replaces the dataset open now, which has {edits} not
          exported yet. Export them to a file first, or keep the session saved in this browser (the
          start page offers it back), or discard them.
        </p>
        {failed && (
          <p className="warn">
            Autosave is failing: the session cannot be kept in this browser. Export first.
          </p>
        )}
        <div className="dialog-actions">
          <button
            type="button"
            ref={first}
            onClick={() => {
              answer('export');
              document.querySelector<HTMLButtonElement>('.export-buttons button')?.focus();
            }}
          >
            Export first
          </button>
          <button type="button" disabled={failed} onClick={() => answer('keep')}>
            Keep session and open
          </button>
          <button type="button" onClick={() => answer('discard')}>
            Discard edits and open
          </button>
          <button type="button" onClick={() => answer('cancel')}>
            Cancel
          </button>
        </div>
      </div>
    </div>
  );
}
