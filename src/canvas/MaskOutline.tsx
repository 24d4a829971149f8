import { Shape } from 'react-konva';
import type { MaskImage } from '../worker/protocol';
import { maskOutlineOf } from './maskAlpha';

/**
 * A mask drawn as its outline only, on the pixel grid: the edges between its pixels and
 * the pixels around it, two screen pixels wide at any zoom, so the picture inside shows
 * untinted. The outline is traced the first time it is drawn, then kept with the mask.
 */
export function MaskOutline(props: { mask: MaskImage; color: string; opacity: number }) {
  const { mask, color } = props;
  return (
    <Shape
      listening={false}
      stroke={color}
      strokeWidth={2}
      strokeScaleEnabled={false}
      opacity={props.opacity}
      sceneFunc={(ctx, shape) => {
        const segments = maskOutlineOf(mask);
        ctx.beginPath();
        for (let i = 0; i < segments.length; i += 4) {
          ctx.moveTo(segments[i]!, segments[i + 1]!);
          ctx.lineTo(segments[i + 2]!, segments[i + 3]!);
        }
        ctx.strokeShape(shape);
      }}
    />
  );
}
