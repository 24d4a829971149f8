import type { CocoId } from '../coco';
import { visiblePredictions } from '../canvas/visibleAnnotations';
import type { PlainPrediction } from '../store/predictionsSlice';
import { useApp } from '../store/store';
import { VERDICT } from '../canvas/verdicts';
import type { GroundTruthMatch } from '../worker/protocol';

/**
 * The current image's detections (above the score threshold), with their verdicts; the
 * selected one's details, with a link to the ground truth it matched.
 */
export function PredictionList(props: {
  nameOf: (categoryId: CocoId | null) => string | undefined;
}) {
  const predictions = useApp((s) => s.predictions);
  const show = useApp((s) => s.showPredictions);
  const hiddenCategories = useApp((s) => s.hiddenCategories);
  const predictionScore = useApp((s) => s.predictionScore);
  const selected = useApp((s) => s.selectedPrediction);
  const selectPrediction = useApp((s) => s.selectPrediction);
  const select = useApp((s) => s.select);
  if (!show || predictions.length === 0) return null;
  const shown = visiblePredictions(predictions, { hiddenCategories, predictionScore });
  const nameOf = (p: PlainPrediction) =>
    p.categoryId === null
      ? 'detection'
      : (props.nameOf(p.categoryId) ?? `category ${String(p.categoryId)}`);
  const current = shown.find((p) => p.key === selected);
  return (
    <section className="predictions">
      <h2>
        Predictions ({shown.length}
        {shown.length < predictions.length ? ` of ${predictions.length}` : ''})
      </h2>
      <ul aria-label="Predictions" className="annotation-list">
        {shown.map((p) => (
          <li
            key={p.key}
            aria-selected={p.key === selected}
            className={`${p.key === selected ? 'selected' : ''} verdict-${p.status}`}
            onClick={() => {
              select([]);
              selectPrediction(p.key);
            }}
          >
            <span className="name">{nameOf(p)}</span>{' '}
            {p.score !== null && <span className="muted">{p.score.toFixed(2)}</span>}{' '}
            {p.status !== 'none' && <span className="badge verdict">{VERDICT[p.status]}</span>}
          </li>
        ))}
      </ul>
      {current !== undefined && (
        <dl className="fields" aria-label="Selected prediction">
          <dt>category</dt>
          <dd>{nameOf(current)}</dd>
          <dt>score</dt>
          <dd>{current.score ?? '—'}</dd>
          <dt>verdict</dt>
          <dd>{VERDICT[current.status] || 'not evaluated'}</dd>
          <dt>IoU</dt>
          <dd>{current.iou === null ? '—' : current.iou.toFixed(3)}</dd>
          <dt>matched</dt>
          <dd>
            {current.matchedKey === null ? (
              'none'
            ) : (
              <button
                type="button"
                className="link"
                onClick={() => {
                  selectPrediction(null);
                  select([current.matchedKey!]);
                }}
              >
                #{String(current.matchedId)}
              </button>
            )}
          </dd>
        </dl>
      )}
    </section>
  );
}

/** How the predictions matched a ground truth annotation, in words. */
export function MatchNote(props: { match: GroundTruthMatch }) {
  const { match } = props;
  const selectPrediction = useApp((s) => s.selectPrediction);
  const select = useApp((s) => s.select);
  if (match.status === 'ignored')
    return <p className="muted match-note">Crowd region: ignored by the evaluation.</p>;
  if (match.status === 'missed')
    return <p className="match-note missed">Missed: no prediction matched it.</p>;
  return (
    <p className="match-note matched">
      Matched by{' '}
      <button
        type="button"
        className="link"
        onClick={() => {
          select([]);
          selectPrediction(match.predictionKey);
        }}
      >
        prediction #{String(match.predictionId)}
      </button>{' '}
      (score {match.score?.toFixed(2) ?? '—'}) at IoU {match.iou?.toFixed(3)}
    </p>
  );
}
