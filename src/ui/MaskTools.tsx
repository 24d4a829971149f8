import { useState } from 'react';
import { useApp } from '../store/store';
import type { PlainAnnotation } from '../store/viewSlice';
import { MaskEditPreview } from './MaskEditPreview';

/** A spinbutton's value as a number at least `min`; `fallback` when it is not one. */
function numberOf(text: string, min: number, fallback: number): number {
  const n = Number(text);
  return text.trim() !== '' && Number.isFinite(n) && n >= min ? n : fallback;
}

/**
 * The selected shape's pixel commands: a polygon converts to a mask; a mask converts to
 * polygons (within a tolerance), fills its holes or drops its specks. Each press shows a
 * preview first (MaskEditPreview, and the changed pixels on the canvas).
 */
export function MaskTools(props: { annotation: PlainAnnotation }) {
  const a = props.annotation;
  const previewEdit = useApp((s) => s.previewMaskEdit);
  const crowdPreview = useApp(
    (s) =>
      s.maskPreview?.command.type === 'convert-to-mask' &&
      s.maskPreview.command.key === a.key &&
      s.maskPreview.command.crowd,
  );
  const edit = useApp((s) => s.edit);
  const cancel = useApp((s) => s.cancelMaskPreview);
  const [tolerance, setTolerance] = useState('1');
  const [speck, setSpeck] = useState('10');
  if (a.kind !== 'polygon' && a.kind !== 'mask') return null;
  const key = a.key;
  return (
    <section className="mask-tools" aria-label="Pixels">
      <h2>Pixels</h2>
      <MaskEditPreview
        onFlagOnly={
          crowdPreview
            ? () => {
                cancel();
                void edit('Mark crowd', { type: 'set-crowd', keys: [key], on: true });
              }
            : null
        }
      />
      {a.kind === 'polygon' ? (
        <div className="editor-actions">
          <button
            type="button"
            onClick={() =>
              void previewEdit('Convert to mask', { type: 'convert-to-mask', key, crowd: false })
            }
          >
            Convert to mask
          </button>
        </div>
      ) : (
        <>
          <div className="mask-tool-row">
            <label>
              Tolerance
              <input
                type="number"
                aria-label="Tolerance"
                min={0}
                step={0.5}
                value={tolerance}
                onChange={(e) => setTolerance(e.currentTarget.value)}
              />
              px
            </label>
            <button
              type="button"
              onClick={() =>
                void previewEdit('Convert to polygons', {
                  type: 'convert-to-polygons',
                  key,
                  tolerance: numberOf(tolerance, 0, 1),
                })
              }
            >
              Convert to polygons
            </button>
          </div>
          <div className="mask-tool-row">
            <label>
              Speck size
              <input
                type="number"
                aria-label="Speck size"
                min={1}
                step={1}
                value={speck}
                onChange={(e) => setSpeck(e.currentTarget.value)}
              />
              px
            </label>
            <button
              type="button"
              onClick={() =>
                void previewEdit('Remove specks', {
                  type: 'remove-specks',
                  key,
                  minPixels: Math.round(numberOf(speck, 1, 10)),
                })
              }
            >
              Remove specks
            </button>
          </div>
          <div className="editor-actions">
            <button
              type="button"
              onClick={() => void previewEdit('Fill holes', { type: 'fill-holes', key })}
            >
              Fill holes
            </button>
          </div>
        </>
      )}
    </section>
  );
}
