import type { PlainPrediction } from '../store/predictionsSlice';
import type { PlainAnnotation } from '../store/viewSlice';
import { VERDICT } from './verdicts';

/**
 * What the pointer is over, at screen pixels (x, y): the ground truth annotation
 * (category, id, area, iscrowd, score, and how the predictions matched it) and the
 * detection (category, score, verdict, IoU with the ground truth it matched).
 */
export function HoverCard(props: {
  annotation: { value: PlainAnnotation; name: string } | null;
  prediction: { value: PlainPrediction; name: string } | null;
  x: number;
  y: number;
}) {
  const a = props.annotation?.value;
  const p = props.prediction?.value;
  return (
    <div className="hover-card" style={{ left: props.x + 14, top: props.y + 14 }} role="tooltip">
      {a !== undefined && (
        <div>
          <strong>{props.annotation!.name}</strong> <span>#{String(a.id)}</span>
          <div>
            {a.kind}
            {a.area !== null && ` · area ${Math.round(a.area * 100) / 100}`}
            {` · iscrowd ${a.iscrowd ? 1 : 0}`}
            {a.score !== null && ` · score ${a.score.toFixed(3)}`}
          </div>
          {a.match !== null && (
            <div className={`hover-verdict ${a.match.status}`}>
              {a.match.status === 'matched'
                ? `matched by prediction #${String(a.match.predictionId)} at IoU ${a.match.iou?.toFixed(3)}`
                : a.match.status === 'missed'
                  ? 'missed by the predictions'
                  : 'crowd region: ignored by the evaluation'}
            </div>
          )}
        </div>
      )}
      {p !== undefined && (
        <div className={a !== undefined ? 'hover-prediction' : undefined}>
          <strong>{props.prediction!.name}</strong>{' '}
          <span>
            prediction #{String(p.id)}
            {p.score !== null && ` · score ${p.score.toFixed(3)}`}
          </span>
          {p.status !== 'none' && (
            <div className={`hover-verdict ${p.status}`}>
              {VERDICT[p.status]}
              {p.iou !== null &&
                (p.matchedId !== null
                  ? ` · IoU ${p.iou.toFixed(3)} with #${String(p.matchedId)}`
                  : ` · best IoU ${p.iou.toFixed(3)}`)}
            </div>
          )}
        </div>
      )}
    </div>
  );
}
