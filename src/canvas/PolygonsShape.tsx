import { Shape } from 'react-konva';
import type { PlainAnnotation } from '../store/viewSlice';
import { UNKNOWN_COLOR, withAlpha } from './palette';

/**
 * Every polygon of the image (each part of each annotation), drawn by one shape: one node
 * instead of one per part, so switching to an image with hundreds of polygons creates and
 * destroys no nodes. Filled with the category's colour at the fill opacity, outlined
 * solid; crowd outlines dashed; the hovered and selected ones bolder and more opaque.
 * Widths are in screen pixels (divided by the zoom).
 */
export function PolygonsShape(props: {
  annotations: PlainAnnotation[];
  colors: Record<string, string>;
  opacity: number;
  scale: number;
  active: (key: number) => boolean;
}) {
  const { annotations, colors, opacity, scale, active } = props;
  return (
    <Shape
      listening={false}
      perfectDrawEnabled={false}
      sceneFunc={(context) => {
        const ctx = context._context;
        for (const a of annotations) {
          if (a.kind !== 'polygon' || a.polygons.length === 0) continue;
          const color = colors[String(a.categoryId)] ?? UNKNOWN_COLOR;
          const on = active(a.key);
          ctx.fillStyle = withAlpha(color, on ? Math.min(1, opacity + 0.25) : opacity);
          ctx.strokeStyle = color;
          ctx.lineWidth = (on ? 3 : 1.5) / scale;
          ctx.setLineDash(a.iscrowd ? [6 / scale, 4 / scale] : []);
          for (const points of a.polygons) {
            if (points.length < 4) continue;
            ctx.beginPath();
            ctx.moveTo(points[0]!, points[1]!);
            for (let i = 2; i + 1 < points.length; i += 2) ctx.lineTo(points[i]!, points[i + 1]!);
            ctx.closePath();
            ctx.fill();
            ctx.stroke();
          }
        }
        ctx.setLineDash([]);
      }}
    />
  );
}
