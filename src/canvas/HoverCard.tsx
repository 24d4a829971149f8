import type { PlainAnnotation } from '../store/viewSlice';

/** What the pointer is over: category, id, area, iscrowd, score. Screen pixels. */
export function HoverCard(props: {
  annotation: PlainAnnotation;
  name: string;
  x: number;
  y: number;
}) {
  const a = props.annotation;
  return (
    <div className="hover-card" style={{ left: props.x + 14, top: props.y + 14 }} role="tooltip">
      <strong>{props.name}</strong> <span>#{String(a.id)}</span>
      <div>
        {a.kind}
        {a.area !== null && ` · area ${Math.round(a.area * 100) / 100}`}
        {` · iscrowd ${a.iscrowd ? 1 : 0}`}
        {a.score !== null && ` · score ${a.score.toFixed(3)}`}
      </div>
    </div>
  );
}
