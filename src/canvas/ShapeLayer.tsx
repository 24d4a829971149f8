import { Fragment } from 'react';
import { Circle, Group, Label, Layer, Line, Rect, Tag, Text } from 'react-konva';
import type { Layers } from '../store/layersSlice';
import type { PlainAnnotation } from '../store/viewSlice';
import { UNKNOWN_COLOR } from './palette';

type Props = {
  annotations: PlainAnnotation[];
  colors: Record<string, string>;
  names: Record<string, string>;
  skeletons: Record<string, [number, number][] | null>;
  layers: Layers;
  opacity: number;
  /** Screen pixels per image pixel: strokes and handles keep their screen size. */
  scale: number;
  selection: number[];
  hovered: number | null;
  onHover: (key: number | null) => void;
  onSelect: (key: number, additive: boolean) => void;
};

/** Polygons, boxes, keypoints and labels: the layer that takes pointer events. */
export function ShapeLayer(props: Props) {
  const { annotations, colors, layers, opacity, scale, selection, hovered } = props;
  return (
    <Layer>
      {/* Masks' frames first, so the shapes drawn over them get the pointer first. */}
      {[...annotations]
        .sort((a, b) => Number(b.hasMask) - Number(a.hasMask))
        .map((a) => {
          const color = colors[String(a.categoryId)] ?? UNKNOWN_COLOR;
          const active = a.key === hovered || selection.includes(a.key);
          const events = {
            onMouseEnter: () => props.onHover(a.key),
            onMouseLeave: () => props.onHover(null),
            onClick: (e: { evt: MouseEvent; cancelBubble: boolean }) => {
              e.cancelBubble = true;
              props.onSelect(a.key, e.evt.shiftKey || e.evt.metaKey || e.evt.ctrlKey);
            },
          };
          const width = (active ? 3 : 1.5) / scale;
          const dash = a.iscrowd ? [6 / scale, 4 / scale] : undefined;
          // Crowd masks get a dashed frame so they stand apart at a glance; any mask's frame
          // takes the pointer, since the mask layer itself does not listen.
          const maskFrame = a.hasMask && a.bbox !== null && layers.masks;
          const showBox =
            a.bbox !== null && ((layers.boxes && a.kind === 'box') || layers.allBoxes || maskFrame);
          return (
            <Fragment key={a.key}>
              {layers.polygons &&
                a.polygons?.map((points, i) => (
                  <Line
                    key={i}
                    points={points}
                    closed
                    // The fill's opacity is carried by its colour's alpha, so the outline stays solid.
                    fill={withAlpha(color, active ? Math.min(1, opacity + 0.25) : opacity)}
                    stroke={color}
                    strokeWidth={width}
                    dash={dash}
                    perfectDrawEnabled={false}
                    {...events}
                  />
                ))}
              {showBox && (
                <Rect
                  x={a.bbox![0]}
                  y={a.bbox![1]}
                  width={a.bbox![2]}
                  height={a.bbox![3]}
                  stroke={color}
                  strokeWidth={width}
                  dash={a.kind === 'box' ? dash : [4 / scale, 3 / scale]}
                  strokeEnabled={!maskFrame || a.iscrowd || active || layers.allBoxes}
                  fill={
                    a.kind === 'box' && active
                      ? withAlpha(color, 0.15)
                      : maskFrame
                        ? 'rgba(0,0,0,0)'
                        : undefined
                  }
                  perfectDrawEnabled={false}
                  {...events}
                />
              )}
              {layers.keypoints && a.keypoints !== null && (
                <Keypoints
                  points={a.keypoints}
                  skeleton={props.skeletons[String(a.categoryId)] ?? null}
                  color={color}
                  scale={scale}
                  onHover={events.onMouseEnter}
                />
              )}
              {layers.labels && (
                <AnnotationLabel
                  a={a}
                  name={props.names[String(a.categoryId)]}
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

export function withAlpha(hex: string, alpha: number): string {
  const a = Math.round(Math.max(0, Math.min(1, alpha)) * 255)
    .toString(16)
    .padStart(2, '0');
  return `${hex.slice(0, 7)}${a}`;
}

function Keypoints(props: {
  points: number[];
  skeleton: [number, number][] | null;
  color: string;
  scale: number;
  onHover: () => void;
}) {
  const { points, skeleton, color, scale } = props;
  const r = 3.5 / scale;
  const pt = (i: number) => ({ x: points[i * 3]!, y: points[i * 3 + 1]!, v: points[i * 3 + 2]! });
  const n = Math.floor(points.length / 3);
  return (
    <Group onMouseEnter={props.onHover}>
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
            listening={false}
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

function AnnotationLabel(props: {
  a: PlainAnnotation;
  name: string | undefined;
  color: string;
  scale: number;
}) {
  const { a, name, color, scale } = props;
  if (a.bbox === null || name === undefined) return null;
  const text = a.score !== null ? `${name} ${a.score.toFixed(2)}` : name;
  return (
    <Label x={a.bbox[0]} y={a.bbox[1]} scaleX={1 / scale} scaleY={1 / scale} listening={false}>
      <Tag fill={color} opacity={0.85} pointerDirection="down" pointerWidth={0} pointerHeight={0} />
      <Text text={a.iscrowd ? `${text} (crowd)` : text} fontSize={11} padding={2} fill="#fff" />
    </Label>
  );
}
