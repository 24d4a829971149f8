import { useLayoutEffect, useRef, useState } from 'react';
import type { CategoryInfo } from '../worker/protocol';
import { count, shortText } from './format';

/** Row height in px (CSS `.label-options [role=option]` has the same). */
const ROW = 26;
/** Rows visible at once; only these (and a few around) are in the DOM. */
const VISIBLE = 8;
const OVERSCAN = 4;

/**
 * The label picker's popup: a listbox of the matching categories, virtualized (only the
 * rows in view are rendered), the active one kept in view, and how many matched.
 */
export function LabelOptions(props: {
  id: string;
  label: string;
  categories: readonly CategoryInfo[];
  /** Positions in `categories`, best first. */
  positions: readonly number[];
  total: number;
  /** Index into `positions`. */
  active: number;
  current: string | null;
  onHover: (at: number) => void;
  onPick: (at: number) => void;
}) {
  const { positions, active } = props;
  const list = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);

  // Keep the active option in view (and so rendered, for aria-activedescendant).
  useLayoutEffect(() => {
    const el = list.current;
    if (el === null) return;
    const top = active * ROW;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (top + ROW > el.scrollTop + VISIBLE * ROW) el.scrollTop = top + ROW - VISIBLE * ROW;
    setScrollTop(el.scrollTop);
  }, [active, positions]);

  const first = Math.max(0, Math.floor(scrollTop / ROW) - OVERSCAN);
  const last = Math.min(positions.length, first + VISIBLE + 2 * OVERSCAN);
  const rows = [];
  for (let at = first; at < last; at++) {
    const position = positions[at]!;
    const c = props.categories[position]!;
    const id = String(c.id);
    rows.push(
      <div
        key={position}
        id={`${props.id}-${position}`}
        role="option"
        aria-selected={at === active}
        aria-setsize={props.total}
        aria-posinset={at + 1}
        className={[at === active ? 'active' : '', id === props.current ? 'current' : ''].join(' ')}
        style={{ top: at * ROW }}
        title={c.name.length > 120 ? undefined : c.name}
        // Keep the focus in the field: the click commits, the field stays where it was.
        onMouseDown={(e) => e.preventDefault()}
        onMouseMove={() => at !== active && props.onHover(at)}
        onClick={() => props.onPick(at)}
      >
        <span className="name">{shortText(c.name)}</span>
        <span className="muted" aria-hidden="true">
          #{id}
        </span>
        {/* Digits 1–9 label the selection with the first nine categories (EditShortcuts). */}
        {position < 9 && (
          <kbd aria-hidden="true" title={`key ${position + 1}`}>
            {position + 1}
          </kbd>
        )}
      </div>,
    );
  }

  const n = positions.length;
  return (
    <div className="label-options">
      <div
        ref={list}
        id={props.id}
        role="listbox"
        aria-label={props.label}
        className="label-options-list"
        style={{ height: Math.max(1, Math.min(n, VISIBLE)) * ROW }}
        onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
        onMouseDown={(e) => e.preventDefault()}
      >
        <div style={{ height: n * ROW, position: 'relative' }}>{rows}</div>
      </div>
      <p className="muted label-options-count" aria-live="polite">
        {n === 0
          ? 'No label matches.'
          : n < props.total
            ? `First ${count(n)} of ${count(props.total)} matches: type to narrow.`
            : `${count(props.total)} ${props.total === 1 ? 'match' : 'matches'}`}
      </p>
    </div>
  );
}
