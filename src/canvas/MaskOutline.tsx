import { Shape } from 'react-konva';
import type { MaskImage } from '../worker/protocol';
import { maskOutlineOf } from './maskAlpha';

/**
 * A mask drawn as its outline only, on the pixel grid: the edges between its pixels and
 * the pixels around it, two screen pixels wide (three when selected or hovered) and opaque at any zoom (nothing else of the
 * mask hides the picture), so the picture inside shows untinted. The outline is traced the first time it is drawn, then kept with the mask.
 */
export function MaskOutline(props: { mask: MaskImage; color: string; highlighted: boolean }) {
  const { mask, color } = props;
  return (
    <Shape
      listening={false}
      stroke={color}
      strokeWidth={props.highlighted ? 3 : 2}
      strokeScaleEnabled={false}
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
