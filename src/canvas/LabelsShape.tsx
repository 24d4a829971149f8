import { Shape } from 'react-konva';
import { bboxOf } from '../store/plainAnnotation';
import type { PlainAnnotation } from '../store/viewSlice';
import { UNKNOWN_COLOR } from './palette';

/**
 * Every annotation's category label, drawn by one shape: one node instead of three per
 * label (Konva's Label/Tag/Text measure and cache each), which keeps image switches fast.
 * Sizes are in screen pixels (divided by the zoom).
 */
export function LabelsShape(props: {
  annotations: PlainAnnotation[];
  colors: Record<string, string>;
  names: Record<string, string>;
  scale: number;
}) {
  const { annotations, colors, names, scale } = props;
  return (
    <Shape
      listening={false}
      perfectDrawEnabled={false}
      sceneFunc={(context) => {
        const ctx = context._context;
        const size = 11 / scale;
        const pad = 2 / scale;
        ctx.font = `${size}px system-ui, sans-serif`;
        ctx.textBaseline = 'top';
        for (const a of annotations) {
          const name = a.categoryId === null ? undefined : names[String(a.categoryId)];
          const bbox = bboxOf(a);
          if (bbox === null || name === undefined) continue;
          let text = a.score !== null ? `${name} ${a.score.toFixed(2)}` : name;
          if (a.iscrowd) text += ' (crowd)';
          const w = ctx.measureText(text).width + 2 * pad;
          const h = size + 2 * pad;
          const x = bbox[0];
          const y = Math.max(0, bbox[1] - h);
          ctx.globalAlpha = 0.85;
          ctx.fillStyle = colors[String(a.categoryId)] ?? UNKNOWN_COLOR;
          ctx.fillRect(x, y, w, h);
          ctx.globalAlpha = 1;
          ctx.fillStyle = '#fff';
          ctx.fillText(text, x + pad, y + pad);
        }
      }}
    />
  );
}
