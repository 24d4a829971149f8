import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { mark } from '../store/marks';
import { currentSubset, useApp } from '../store/store';
import { ImageFlag } from '../worker/protocol';

const ROW_HEIGHT = 28;
const OVERSCAN = 8;

/**
 * The subset's images, virtualized: only the rows in view exist in the DOM, so 118k
 * images scroll as smoothly as 10. Arrows, PageUp/PageDown, Home/End move the current image.
 */
export function ImageList() {
  const subset = useApp(currentSubset);
  const imageIndex = useApp((s) => s.imageIndex);
  const setImage = useApp((s) => s.setImage);
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(600);

  useEffect(() => {
    const el = scroller.current;
    if (el === null) return;
    const observer = new ResizeObserver(() => setHeight(el.clientHeight));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    if (subset !== undefined) mark('ready');
  }, [subset]);

  // Keep the current row in view.
  useEffect(() => {
    const el = scroller.current;
    if (el === null) return;
    const top = imageIndex * ROW_HEIGHT;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (top + ROW_HEIGHT > el.scrollTop + el.clientHeight)
      el.scrollTop = top + ROW_HEIGHT - el.clientHeight;
  }, [imageIndex]);

  if (subset === undefined) return <nav className="image-list" aria-label="Image list" />;
  const images = subset.images;
  const count = images.ids.length;
  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(count, Math.ceil((scrollTop + height) / ROW_HEIGHT) + OVERSCAN);
  const page = Math.max(1, Math.floor(height / ROW_HEIGHT) - 1);

  const onKeyDown = (e: KeyboardEvent) => {
    const moves: Record<string, number> = {
      ArrowDown: imageIndex + 1,
      ArrowUp: imageIndex - 1,
      PageDown: imageIndex + page,
      PageUp: imageIndex - page,
      Home: 0,
      End: count - 1,
    };
    const next = moves[e.key];
    if (next === undefined) return;
    e.preventDefault();
    setImage(next);
  };

  const rows = [];
  for (let i = first; i < last; i++) {
    const flags = images.flags[i]!;
    const name = images.fileNames[i] || `image ${String(images.ids[i])}`;
    rows.push(
      <li
        key={i}
        className={i === imageIndex ? 'row current' : 'row'}
        style={{ top: i * ROW_HEIGHT }}
        aria-current={i === imageIndex ? 'true' : undefined}
        aria-setsize={count}
        aria-posinset={i + 1}
        onClick={() => setImage(i)}
      >
        <span className="name" title={name}>
          {name}
        </span>
        {(flags & ImageFlag.hasProblems) !== 0 && (
          <span className="badge warn" title="has problems">
            !
          </span>
        )}
        {(flags & ImageFlag.hasCrowd) !== 0 && (
          <span className="badge" title="has crowd annotations">
            crowd
          </span>
        )}
        <span className="count" title="annotations">
          {images.annotationCounts[i]}
        </span>
      </li>,
    );
  }
  return (
    <nav className="image-list" aria-label="Image list">
      <div
        ref={scroller}
        className="scroller"
        tabIndex={0}
        onKeyDown={onKeyDown}
        onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
      >
        <ul aria-label="Images" style={{ height: count * ROW_HEIGHT }}>
          {rows}
        </ul>
      </div>
    </nav>
  );
}
