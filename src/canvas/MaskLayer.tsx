import { Image as KonvaImage, Layer } from 'react-konva';
import type { MaskImage } from '../worker/protocol';
import type { PlainAnnotation } from '../store/viewSlice';

/** Each mask is one image node (decoded in the worker); the layer takes no events. */
export function MaskLayer(props: {
  annotations: PlainAnnotation[];
  masks: ReadonlyMap<number, MaskImage>;
  opacity: number;
  highlighted: ReadonlySet<number>;
}) {
  return (
    <Layer listening={false} imageSmoothingEnabled={false}>
      {props.annotations.map((a) => {
        const m = props.masks.get(a.key);
        if (m === undefined) return null;
        const opacity = props.highlighted.has(a.key)
          ? Math.min(1, props.opacity + 0.3)
          : props.opacity;
        return (
          <KonvaImage
            key={a.key}
            image={m.bitmap}
            x={m.x}
            y={m.y}
            width={m.width}
            height={m.height}
            opacity={opacity}
          />
        );
      })}
    </Layer>
  );
}
