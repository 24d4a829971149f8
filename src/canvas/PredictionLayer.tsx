import { Fragment } from 'react';
import { Image as KonvaImage, Layer, Line, Rect } from 'react-konva';
import { bboxOf } from '../store/plainAnnotation';
import type { PlainPrediction } from '../store/predictionsSlice';
import type { PlainAnnotation } from '../store/viewSlice';
import { VERDICT_COLORS, type MaskImage } from '../worker/protocol';
import { UNKNOWN_COLOR } from './palette';

type Props = {
  predictions: PlainPrediction[];
  masks: ReadonlyMap<number, MaskImage>;
  /** Ground truth the predictions missed: framed so a miss shows at a glance. */
  missed: PlainAnnotation[];
  colors: Record<string, string>;
  opacity: number;
  /** Screen pixels per image pixel: strokes and text keep their screen size. */
  scale: number;
  selected: number | null;
  hovered: number | null;
};

/**
 * Detections over the ground truth, in their own style: dotted outlines, no fill (the
 * score on a plate, see LabelLayer.tsx); coloured by verdict once evaluated (true positive green, false
 * positive red, ignored grey), by category before. Missed ground truth gets an orange
 * frame. The layer takes no events (hit testing is geometric, see hitTest.ts).
 */
export function PredictionLayer(props: Props) {
  const { scale, selected, hovered } = props;
  return (
    <Layer listening={false} imageSmoothingEnabled={false}>
      {props.missed.map((a) => {
        const bbox = bboxOf(a);
        if (bbox === null) return null;
        const frame = {
          x: bbox[0] - 3 / scale,
          y: bbox[1] - 3 / scale,
          width: bbox[2] + 6 / scale,
          height: bbox[3] + 6 / scale,
        };
        // A dark rim under the amber line: a mark, not one more category outline.
        return (
          <Fragment key={`missed-${a.key}`}>
            <Rect {...frame} stroke="#111" strokeWidth={5 / scale} perfectDrawEnabled={false} />
            <Rect
              {...frame}
              stroke={VERDICT_COLORS.missed}
              strokeWidth={2.5 / scale}
              perfectDrawEnabled={false}
            />
          </Fragment>
        );
      })}
      {props.predictions.map((p) => {
        const color =
          p.status === 'none'
            ? (props.colors[String(p.categoryId)] ?? UNKNOWN_COLOR)
            : VERDICT_COLORS[p.status];
        const active = p.key === selected || p.key === hovered;
        const width = (active ? 3.5 : 2) / scale;
        const dash = [3 / scale, 3 / scale];
        const mask = props.masks.get(p.key);
        const bbox = bboxOf(p);
        return (
          <Fragment key={p.key}>
            {mask !== undefined && (
              <KonvaImage
                image={mask.bitmap}
                x={mask.x}
                y={mask.y}
                width={mask.width}
                height={mask.height}
                opacity={active ? Math.min(1, props.opacity + 0.3) : props.opacity * 0.6}
              />
            )}
            {p.kind === 'polygon' &&
              p.polygons.map((points, i) => (
                <Line
                  key={i}
                  points={points}
                  closed
                  stroke={color}
                  strokeWidth={width}
                  dash={dash}
                  perfectDrawEnabled={false}
                />
              ))}
            {bbox !== null && (
              <Rect
                x={bbox[0]}
                y={bbox[1]}
                width={bbox[2]}
                height={bbox[3]}
                stroke={color}
                strokeWidth={width}
                dash={dash}
                perfectDrawEnabled={false}
              />
            )}
          </Fragment>
        );
      })}
    </Layer>
  );
}
