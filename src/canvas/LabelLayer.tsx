import { Layer } from 'react-konva';
import type { PlainPrediction } from '../store/predictionsSlice';
import { bboxOf } from '../store/plainAnnotation';
import type { PlainAnnotation } from '../store/viewSlice';
import { VERDICT_COLORS } from '../worker/protocol';
import { UNKNOWN_COLOR } from './palette';
import { TextPlates, type Plate } from './TextPlates';

/** The category label above each annotation's box. */
function labelPlates(
  annotations: readonly PlainAnnotation[],
  colors: Record<string, string>,
  names: Record<string, string>,
): Plate[] {
  return annotations.flatMap((a) => {
    const name = a.categoryId === null ? undefined : names[String(a.categoryId)];
    const bbox = bboxOf(a);
    if (bbox === null || name === undefined) return [];
    let text = a.score !== null ? `${name} ${a.score.toFixed(2)}` : name;
    if (a.iscrowd) text += ' (crowd)';
    const color = colors[String(a.categoryId)] ?? UNKNOWN_COLOR;
    return [{ x: bbox[0], y: bbox[1], text, color, above: true }];
  });
}

/** Each detection's score inside its box's bottom-left corner, in its verdict's colour. */
function scorePlates(
  predictions: readonly PlainPrediction[],
  colors: Record<string, string>,
  scale: number,
): Plate[] {
  return predictions.flatMap((p) => {
    const bbox = bboxOf(p);
    if (bbox === null || p.score === null) return [];
    const color =
      p.status === 'none'
        ? (colors[String(p.categoryId)] ?? UNKNOWN_COLOR)
        : VERDICT_COLORS[p.status];
    const y = bbox[1] + bbox[3] - 15 / scale;
    return [{ x: bbox[0], y, text: p.score.toFixed(2), color, above: false }];
  });
}

/**
 * Labels and scores, above every other layer, so no frame or outline (a missed ground
 * truth's frame, say) is ever drawn over their text.
 */
export function LabelLayer(props: {
  annotations: readonly PlainAnnotation[];
  predictions: readonly PlainPrediction[];
  colors: Record<string, string>;
  names: Record<string, string>;
  scale: number;
}) {
  const plates = [
    ...scorePlates(props.predictions, props.colors, props.scale),
    ...labelPlates(props.annotations, props.colors, props.names),
  ];
  return (
    <Layer listening={false}>
      <TextPlates plates={plates} scale={props.scale} />
    </Layer>
  );
}
