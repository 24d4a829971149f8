import type { PlainAnnotation } from '../store/viewSlice';

const show = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));

/** The selected annotation's fields and attributes (read-only for now). */
export function AnnotationDetails(props: { annotation: PlainAnnotation; categoryName: string }) {
  const a = props.annotation;
  const rows: [string, string][] = [
    ['category', props.categoryName],
    ['id', String(a.id)],
    ['kind', a.kind],
    ['iscrowd', a.iscrowd ? '1' : '0'],
  ];
  if (a.score !== null) rows.push(['score', String(a.score)]);
  if (a.area !== null) rows.push(['area', String(a.area)]);
  if (a.bbox !== null) rows.push(['bbox', a.bbox.map((v) => Math.round(v * 100) / 100).join(', ')]);
  if (a.polygons !== null)
    rows.push(['points', String(a.polygons.reduce((n, p) => n + Math.floor(p.length / 2), 0))]);
  if (a.caption !== null) rows.push(['caption', a.caption]);
  for (const [k, v] of Object.entries(a.attributes ?? {})) rows.push([`attributes.${k}`, show(v)]);
  for (const [k, v] of Object.entries(a.extra)) rows.push([k, show(v)]);
  return (
    <section aria-label="Selected annotation" className="details">
      <h2>Selected</h2>
      <dl>
        {rows.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
