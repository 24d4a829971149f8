import { useApp } from '../store/store';

const PHASES = {
  listing: 'Listing',
  reading: 'Reading',
  parsing: 'Parsing',
  indexing: 'Indexing',
  matching: 'Matching pictures',
};

/** Phase and percentage of an open in progress, with a Cancel that stops it. */
export function OpenProgress() {
  const opening = useApp((s) => s.opening);
  const cancel = useApp((s) => s.cancelOpen);
  if (opening === null) return null;
  const percent = opening.total > 0 ? Math.round((100 * opening.done) / opening.total) : 0;
  const determinate = opening.phase === 'reading' || opening.phase === 'indexing';
  return (
    <div className="progress-panel" aria-live="polite">
      <div>
        {PHASES[opening.phase]} {opening.file || opening.label}
        {determinate && ` · ${percent}%`}
      </div>
      <progress
        aria-label="Opening"
        max={determinate ? 100 : undefined}
        value={determinate ? percent : undefined}
      />
      <button type="button" onClick={cancel}>
        Cancel
      </button>
    </div>
  );
}
