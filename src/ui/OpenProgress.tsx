import { useApp } from '../store/store';
import type { OpenPhase } from '../worker/protocol';

const PHASES: Record<OpenPhase, string> = {
  listing: 'Listing',
  reading: 'Reading',
  parsing: 'Parsing',
  indexing: 'Indexing',
  matching: 'Matching pictures',
  writing: 'Writing',
  pictures: 'Copying pictures of',
  checking: 'Checking',
  evaluating: 'Evaluating',
};

/** Phase and percentage of an open or an export in progress, with a Cancel that stops it. */
export function OpenProgress() {
  const opening = useApp((s) => s.opening);
  const exporting = useApp((s) => s.exporting);
  const cancelOpen = useApp((s) => s.cancelOpen);
  const cancelExport = useApp((s) => s.cancelExport);
  const cancel = exporting ? cancelExport : cancelOpen;
  if (opening === null) return null;
  const percent = opening.total > 0 ? Math.round((100 * opening.done) / opening.total) : 0;
  const determinate = ['reading', 'indexing', 'pictures'].includes(opening.phase);
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
