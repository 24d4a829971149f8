import { Fragment } from 'react';
import { Layer, Rect } from 'react-konva';
import type { Layers } from '../store/layersSlice';
import { bboxOf, keypointsOf, maskDrawn } from '../store/plainAnnotation';
import type { PlainAnnotation } from '../store/viewSlice';
import { KeypointsShape, WHOLEBODY_POINT_SIZE } from './KeypointsShape';
import { PolygonsShape } from './PolygonsShape';
import { UNKNOWN_COLOR, withAlpha } from './palette';

type Props = {
  annotations: PlainAnnotation[];
  colors: Record<string, string>;
  skeletons: Record<string, [number, number][] | null>;
  layers: Layers;
  opacity: number;
  /** Screen pixels per image pixel: strokes and handles keep their screen size. */
  scale: number;
  selection: number[];
  hovered: number | null;
  /** The annotation whose keypoints its edit handles draw (KeypointHandles.tsx). */
  keypointsEdited: number | null;
};

/**
 * Polygons, boxes and keypoints (labels are drawn above everything, see LabelLayer.tsx). The layer takes no events: the canvas finds what
 * is under the pointer from the geometry (hitTest.ts), so nothing is drawn twice.
 */
export function ShapeLayer(props: Props) {
  const { annotations, colors, layers, opacity, scale, selection, hovered } = props;
  const active = (key: number) => key === hovered || selection.includes(key);
  return (
    <Layer listening={false}>
      {layers.polygons && (
        <PolygonsShape
          annotations={annotations}
          colors={colors}
          opacity={opacity}
          scale={scale}
          active={active}
        />
      )}
      {annotations.map((a) => {
        const color = colors[String(a.categoryId)] ?? UNKNOWN_COLOR;
        const on = active(a.key);
        const width = (on ? 3 : 1.5) / scale;
        const dash = a.iscrowd ? [6 / scale, 4 / scale] : undefined;
        // Masks get a frame (dashed for crowd, so they stand apart at a glance; others when active).
        const maskFrame = maskDrawn(a) && layers.masks && (a.iscrowd || on);
        const bbox = bboxOf(a);
        const showBox = (layers.boxes && a.kind === 'box') || layers.allBoxes || maskFrame;
        const keypoints = keypointsOf(a);
        return (
          <Fragment key={a.key}>
            {bbox !== null && showBox && (
              <Rect
                x={bbox[0]}
                y={bbox[1]}
                width={bbox[2]}
                height={bbox[3]}
                stroke={color}
                strokeWidth={width}
                dash={a.kind === 'box' ? dash : [4 / scale, 3 / scale]}
                fill={a.kind === 'box' && on ? withAlpha(color, 0.15) : undefined}
                perfectDrawEnabled={false}
              />
            )}
            {layers.keypoints && keypoints !== null && a.key !== props.keypointsEdited && (
              <KeypointsShape
                points={keypoints}
                skeleton={props.skeletons[String(a.categoryId)] ?? null}
                color={color}
                scale={scale}
              />
            )}
            {layers.wholeBody &&
              a.key !== props.keypointsEdited &&
              a.keypointSets.map((s) => (
                <KeypointsShape
                  key={s.set}
                  points={s.points}
                  skeleton={null}
                  color={color}
                  scale={scale}
                  size={WHOLEBODY_POINT_SIZE}
                />
              ))}
          </Fragment>
        );
      })}
    </Layer>
  );
}
