import type { PlainAnnotation } from '../store/viewSlice';

/** Captions of the image, beside it (captions have no shape to draw). */
export function Captions(props: { annotations: PlainAnnotation[] }) {
  const captions = props.annotations.filter((a) => a.caption !== null);
  if (captions.length === 0) return null;
  return (
    <ul className="captions" aria-label="Captions">
      {captions.map((a) => (
        <li key={a.key}>{a.caption}</li>
      ))}
    </ul>
  );
}
