import { Fragment } from 'react';
import { Circle, Group, Layer, Line, Rect } from 'react-konva';
import type { Layers } from '../store/layersSlice';
import { bboxOf, keypointsOf, maskDrawn } from '../store/plainAnnotation';
import type { PlainAnnotation } from '../store/viewSlice';
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
            {layers.keypoints && keypoints !== null && (
              <Keypoints
                points={keypoints}
                skeleton={props.skeletons[String(a.categoryId)] ?? null}
                color={color}
                scale={scale}
              />
            )}
          </Fragment>
        );
      })}
    </Layer>
  );
}

/** Visible points filled, labeled-but-hidden ones hollow and dashed, unlabeled ones a grey cross. */
function Keypoints(props: {
  points: number[];
  skeleton: [number, number][] | null;
  color: string;
  scale: number;
}) {
  const { points, skeleton, color, scale } = props;
  const r = 3.5 / scale;
  const pt = (i: number) => ({ x: points[i * 3]!, y: points[i * 3 + 1]!, v: points[i * 3 + 2]! });
  const n = Math.floor(points.length / 3);
  return (
    <Group>
      {skeleton?.map(([a, b], i) => {
        if (a >= n || b >= n) return null;
        const p = pt(a);
        const q = pt(b);
        if (p.v === 0 || q.v === 0) return null;
        return (
          <Line
            key={`b${i}`}
            points={[p.x, p.y, q.x, q.y]}
            stroke={color}
            strokeWidth={2 / scale}
          />
        );
      })}
      {Array.from({ length: n }, (_, i) => {
        const p = pt(i);
        if (p.v === 0) {
          // Not labeled: COCO puts these at (0, 0); draw nothing there, a grey cross elsewhere.
          if (p.x === 0 && p.y === 0) return null;
          const s = r * 0.8;
          return (
            <Line
              key={i}
              points={[p.x - s, p.y - s, p.x + s, p.y + s]}
              stroke="#999"
              strokeWidth={1 / scale}
            />
          );
        }
        return p.v === 2 ? (
          <Circle
            key={i}
            x={p.x}
            y={p.y}
            radius={r}
            fill={color}
            stroke="#fff"
            strokeWidth={1 / scale}
          />
        ) : (
          <Circle
            key={i}
            x={p.x}
            y={p.y}
            radius={r}
            stroke={color}
            strokeWidth={1.5 / scale}
            dash={[2 / scale, 2 / scale]}
          />
        );
      })}
    </Group>
  );
}
