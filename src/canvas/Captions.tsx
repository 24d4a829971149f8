import { captionOf } from '../store/plainAnnotation';
import type { PlainAnnotation } from '../store/viewSlice';

/** Captions of the image, beside it (captions have no shape to draw). */
export function Captions(props: { annotations: PlainAnnotation[] }) {
  const captions = props.annotations.flatMap((a) => {
    const caption = captionOf(a);
    return caption === null ? [] : [{ key: a.key, caption }];
  });
  if (captions.length === 0) return null;
  return (
    <ul className="captions" aria-label="Captions">
      {captions.map((c) => (
        <li key={c.key}>{c.caption}</li>
      ))}
    </ul>
  );
}
