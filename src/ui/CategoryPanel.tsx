import { useMemo, useState } from 'react';
import { categoryColors } from '../canvas/palette';
import { currentSubset, useApp } from '../store/store';
import { CategoryEditor } from './CategoryEditor';

/** Every category with its colour (the legend), annotation count, and visibility. */
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
  const colors = useMemo(
    () => categoryColors(categories ?? [], customColors),
    [categories, customColors],
  );
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
      <ul className="category-list">
        {categories.map((c) => {
          const id = String(c.id);
          return (
            <li key={id} className={editing === id ? 'open' : undefined}>
              <div className="category-row">
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
                <button
                  type="button"
                  className="link"
                  aria-expanded={editing === id}
                  aria-label={`Edit ${c.name}`}
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
