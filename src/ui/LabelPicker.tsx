import { useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { categoryById, categoryIndex } from '../store/categoryIndex';
import { searchLabels } from '../store/labelSearch';
import { useApp } from '../store/store';
import type { CategoryInfo } from '../worker/protocol';
import { LabelOptions } from './LabelOptions';
import { shortText } from './format';

/** At most this many matches are listed (a dataset may have 10^6 categories); typing narrows. */
const LIMIT = 200;

/**
 * A label picker: a combobox (ARIA 1.2, with a listbox popup) over the categories. Typing
 * finds labels by name or id, best matches and the recently used ones first; ArrowUp/Down
 * move, Enter or a click commits (one `onPick`, so one undo step), Esc or leaving the field
 * cancels and shows the current label again.
 */
export function LabelPicker(props: {
  /** The accessible name ("Category", "Draw as"). */
  label: string;
  categories: readonly CategoryInfo[];
  /** The current category's id (as a string), or null when there is none or several. */
  value: string | null;
  placeholder?: string;
  disabled?: boolean;
  /** What a pick does; when it returns a promise (an edit), the list stays until it settles. */
  onPick: (category: CategoryInfo) => void | Promise<unknown>;
}) {
  const { categories, value } = props;
  const listId = useId();
  const input = useRef<HTMLInputElement>(null);
  const recentLabels = useApp((s) => s.recentLabels);
  /** What the person has typed; null while they are not searching. */
  const [query, setQuery] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const current = categoryById(categories, value);

  const matches = useMemo(() => {
    if (!open) return null;
    const index = categoryIndex(categories);
    const recent = recentLabels.flatMap((id) => {
      const at = index.positionOf.get(id);
      return at === undefined ? [] : [at];
    });
    return searchLabels(index, query ?? '', recent, LIMIT);
  }, [open, categories, query, recentLabels]);
  const shown = matches?.positions ?? [];

  const cancel = () => {
    setQuery(null);
    setOpen(false);
  };
  /** Counts commits and typing: a commit's late close must not undo what was typed since. */
  const changes = useRef(0);
  const commit = (position: number | undefined) => {
    const category = position === undefined ? undefined : categories[position];
    const picked = category === undefined ? undefined : props.onPick(category);
    const close = () => {
      cancel();
      requestAnimationFrame(() => input.current?.select());
    };
    if (!(picked instanceof Promise)) return close();
    // An edit: the list closes as its answer lands, so the field and the list show the new
    // label in the same frame (not the old one for a frame before).
    const token = ++changes.current;
    void picked.finally(() => changes.current === token && close());
  };
  const openAt = (at: number) => {
    setOpen(true);
    setActive(at);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (!open) openAt(0);
      else
        setActive(
          Math.max(0, Math.min(shown.length - 1, active + (e.key === 'ArrowDown' ? 1 : -1))),
        );
    } else if (e.key === 'PageDown' || e.key === 'PageUp') {
      if (!open) return;
      e.preventDefault();
      setActive(Math.max(0, Math.min(shown.length - 1, active + (e.key === 'PageDown' ? 8 : -8))));
    } else if (e.key === 'Enter') {
      if (!open) return;
      e.preventDefault();
      commit(shown[active]);
    } else if (e.key === 'Escape') {
      if (!open && query === null) return;
      e.preventDefault();
      // Esc closes the picker only: the canvas tool and the selection stay as they are.
      e.nativeEvent.stopPropagation();
      cancel();
    }
  };

  const name = current?.name ?? '';
  return (
    <div className="label-picker">
      <input
        ref={input}
        type="text"
        role="combobox"
        aria-label={props.label}
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={
          open && shown[active] !== undefined ? `${listId}-${shown[active]}` : undefined
        }
        autoComplete="off"
        spellCheck={false}
        disabled={props.disabled}
        placeholder={props.placeholder}
        title={name}
        value={query ?? shortText(name)}
        onFocus={(e) => e.currentTarget.select()}
        onClick={() => !open && openAt(0)}
        onBlur={cancel}
        onChange={(e) => {
          changes.current++;
          setQuery(e.currentTarget.value);
          openAt(0);
        }}
        onKeyDown={onKeyDown}
      />
      {open && matches !== null && (
        <LabelOptions
          id={listId}
          label={props.label}
          categories={categories}
          positions={shown}
          total={matches.total}
          active={active}
          current={value}
          onHover={setActive}
          onPick={(at) => commit(shown[at])}
        />
      )}
    </div>
  );
}
