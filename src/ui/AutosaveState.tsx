import { useApp } from '../store/store';

/**
 * Whether every edit is saved in the browser: "Saved", "Saving…" (edits on their way to
 * the engine count too) or "Not saved: <why>". Not a live region: the status bar's counts
 * are the page's status, and a failure raises an alert of its own.
 */
export function AutosaveState() {
  const autosave = useApp((s) => s.autosave);
  const queued = useApp((s) => s.editsQueued > 0);
  const text =
    autosave.state === 'failed'
      ? `Not saved: ${autosave.reason}`
      : autosave.state === 'saving' || queued
        ? 'Saving…'
        : 'Saved';
  return (
    <span
      aria-label="Autosave"
      className={`autosave autosave-${autosave.state === 'failed' ? 'failed' : 'ok'}`}
      title="Your session is saved in this browser as you work"
    >
      {text}
    </span>
  );
}
