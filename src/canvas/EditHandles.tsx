import { useEffect, useRef, useState } from 'react';
import type Konva from 'konva';
import { Circle, Group, Label, Layer, Line, Rect, Tag, Text, Transformer } from 'react-konva';
import type { Shape } from '../coco';
import { assertNever } from '../coco/assertNever';
import type { PlainAnnotation } from '../store/viewSlice';
import { withAlpha } from './palette';
import { vertexHandles, type ImageRect } from './vertexHandles';

type Props = {
  annotation: PlainAnnotation;
  color: string;
  /** Screen pixels per image pixel. */
  scale: number;
  /** The image area on screen: only the vertices in it get handles. */
  view: ImageRect;
  /** Called once per gesture, when it ends: one edit, one undo step. */
  onShape: (shape: Shape, label: string) => void;
};

/**
 * The layer of the selected shape's handles, mounted whether or not a shape has handles:
 * a layer taken off the stage makes Konva draw every other layer again (the picture too),
 * which an Apply that turns the selected polygon into a mask paid for. Hidden while empty:
 * a hidden layer's canvas is neither drawn nor composited.
 */
export function EditHandlesLayer(
  props: Omit<Props, 'annotation'> & { annotation?: PlainAnnotation },
) {
  const { annotation } = props;
  return (
    <Layer name="edit-handles" visible={annotation !== undefined}>
      {annotation !== undefined && <EditHandles {...props} annotation={annotation} />}
    </Layer>
  );
}

/**
 * Handles for the selected shape. A box moves by dragging and resizes by its transformer;
 * a polygon moves by dragging its fill, its vertices drag, a midpoint click inserts a
 * vertex, and a double-click (or Alt+click) on a vertex deletes it. Image pixels.
 */
function EditHandles(props: Props) {
  const { annotation } = props;
  switch (annotation.kind) {
    case 'box':
      return <BoxHandles {...props} bbox={annotation.bbox} />;
    case 'polygon':
      return <PolygonHandles {...props} polygons={annotation.polygons} />;
    case 'mask':
    case 'segment':
    case 'keypoints':
    case 'caption':
    case 'label':
      return null;
    default:
      return assertNever(annotation);
  }
}

function BoxHandles(props: Props & { bbox: [number, number, number, number] }) {
  const rect = useRef<Konva.Rect>(null);
  const transformer = useRef<Konva.Transformer>(null);
  useEffect(() => {
    if (rect.current && transformer.current) transformer.current.nodes([rect.current]);
  }, [props.bbox]);
  const [x, y, w, h] = props.bbox;
  const commit = (label: string) => {
    const node = rect.current;
    if (node === null) return;
    const bbox: [number, number, number, number] = [
      node.x(),
      node.y(),
      Math.max(1, node.width() * node.scaleX()),
      Math.max(1, node.height() * node.scaleY()),
    ];
    node.scale({ x: 1, y: 1 });
    props.onShape({ kind: 'box', bbox }, label);
  };
  return (
    <>
      <Rect
        perfectDrawEnabled={false}
        ref={rect}
        name="edit-handle"
        x={x}
        y={y}
        width={w}
        height={h}
        fill={withAlpha(props.color, 0.12)}
        stroke={props.color}
        strokeWidth={2 / props.scale}
        draggable
        onDragEnd={() => commit('Move box')}
        onTransformEnd={() => commit('Resize box')}
      />
      <Transformer
        ref={transformer}
        name="edit-handle"
        rotateEnabled={false}
        flipEnabled={false}
        keepRatio={false}
        ignoreStroke
        anchorSize={9}
        borderStroke={props.color}
        anchorStroke={props.color}
      />
    </>
  );
}

function PolygonHandles(props: Props & { polygons: number[][] }) {
  // Live points while a vertex is dragged; the edit is made when the drag ends.
  const [parts, setParts] = useState(props.polygons);
  useEffect(() => setParts(props.polygons), [props.polygons]);
  const r = 5 / props.scale;
  const commit = (next: number[][], label: string) =>
    props.onShape({ kind: 'polygons', polygons: next }, label);
  const round = (v: number) => Math.round(v * 100) / 100;
  // From the committed points, so a handle being dragged never leaves the set mid-drag.
  const handles = vertexHandles(props.polygons, props.view, props.scale);

  return (
    <>
      <Group
        draggable
        name="edit-handle"
        onDragEnd={(e) => {
          const dx = e.target.x();
          const dy = e.target.y();
          e.target.position({ x: 0, y: 0 });
          if (dx === 0 && dy === 0) return;
          commit(
            parts.map((p) => p.map((v, i) => round(v + (i % 2 === 0 ? dx : dy)))),
            'Move polygon',
          );
        }}
      >
        {parts.map((points, k) => (
          <Line
            perfectDrawEnabled={false}
            key={`fill${k}`}
            points={points}
            closed
            fill={withAlpha(props.color, 0.2)}
            stroke={props.color}
            strokeWidth={2 / props.scale}
          />
        ))}
      </Group>
      {handles.midpoints.map(({ k, i }) => {
        const points = parts[k]!;
        const j = (i + 1) % Math.floor(points.length / 2);
        const mx = (points[2 * i]! + points[2 * j]!) / 2;
        const my = (points[2 * i + 1]! + points[2 * j + 1]!) / 2;
        return (
          <Circle
            perfectDrawEnabled={false}
            key={`mid${k}-${i}`}
            name="edit-handle midpoint"
            x={mx}
            y={my}
            radius={r * 0.7}
            fill="#fff"
            opacity={0.6}
            stroke={props.color}
            strokeWidth={1 / props.scale}
            onClick={(e) => {
              e.cancelBubble = true;
              const next = parts.map((p) => [...p]);
              next[k]!.splice(2 * i + 2, 0, round(mx), round(my));
              commit(next, 'Insert vertex');
            }}
          />
        );
      })}
      {handles.vertices.map(({ k, i }) => (
        <Circle
          perfectDrawEnabled={false}
          key={`v${k}-${i}`}
          name="edit-handle vertex"
          x={parts[k]![2 * i]}
          y={parts[k]![2 * i + 1]}
          radius={r}
          fill={props.color}
          stroke="#fff"
          strokeWidth={1.5 / props.scale}
          draggable
          onDragMove={(e) => {
            const next = parts.map((p) => [...p]);
            next[k]![2 * i] = e.target.x();
            next[k]![2 * i + 1] = e.target.y();
            setParts(next);
          }}
          onDragEnd={(e) => {
            const next = parts.map((p) => [...p]);
            next[k]![2 * i] = round(e.target.x());
            next[k]![2 * i + 1] = round(e.target.y());
            commit(next, 'Move vertex');
          }}
          onClick={(e) => {
            e.cancelBubble = true;
            if (e.evt.altKey) removeVertex(k, i);
          }}
          onDblClick={(e) => {
            e.cancelBubble = true;
            removeVertex(k, i);
          }}
        />
      ))}
      {handles.hidden > 0 && <ZoomHint parts={parts} count={handles.hidden} scale={props.scale} />}
    </>
  );

  function removeVertex(k: number, i: number) {
    const part = parts[k]!;
    if (part.length <= 6) return; // a polygon keeps at least 3 points
    const next = parts.map((p) => [...p]);
    next[k]!.splice(2 * i, 2);
    commit(next, 'Delete vertex');
  }
}

/** Over the polygon's first point: its vertices are too many to edit at this zoom. */
function ZoomHint(props: { parts: number[][]; count: number; scale: number }) {
  const [x = 0, y = 0] = props.parts[0] ?? [];
  return (
    <Label x={x} y={y} scaleX={1 / props.scale} scaleY={1 / props.scale} listening={false}>
      <Tag fill="#1b1b1f" opacity={0.85} cornerRadius={3} />
      <Text
        text={`zoom in to edit its ${props.count.toLocaleString('en-US')} vertices`}
        fill="#fff"
        fontSize={12}
        padding={4}
      />
    </Label>
  );
}
