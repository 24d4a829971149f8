import { Group, Image as KonvaImage, Layer, Shape } from 'react-konva';
import { brushFootprint } from './brushFootprint';
import type { Brush } from './useBrush';

/** Two strokes, dark under light, so the cursor shows on any picture and any mask. */
const CURSOR_STROKES: [string, number][] = [
  ['rgba(0, 0, 0, 0.8)', 3],
  ['#fff', 1],
];

/**
 * The brush's stroke being painted (its pixels in the painted colour, or the erased pixels
 * as a checkerboard) and the cursor: the outline of the pixels one dab covers. The layer
 * draws without smoothing, so each image pixel is a sharp block at any zoom.
 */
export function BrushLayer(props: { brush: Brush; size: number; opacity: number; erase: boolean }) {
  const { brush, size } = props;
  const footprint = brushFootprint(size);
  return (
    <Layer ref={brush.layerRef} listening={false} imageSmoothingEnabled={false}>
      {brush.canvas !== null && (
        // Placed and cropped to the stroke's bounds by the brush as it paints.
        <KonvaImage
          ref={brush.imageRef}
          image={brush.canvas}
          visible={false}
          opacity={props.erase ? 0.85 : props.opacity}
        />
      )}
      <Group ref={brush.cursorRef} visible={false}>
        {CURSOR_STROKES.map(([stroke, width]) => (
          <Shape
            key={stroke}
            stroke={stroke}
            strokeWidth={width}
            strokeScaleEnabled={false}
            sceneFunc={(ctx, shape) => {
              ctx.beginPath();
              for (let i = 0; i < footprint.length; i += 4) {
                ctx.moveTo(footprint[i]!, footprint[i + 1]!);
                ctx.lineTo(footprint[i + 2]!, footprint[i + 3]!);
              }
              ctx.strokeShape(shape);
            }}
          />
        ))}
      </Group>
    </Layer>
  );
}
