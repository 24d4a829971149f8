import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { mark } from '../store/timingMarks';
import { imageKey } from '../store/reviewSlice';
import { currentSubset, useApp } from '../store/store';
import { ImageFilters } from './ImageFilters';
import { ImageRow } from './ImageRow';
import { clearThumbnails } from './thumbnails';

const OVERSCAN = 6;

/**
 * The subset's images, virtualized: only the rows in view exist in the DOM, so 118k
 * images scroll as smoothly as 10. Arrows, PageUp/PageDown, Home/End move the current
 * image within what the filter shows.
 */
export function ImageList() {
  const subset = useApp(currentSubset);
  const subsetIndex = useApp((s) => s.subsetIndex);
  const datasetVersion = useApp((s) => s.datasetVersion);
  const imageIndex = useApp((s) => s.imageIndex);
  const shown = useApp((s) => s.shownImages);
  const setImage = useApp((s) => s.setImage);
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(600);
  const [thumbnails, setThumbnails] = useState(false);
  const rowHeight = thumbnails ? 64 : 28;

  useEffect(() => {
    const el = scroller.current;
    if (el === null) return;
    const observer = new ResizeObserver(() => setHeight(el.clientHeight));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  // A new dataset (not an edit): thumbnails are stale, and the list is ready.
  useEffect(() => {
    clearThumbnails();
    if (datasetVersion > 0) mark('ready');
  }, [datasetVersion]);

  const marks = useApp((s) => s.marks);
  const hideSkipped = useApp((s) => s.hideSkipped);
  const onlyUnreviewed = useApp((s) => s.onlyUnreviewed);
  // The engine's filter, then the review marks (which the page keeps).
  const rows = useMemo(() => {
    if (subset === undefined || (!hideSkipped && !onlyUnreviewed)) return shown;
    const state = useApp.getState();
    const base = shown ?? Int32Array.from({ length: subset.images.ids.length }, (_, i) => i);
    return base.filter((i) => {
      const mark = marks[imageKey(state, i)];
      return !(hideSkipped && mark === 'skipped') && !(onlyUnreviewed && mark === 'reviewed');
    });
  }, [subset, shown, marks, hideSkipped, onlyUnreviewed]);
  const count = rows === null ? (subset?.images.ids.length ?? 0) : rows.length;
  const imageAt = (row: number) => (rows === null ? row : rows[row]!);
  const currentRow = rows === null ? imageIndex : rows.indexOf(imageIndex);
  // Counts by the verdicts, unless the ground truth was edited since they were made.
  const mistakes = useApp((s) =>
    currentSubset(s)?.predictions?.verdicts?.stale === false ? s.imageMistakes : null,
  );

  // A new filter or sort shows its first rows (the worst images first); otherwise the
  // current row is kept in view.
  const listedBy = useRef(shown);
  useEffect(() => {
    const el = scroller.current;
    if (el === null) return;
    if (listedBy.current !== shown) {
      listedBy.current = shown;
      el.scrollTop = 0;
      return;
    }
    if (currentRow < 0) return;
    const top = currentRow * rowHeight;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (top + rowHeight > el.scrollTop + el.clientHeight)
      el.scrollTop = top + rowHeight - el.clientHeight;
  }, [shown, currentRow, rowHeight]);

  if (subset === undefined) return <nav className="image-list" aria-label="Image list" />;
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - OVERSCAN);
  const last = Math.min(count, Math.ceil((scrollTop + height) / rowHeight) + OVERSCAN);
  const page = Math.max(1, Math.floor(height / rowHeight) - 1);

  const onKeyDown = (e: KeyboardEvent) => {
    const from = Math.max(0, currentRow);
    const moves: Record<string, number> = {
      ArrowDown: from + 1,
      ArrowUp: from - 1,
      PageDown: from + page,
      PageUp: from - page,
      Home: 0,
      End: count - 1,
    };
    const next = moves[e.key];
    if (next === undefined || count === 0) return;
    e.preventDefault();
    setImage(imageAt(Math.max(0, Math.min(count - 1, next))));
  };

  const items = [];
  for (let row = first; row < last; row++) {
    const i = imageAt(row);
    items.push(
      <ImageRow
        key={i}
        table={subset.images}
        subset={subsetIndex}
        imageIndex={i}
        top={row * rowHeight}
        height={rowHeight}
        current={i === imageIndex}
        thumbnail={thumbnails}
        position={row + 1}
        count={count}
        onSelect={setImage}
        mark={marks[imageKey(useApp.getState(), i)]}
        mistakes={mistakes}
      />,
    );
  }
  return (
    <nav className="image-list" aria-label="Image list">
      <ImageFilters thumbnails={thumbnails} onThumbnails={setThumbnails} shownCount={count} />
      <div
        ref={scroller}
        className="scroller"
        tabIndex={0}
        aria-label="Images, use arrow keys to move"
        onKeyDown={onKeyDown}
        onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
      >
        <ul aria-label="Images" style={{ height: count * rowHeight }}>
          {items}
        </ul>
        {count === 0 && <p className="muted empty">No image matches the filter.</p>}
      </div>
    </nav>
  );
}
