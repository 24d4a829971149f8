import { insightKey } from '../store/insightSlice';
import { currentSubset, useApp } from '../store/store';

const format = (n: number) => n.toLocaleString('en-US');

/** "<I> images · <A> annotations · <C> categories", plus pictures found and problems. */
export function StatusBar() {
  const subset = useApp(currentSubset);
  const pictureCount = useApp((s) => s.summary?.pictureCount ?? 0);
  const checked = useApp((s) =>
    s.findingsFor === insightKey(s) && s.checkProgress === null
      ? Object.values(s.findingCounts).reduce((a, b) => a + (b ?? 0), 0)
      : null,
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
        {format(images)} images · {format(subset.annotationCount)} annotations ·{' '}
        {format(subset.categories.length)} categories
      </span>
      <span className="muted">
        {subset.imagesFound === images
          ? 'all pictures found'
          : `pictures found for ${format(subset.imagesFound)} of ${format(images)} images${pictureCount === 0 ? ' (add them: drop the images folder or zip)' : ''}`}
      </span>
      {subset.problemTotal > 0 && (
        <span className="muted">{format(subset.problemTotal)} problems in the file</span>
      )}
      {checked !== null && <span className="muted">{format(checked)} found by the checks</span>}
    </footer>
  );
}
