import { useState } from 'react';
import { categoryById } from '../store/categoryIndex';
import { useApp } from '../store/store';
import type { CategoryInfo } from '../worker/protocol';
import { CommitInput } from './CommitInput';
import { LabelPicker } from './LabelPicker';

/**
 * One category's settings: name, supercategory, colour, merge into another, delete (its
 * annotations deleted or moved to another category: the user chooses, knowing how many).
 */
export function CategoryEditor(props: {
  category: CategoryInfo;
  categories: CategoryInfo[];
  color: string;
}) {
  const { category, categories } = props;
  const edit = useApp((s) => s.edit);
  const setColor = useApp((s) => s.setCategoryColor);
  // The first other category, until the user picks one (never a scan of the whole table).
  const firstOther = categories[0]?.id === category.id ? categories[1] : categories[0];
  const [target, setTarget] = useState(firstOther === undefined ? '' : String(firstOther.id));
  const [mode, setMode] = useState<'delete' | 'reassign'>('reassign');
  const picked = categoryById(categories, target);
  const targetCategory = picked?.id === category.id ? undefined : picked;
  const n = category.annotationCount;
  return (
    <div className="category-editor" role="group" aria-label={`Edit category ${category.name}`}>
      <label>
        name
        <CommitInput
          type="text"
          aria-label="Category name"
          value={category.name}
          onCommit={(name) =>
            name.trim() !== '' &&
            void edit(`Rename ${category.name}`, {
              type: 'set-category',
              id: category.id,
              fields: { name: name.trim() },
            })
          }
        />
      </label>
      <label>
        supercategory
        <CommitInput
          type="text"
          aria-label="Supercategory"
          value={category.supercategory ?? ''}
          onCommit={(supercategory) =>
            void edit(`Set supercategory of ${category.name}`, {
              type: 'set-category',
              id: category.id,
              fields: { supercategory },
            })
          }
        />
      </label>
      <label>
        colour
        <input
          type="color"
          aria-label="Colour"
          value={props.color.slice(0, 7)}
          onChange={(e) => setColor(String(category.id), e.currentTarget.value)}
        />
      </label>
      {categories.length > 1 && (
        <>
          <div className="other-category">
            <span aria-hidden="true">other category</span>
            <LabelPicker
              label="Other category"
              categories={categories}
              value={targetCategory === undefined ? null : target}
              onPick={(c) => setTarget(String(c.id))}
            />
          </div>
          <button
            type="button"
            disabled={targetCategory === undefined}
            onClick={() =>
              targetCategory &&
              void edit(`Merge ${category.name} into ${targetCategory.name}`, {
                type: 'merge-categories',
                from: category.id,
                into: targetCategory.id,
              })
            }
          >
            Merge into {targetCategory?.name ?? '…'}
          </button>
        </>
      )}
      <fieldset className="delete-category">
        <legend>
          Delete {category.name} ({n.toLocaleString('en-US')}{' '}
          {n === 1 ? 'annotation' : 'annotations'})
        </legend>
        {n > 0 && (
          <>
            <label>
              <input
                type="radio"
                name={`mode-${String(category.id)}`}
                checked={mode === 'reassign'}
                disabled={targetCategory === undefined}
                onChange={() => setMode('reassign')}
              />
              move them to {targetCategory?.name ?? 'another category'}
            </label>
            <label>
              <input
                type="radio"
                name={`mode-${String(category.id)}`}
                checked={mode === 'delete' || targetCategory === undefined}
                onChange={() => setMode('delete')}
              />
              delete them
            </label>
          </>
        )}
        <button
          type="button"
          onClick={() => {
            const reassign = n > 0 && mode === 'reassign' && targetCategory !== undefined;
            void edit(`Delete ${category.name}`, {
              type: 'delete-category',
              id: category.id,
              reassignTo: reassign ? targetCategory.id : null,
            });
          }}
        >
          Delete category
        </button>
      </fieldset>
    </div>
  );
}
