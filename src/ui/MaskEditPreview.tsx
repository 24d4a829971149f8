import { useEffect, useRef } from 'react';
import { useApp } from '../store/store';
import type { MaskPreview } from '../worker/protocol';

const formatter = new Intl.NumberFormat('en-US');

/**
 * What a previewed mask command will do, before it is applied: the IoU of the mask before
 * and after, pixels added and removed (drawn on the canvas in the same colours), parts
 * and points; for a crowd conversion, the RLE it writes. Apply makes it one undoable
 * edit; Cancel (or Escape) drops it. `onFlagOnly`: the crowd preview's third answer.
 */
export function MaskEditPreview(props: { onFlagOnly: (() => void) | null }) {
  const pending = useApp((s) => s.maskPreview);
  const apply = useApp((s) => s.applyMaskPreview);
  const cancel = useApp((s) => s.cancelMaskPreview);
  const open = pending !== null;
  const panel = useRef<HTMLElement>(null);
  // The inspector's editor scrolls: the preview is brought into view as it opens.
  useEffect(() => {
    if (open) panel.current?.scrollIntoView({ block: 'nearest' });
  }, [open, pending?.result]);
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.preventDefault();
      cancel();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open, cancel]);
  if (pending === null) return null;
  const { result, error } = pending;
  return (
    <section ref={panel} className="mask-preview" aria-label="Preview" aria-live="polite">
      <h3>Preview: {pending.label}</h3>
      {error !== null ? (
        <p className="mask-preview-error">{error}</p>
      ) : result === null ? (
        <p className="muted">Working out the pixels…</p>
      ) : (
        <PreviewFacts result={result} />
      )}
      <div className="editor-actions">
        <button type="button" disabled={result === null} onClick={() => void apply()}>
          Apply
        </button>
        {props.onFlagOnly !== null && (
          <button type="button" onClick={props.onFlagOnly}>
            Only set the flag
          </button>
        )}
        <button type="button" onClick={cancel}>
          Cancel
        </button>
      </div>
    </section>
  );
}

function PreviewFacts(props: { result: Omit<MaskPreview, 'image'> }) {
  const { iou, added, removed, parts, points, rle } = props.result;
  return (
    <>
      <p className="mask-preview-numbers">
        <span>IoU {iou.toFixed(4)}</span>{' '}
        <span>
          <span className="preview-added">+{formatter.format(added)}</span> /{' '}
          <span className="preview-removed">−{formatter.format(removed)}</span> pixels
        </span>
        {' · '}
        <span>
          {parts} {parts === 1 ? 'part' : 'parts'}
          {points !== null && `, ${formatter.format(points)} points`}
        </span>
      </p>
      {rle !== null && (
        <dl className="facts" aria-label="RLE">
          <div>
            <dt>size</dt>
            <dd>
              {rle.size[0]} × {rle.size[1]} (height × width)
            </dd>
          </div>
          <div>
            <dt>area</dt>
            <dd>{formatter.format(rle.area)}</dd>
          </div>
          <div>
            <dt>bbox</dt>
            <dd>{rle.bbox.join(', ')}</dd>
          </div>
          <div>
            <dt>counts</dt>
            <dd>
              <code>{rle.countsStart}</code> ({rle.compressed ? 'compressed' : 'uncompressed'})
            </dd>
          </div>
        </dl>
      )}
    </>
  );
}
