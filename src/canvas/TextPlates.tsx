import { Shape } from 'react-konva';
import { labelColors } from './palette';

/** A line of text on an opaque plate of `color`, its corner at image point (x, y). */
export type Plate = {
  x: number;
  y: number;
  text: string;
  color: string;
  /** Whether (x, y) is the plate's bottom-left corner (a label above a box) or top-left. */
  above: boolean;
};

/**
 * Text plates (category labels, detection scores) drawn by one shape: one node instead of
 * three per label (Konva's Label/Tag/Text measure and cache each), which keeps image
 * switches fast. Plates are opaque, in the colour's hue, with black or white text at 7:1
 * (see labelColors). Sizes are in screen pixels (divided by the zoom).
 */
export function TextPlates(props: { plates: Plate[]; scale: number }) {
  const { plates, scale } = props;
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
        for (const p of plates) {
          const w = ctx.measureText(p.text).width + 2 * pad;
          const h = size + 2 * pad;
          const y = p.above ? Math.max(0, p.y - h) : p.y;
          const { plate, text } = labelColors(p.color);
          ctx.fillStyle = plate;
          ctx.fillRect(p.x, y, w, h);
          ctx.fillStyle = text;
          ctx.fillText(p.text, p.x + pad, y + pad);
        }
      }}
    />
  );
}
