import { useMemo } from 'react';
import { categoryColors } from '../canvas/palette';
import { currentSubset, useApp } from '../store/store';

/** Every category with its colour (the legend), annotation count, and visibility. */
export function CategoryPanel() {
  const subset = useApp(currentSubset);
  const hidden = useApp((s) => s.hiddenCategories);
  const toggle = useApp((s) => s.toggleCategory);
  const setHidden = useApp((s) => s.setHiddenCategories);
  const categories = subset?.categories;
  const colors = useMemo(() => categoryColors(categories ?? []), [categories]);
  if (categories === undefined) return null;
  const showOnly = (id: string) =>
    setHidden(categories.map((c) => String(c.id)).filter((c) => c !== id));
  return (
    <section aria-label="Categories" className="categories">
      <div className="panel-actions">
        <button type="button" onClick={() => setHidden([])}>
          Show all
        </button>
      </div>
      <ul className="category-list">
        {categories.map((c) => {
          const id = String(c.id);
          return (
            <li key={id}>
              <label>
                <input
                  type="checkbox"
                  checked={!hidden.includes(id)}
                  onChange={() => toggle(id)}
                  aria-label={`Show ${c.name}`}
                />
                <span className="swatch" style={{ background: colors[id] }} />
                <span className="name">{c.name}</span>
              </label>
              <span className="muted count" title={`${c.crowdCount} crowd`}>
                {c.annotationCount.toLocaleString('en-US')}
              </span>
              <button
                type="button"
                className="link"
                onClick={() => showOnly(id)}
                aria-label={`Show only ${c.name}`}
              >
                only
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
