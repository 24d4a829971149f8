import { findingsFresh } from '../store/insightSlice';
import { currentSubset, useApp } from '../store/store';
import { AutosaveState } from './AutosaveState';
import { loadedLine } from './evaluation/loadedLine';
import { count } from './format';
import { WalkPosition } from './WalkPosition';

/** "<I> images · <A> annotations · <C> categories", plus pictures found and problems. */
export function StatusBar() {
  const subset = useApp(currentSubset);
  const loaded = useApp((s) => s.loadedPredictions);
  const pictureCount = useApp((s) => s.summary?.pictureCount ?? 0);
  const checked = useApp((s) =>
    findingsFresh(s) ? Object.values(s.findingCounts).reduce((a, b) => a + (b ?? 0), 0) : null,
  );
  if (subset === undefined) {
    return (
      <footer className="statusbar">
        <span role="status">No dataset open</span>
      </footer>
    );
  }
  const images = subset.images.ids.length;
  return (
    <footer className="statusbar">
      <span role="status">
        {count(images)} images · {count(subset.annotationCount)} annotations ·{' '}
        {count(subset.categories.length)} categories
      </span>
      <span className="muted">
        {subset.imagesFound === images
          ? 'all pictures found'
          : `pictures found for ${count(subset.imagesFound)} of ${count(images)} images${pictureCount === 0 ? ' (add them: drop the images folder or zip)' : ''}`}
        {subset.imagesUnreadable > 0 &&
          `, ${count(subset.imagesUnreadable)} of them cannot be read (see Problems)`}
      </span>
      {subset.problemTotal > 0 && (
        <span className="muted">{count(subset.problemTotal)} problems in the file</span>
      )}
      {checked !== null && <span className="muted">{count(checked)} found by the checks</span>}
      <WalkPosition />
      {/* A polite live region of its own (role "status" is the line above): says what a results list held. */}
      <span
        role="log"
        aria-label="Predictions loaded"
        className="muted"
        title={loaded === null ? undefined : loadedLine(loaded)}
      >
        {loaded !== null && loadedLine(loaded)}
      </span>
      <AutosaveState />
    </footer>
  );
}
