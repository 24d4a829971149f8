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
  const { annotation, prediction } = props;
  return (
    <div className="hover-card" style={{ left: props.x + 14, top: props.y + 14 }} role="tooltip">
      {annotation !== null && <AnnotationPart a={annotation.value} name={annotation.name} />}
      {prediction !== null && (
        <div className={annotation !== null ? 'hover-prediction' : undefined}>
          <PredictionPart p={prediction.value} name={prediction.name} />
        </div>
      )}
    </div>
  );
}

function AnnotationPart({ a, name }: { a: PlainAnnotation; name: string }) {
  return (
    <div>
      <strong>{name}</strong> <span>#{String(a.id)}</span>
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
  );
}

function PredictionPart({ p, name }: { p: PlainPrediction; name: string }) {
  return (
    <>
      <strong>{name}</strong>{' '}
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
    </>
  );
}
