import { useState } from 'react';
import { categoryById } from '../store/categoryIndex';
import { useApp } from '../store/store';
import { bboxOf, captionOf } from '../store/plainAnnotation';
import type { PlainAnnotation } from '../store/viewSlice';
import type { CategoryInfo } from '../worker/protocol';
import { AttributeField } from './AttributeField';
import { CommitInput } from './CommitInput';
import { EditCheckbox } from './EditCheckbox';
import { KeypointEditor } from './KeypointEditor';
import { LabelPicker } from './LabelPicker';
import { MaskTools } from './MaskTools';
import { shortText } from './format';

const round = (v: number) => Math.round(v * 100) / 100;

/** The selected annotations' label, is_crowd, score and attributes, edited in place. */
export function AnnotationEditor(props: {
  selected: PlainAnnotation[];
  categories: CategoryInfo[];
}) {
  const { selected, categories } = props;
  const edit = useApp((s) => s.edit);
  const previewEdit = useApp((s) => s.previewMaskEdit);
  const crowdPreview = useApp(
    (s) => s.maskPreview?.command.type === 'convert-to-mask' && s.maskPreview.command.crowd,
  );
  const [newName, setNewName] = useState('');
  const [newType, setNewType] = useState<'text' | 'number' | 'boolean'>('text');
  const first = selected[0]!;
  const keys = selected.map((a) => a.key);
  const all = <T,>(f: (a: PlainAnnotation) => T) => selected.every((a) => f(a) === f(first));
  const sameCategory = all((a) => String(a.categoryId));
  const segment = selected.some((a) => a.kind === 'segment');
  const names = [...new Set(selected.flatMap((a) => Object.keys(a.attributes ?? {})))];
  const scored = selected.filter((a) => a.score !== null);
  const many = selected.length > 1;
  const categoryName = categoryById(categories, first.categoryId)?.name;

  if (segment)
    return (
      <p className="muted">Panoptic segments live in PNG maps and cannot be edited here yet.</p>
    );

  return (
    <section aria-label="Edit annotation" className="editor">
      <div className="field">
        <span aria-hidden="true">Category</span>
        <LabelPicker
          label="Category"
          categories={categories}
          value={sameCategory && first.categoryId !== null ? String(first.categoryId) : null}
          placeholder={sameCategory ? 'no category' : '(several)'}
          onPick={(category) =>
            edit(`Label as ${shortText(category.name)}`, {
              type: 'relabel',
              keys,
              categoryId: category.id,
            })
          }
        />
      </div>
      <label className="field">
        <span>is_crowd</span>
        <EditCheckbox
          // Remounted as a crowd preview opens or ends: a cancelled preview unticks it.
          key={crowdPreview ? 'previewing' : 'as-is'}
          label="is_crowd"
          checked={first.iscrowd || crowdPreview}
          onChange={(on) => {
            // A polygon marked crowd: first the RLE it would become (CVAT writes crowds as RLE).
            if (on && !many && first.kind === 'polygon')
              void previewEdit('Mark crowd as a mask', {
                type: 'convert-to-mask',
                key: first.key,
                crowd: true,
              });
            else void edit(on ? 'Mark crowd' : 'Unmark crowd', { type: 'set-crowd', keys, on });
          }}
        />
      </label>
      <div className="field">
        <span>score</span>
        {scored.length > 0 ? (
          <>
            <CommitInput
              type="number"
              aria-label="score"
              min={0}
              max={1}
              step={0.01}
              value={all((a) => a.score) ? String(first.score) : ''}
              onCommit={(v) => {
                const score = Number(v);
                if (v.trim() !== '' && score >= 0 && score <= 1)
                  void edit('Set score', { type: 'set-score', keys, score });
              }}
            />
            <button
              type="button"
              onClick={() => void edit('Remove score', { type: 'set-score', keys, score: null })}
            >
              Remove score
            </button>
          </>
        ) : (
          <button
            type="button"
            onClick={() => void edit('Add score', { type: 'set-score', keys, score: 1 })}
          >
            Add score
          </button>
        )}
      </div>
      {!many && <MaskTools annotation={first} />}
      <h2>Attributes</h2>
      {names.length === 0 && <p className="muted">None.</p>}
      {names.map((name) => {
        const values = selected.map((a) => a.attributes?.[name]);
        return (
          <AttributeField
            key={name}
            name={name}
            value={values.find((v) => v !== undefined)}
            mixed={values.some((v) => v !== values[0])}
            onChange={(value) =>
              void edit(`Set ${name}`, { type: 'set-attribute', keys, name, value })
            }
            onRename={(to) =>
              void edit(`Rename ${name}`, { type: 'rename-attribute', keys, from: name, to })
            }
            onRemove={() =>
              void edit(`Remove ${name}`, { type: 'set-attribute', keys, name, value: undefined })
            }
            onSetForCategory={
              sameCategory && first.categoryId !== null && categoryName !== undefined
                ? () =>
                    void edit(`Set ${name} on every ${categoryName}`, {
                      type: 'set-attribute-of-category',
                      categoryId: first.categoryId!,
                      name,
                      value: first.attributes?.[name],
                    })
                : null
            }
          />
        );
      })}
      <form
        className="add-attribute"
        onSubmit={(e) => {
          e.preventDefault();
          const name = newName.trim();
          if (name === '') return;
          const value = newType === 'boolean' ? false : newType === 'number' ? 0 : '';
          void edit(`Add ${name}`, { type: 'set-attribute', keys, name, value });
          setNewName('');
        }}
      >
        <input
          aria-label="New attribute name"
          placeholder="new attribute"
          value={newName}
          onChange={(e) => setNewName(e.currentTarget.value)}
        />
        <select
          aria-label="New attribute type"
          value={newType}
          onChange={(e) => setNewType(e.currentTarget.value as typeof newType)}
        >
          <option value="text">text</option>
          <option value="number">number</option>
          <option value="boolean">yes/no</option>
        </select>
        <button type="submit">Add attribute</button>
      </form>
      <div className="editor-actions">
        <button
          type="button"
          onClick={() =>
            void edit(many ? `Delete ${selected.length} annotations` : 'Delete annotation', {
              type: 'delete',
              keys,
            })
          }
        >
          Delete
        </button>
        {many && (
          <button
            type="button"
            onClick={() => void edit('Merge to crowd', { type: 'merge-crowd', keys })}
          >
            Merge to crowd
          </button>
        )}
        {!many && first.kind === 'polygon' && first.polygons.length > 1 && (
          <button
            type="button"
            onClick={() => void edit('Split polygon', { type: 'split', key: first.key })}
          >
            Split parts
          </button>
        )}
      </div>
      {!many && <KeypointEditor annotation={first} categories={categories} />}
      {!many && <Facts a={first} />}
    </section>
  );
}

/** What the file says of the annotation besides what is edited above. */
function Facts(props: { a: PlainAnnotation }) {
  const a = props.a;
  const rows: [string, string][] = [
    ['id', String(a.id)],
    ['kind', a.kind],
  ];
  if (a.area !== null) rows.push(['area', String(round(a.area))]);
  const bbox = bboxOf(a);
  const caption = captionOf(a);
  if (bbox !== null) rows.push(['bbox', bbox.map(round).join(', ')]);
  if (a.kind === 'polygon')
    rows.push(['points', String(a.polygons.reduce((n, p) => n + Math.floor(p.length / 2), 0))]);
  if (caption !== null) rows.push(['caption', caption]);
  for (const [k, v] of Object.entries(a.extra))
    rows.push([k, typeof v === 'string' ? v : JSON.stringify(v)]);
  return (
    <dl className="facts">
      {rows.map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}
