import { currentSubset, useApp } from '../store/store';
import type { ImageFilter, ImageSort } from '../worker/protocol';
import { LabelPicker } from './LabelPicker';
import { mistakeFilterLabel, SORT_LABELS } from './mistakeFilter';

/** Filter the image list by file name, category, crowd, problems, or no annotation. */
export function ImageFilters(props: {
  thumbnails: boolean;
  onThumbnails: (on: boolean) => void;
  shownCount: number;
}) {
  const filter = useApp((s) => s.filter);
  const setFilter = useApp((s) => s.setFilter);
  const subset = useApp(currentSubset);
  const onlyUnreviewed = useApp((s) => s.onlyUnreviewed);
  const hideSkipped = useApp((s) => s.hideSkipped);
  const setReviewFilter = useApp((s) => s.setReviewFilter);
  const checkProgress = useApp((s) => s.checkProgress);
  const total = subset?.images.ids.length ?? 0;
  // Sorting by mistakes needs the verdicts of an evaluation.
  const evaluated = subset?.predictions?.verdicts != null;
  const shown =
    props.shownCount === total
      ? `${total.toLocaleString('en-US')} images`
      : `${props.shownCount.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} images`;
  return (
    <div className="filters">
      <input
        type="search"
        aria-label="Filter by file name"
        placeholder="Filter by file name"
        value={filter.text}
        onChange={(e) => void setFilter({ text: e.currentTarget.value })}
      />
      <div className="label-filter">
        <LabelPicker
          label="Images with label"
          categories={subset?.categories ?? []}
          value={filter.categories[0] ?? null}
          placeholder="All labels"
          onPick={(c) => void setFilter({ categories: [String(c.id)] })}
        />
        {filter.categories.length > 0 && (
          <button type="button" onClick={() => void setFilter({ categories: [] })}>
            All labels
          </button>
        )}
      </div>
      {(evaluated || filter.sort !== 'file') && (
        <label className="sort">
          Sort
          <select
            aria-label="Sort images"
            value={filter.sort}
            onChange={(e) => void setFilter({ sort: e.currentTarget.value as ImageSort })}
          >
            {Object.entries(SORT_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
      )}
      <div className="filter-flags">
        <label>
          <input
            type="checkbox"
            checked={filter.hasCrowd}
            onChange={(e) => void setFilter({ hasCrowd: e.currentTarget.checked })}
          />
          crowd
        </label>
        <label title="Images with a problem found on opening or by the checks of the Problems panel">
          <input
            type="checkbox"
            checked={filter.hasProblems}
            onChange={(e) => void setFilter({ hasProblems: e.currentTarget.checked })}
          />
          problems
          {filter.hasProblems && checkProgress !== null && (
            <span className="muted" role="status">
              {' '}
              checking {Math.round(checkProgress * 100)}%
            </span>
          )}
        </label>
        <label>
          <input
            type="checkbox"
            checked={filter.notAnnotated}
            onChange={(e) => void setFilter({ notAnnotated: e.currentTarget.checked })}
          />
          not annotated
        </label>
        <label>
          <input
            type="checkbox"
            checked={filter.edited}
            onChange={(e) => void setFilter({ edited: e.currentTarget.checked })}
          />
          edited
        </label>
        <label>
          <input
            type="checkbox"
            checked={onlyUnreviewed}
            onChange={(e) => setReviewFilter({ onlyUnreviewed: e.currentTarget.checked })}
          />
          not reviewed
        </label>
        <label>
          <input
            type="checkbox"
            checked={hideSkipped}
            onChange={(e) => setReviewFilter({ hideSkipped: e.currentTarget.checked })}
          />
          hide skipped
        </label>
        <label>
          <input
            type="checkbox"
            checked={props.thumbnails}
            onChange={(e) => props.onThumbnails(e.currentTarget.checked)}
          />
          thumbnails
        </label>
      </div>
      <FilterChips />
      <div className="muted filter-count">
        {filter.sort === 'file' ? shown : `${shown}, ${SORT_LABELS[filter.sort]} first`}
      </div>
    </div>
  );
}

/** Filters set from elsewhere (statistics, evaluation), each with a way to drop it. */
function FilterChips() {
  const filter = useApp((s) => s.filter);
  const setFilter = useApp((s) => s.setFilter);
  const chips: { label: string; clear: Partial<ImageFilter> }[] = [];
  const range = filter.annotationCount;
  if (range !== null)
    chips.push({
      label:
        range.max === null
          ? `${range.min}+ annotations`
          : range.min === range.max
            ? `${range.min} annotations`
            : `${range.min}–${range.max} annotations`,
      clear: { annotationCount: null },
    });
  if (filter.size !== null)
    chips.push({ label: `${filter.size.width}×${filter.size.height}`, clear: { size: null } });
  const mistakes = mistakeFilterLabel(filter);
  if (mistakes !== null)
    chips.push({ label: mistakes, clear: { falsePositives: false, misses: false } });
  if (chips.length === 0) return null;
  return (
    <ul className="filter-chips" aria-label="Other filters">
      {chips.map((c) => (
        <li key={c.label}>
          {c.label}
          <button
            type="button"
            className="icon"
            aria-label={`Remove filter ${c.label}`}
            onClick={() => void setFilter(c.clear)}
          >
            ×
          </button>
        </li>
      ))}
    </ul>
  );
}
