import { memo, useSyncExternalStore } from 'react';
import { Image as KonvaImage, Layer } from 'react-konva';
import type { MaskImage } from '../worker/protocol';
import type { PlainAnnotation } from '../store/viewSlice';
import { CrowdHatch } from './CrowdHatch';
import { subscribeWholeMasks, wholeMasksVersion } from './heldMasks';
import { MaskOutline } from './MaskOutline';
import { UNKNOWN_COLOR } from './palette';
import { PixelGrid } from './PixelGrid';

/** A crowd mask's pixels are drawn this much fainter than an instance mask's, then hatched. */
const CROWD_FILL = 0.43;

/**
 * Each mask is one image node (decoded in the worker), the crowd masks hatched in screen
 * space over them (one composite for all) — or, with outlines on, its outline alone. The pixel grid is drawn over
 * the masks (under the shapes); the layer takes no events.
 */
export const MaskLayer = memo(function MaskLayer(props: {
  annotations: PlainAnnotation[];
  masks: ReadonlyMap<number, MaskImage>;
  colors: Record<string, string>;
  opacity: number;
  highlighted: ReadonlySet<number>;
  outlines: boolean;
  grid: { width: number; height: number } | null;
}) {
  // A whole mask takes a sampled one's place in place (heldMasks.ts): drawn again then.
  useSyncExternalStore(subscribeWholeMasks, wholeMasksVersion);
  const crowd: MaskImage[] = [];
  return (
    <Layer listening={false} imageSmoothingEnabled={false}>
      {props.annotations.map((a) => {
        const m = props.masks.get(a.key);
        if (m === undefined) return null;
        const highlighted = props.highlighted.has(a.key);
        const opacity = highlighted ? Math.min(1, props.opacity + 0.3) : props.opacity;
        const color = props.colors[String(a.categoryId)] ?? UNKNOWN_COLOR;
        if (props.outlines)
          return <MaskOutline key={a.key} mask={m} color={color} highlighted={highlighted} />;
        if (a.iscrowd) crowd.push(m);
        return (
          <KonvaImage
            key={a.key}
            image={m.bitmap}
            x={m.x}
            y={m.y}
            width={m.width}
            height={m.height}
            opacity={a.iscrowd ? opacity * CROWD_FILL : opacity}
          />
        );
      })}
      {crowd.length > 0 && <CrowdHatch masks={crowd} opacity={props.opacity} />}
      {props.grid !== null && <PixelGrid {...props.grid} />}
    </Layer>
  );
});
