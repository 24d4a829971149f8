import { useDeferredValue, useMemo, useState } from 'react';
import { categoryColors } from '../canvas/palette';
import { categoryIndex } from '../store/categoryIndex';
import { searchLabels } from '../store/labelSearch';
import { currentSubset, useApp } from '../store/store';
import { CategoryEditor } from './CategoryEditor';
import { count, shortText } from './format';

/** Rows listed at once: a dataset may have 10^6 categories; the search finds the others. */
const ROWS = 100;

/**
 * The categories with their colour (the legend), annotation count, and visibility: the
 * first hundred, or those a search finds by name or id.
 */
export function CategoryPanel() {
  const subset = useApp(currentSubset);
  const hidden = useApp((s) => s.hiddenCategories);
  const toggle = useApp((s) => s.toggleCategory);
  const setHidden = useApp((s) => s.setHiddenCategories);
  const categories = subset?.categories;
  const customColors = useApp((s) => s.customColors);
  const edit = useApp((s) => s.edit);
  const [editing, setEditing] = useState<string | null>(null);
  const [newName, setNewName] = useState('');
  const [query, setQuery] = useState('');
  const deferredQuery = useDeferredValue(query);
  const found = useMemo(
    () =>
      categories === undefined
        ? { positions: [], total: 0 }
        : searchLabels(categoryIndex(categories), deferredQuery, [], ROWS),
    [categories, deferredQuery],
  );
  const rows = useMemo(
    () => found.positions.flatMap((p) => categories?.[p] ?? []),
    [found, categories],
  );
  const colors = useMemo(() => categoryColors(rows, customColors), [rows, customColors]);
  const hiddenSet = useMemo(() => new Set(hidden), [hidden]);
  if (categories === undefined) return null;
  const showOnly = (id: string) => setHidden(categoryIndex(categories).ids.filter((c) => c !== id));
  return (
    <section aria-label="Categories" className="categories">
      <div className="panel-actions">
        <button type="button" onClick={() => setHidden([])}>
          Show all
        </button>
      </div>
      <form
        className="add-category"
        onSubmit={(e) => {
          e.preventDefault();
          if (newName.trim() === '') return;
          void edit(`Add category ${newName.trim()}`, {
            type: 'add-category',
            name: newName.trim(),
            supercategory: '',
          });
          setNewName('');
        }}
      >
        <input
          aria-label="New category name"
          placeholder="new category"
          value={newName}
          onChange={(e) => setNewName(e.currentTarget.value)}
        />
        <button type="submit">Add category</button>
      </form>
      <input
        type="search"
        className="category-search"
        aria-label="Find category"
        placeholder={`find among ${count(categories.length)} categories (name or id)`}
        value={query}
        onChange={(e) => setQuery(e.currentTarget.value)}
      />
      {found.total > rows.length && (
        <p className="muted">
          First {count(rows.length)} of {count(found.total)}
          {query.trim() === '' ? ' categories' : ' matches'}: type to find the others.
        </p>
      )}
      {found.total === 0 && query.trim() !== '' && <p className="muted">No category matches.</p>}
      <ul className="category-list" aria-label="Category list">
        {rows.map((c) => {
          const id = String(c.id);
          return (
            <li key={id} className={editing === id ? 'open' : undefined}>
              <div className="category-row">
                <label>
                  <input
                    type="checkbox"
                    checked={!hiddenSet.has(id)}
                    onChange={() => toggle(id)}
                    aria-label={`Show ${shortText(c.name)}`}
                  />
                  <span className="swatch" style={{ background: colors[id] }} />
                  <span className="name" title={c.name}>
                    {shortText(c.name)}
                  </span>
                </label>
                <span className="muted count" title={`${c.crowdCount} crowd`}>
                  {c.annotationCount.toLocaleString('en-US')}
                </span>
                <button
                  type="button"
                  className="link"
                  onClick={() => showOnly(id)}
                  aria-label={`Show only ${shortText(c.name)}`}
                >
                  only
                </button>
                <button
                  type="button"
                  className="link"
                  aria-expanded={editing === id}
                  aria-label={`Edit ${shortText(c.name)}`}
                  onClick={() => setEditing(editing === id ? null : id)}
                >
                  edit
                </button>
              </div>
              {editing === id && (
                <CategoryEditor
                  category={c}
                  categories={categories}
                  color={colors[id] ?? '#ff00ff'}
                />
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
