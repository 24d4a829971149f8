import { useEffect, useState } from 'react';
import { Circle, Label, Layer, Tag, Text } from 'react-konva';
import type { KeypointSetName } from '../coco';
import type { KeypointRef } from '../store/keypointSlice';
import { pointName, type EditedSet } from '../store/keypointSets';
import { KeypointsShape, pointAt, WHOLEBODY_POINT_SIZE } from './KeypointsShape';

/** The current point's ring: yellow, seen on any category colour and picture. */
const CURRENT_RING = '#ffd400';

type Props = {
  /** The selected annotation's view key. */
  annotationKey: number;
  sets: EditedSet[];
  color: string;
  /** Screen pixels per image pixel. */
  scale: number;
  current: KeypointRef | null;
  onPick: (set: KeypointSetName, index: number) => void;
  /** Called once per drag, when it ends: one edit, one undo step. Image pixels. */
  onMove: (set: KeypointSetName, index: number, x: number, y: number) => void;
};

const round = (v: number) => Math.round(v * 100) / 100;

/**
 * Handles for the selected annotation's keypoints: every point with a place (labeled, or
 * hidden with its x, y kept) can be dragged (the edit is made on release) and clicked to
 * make it the current point; the current point has a ring, a hovered one a tip with its
 * name. The points and bones are drawn here, live while dragging. Image pixels.
 */
export function KeypointHandles(props: Props) {
  const [live, setLive] = useState(props.sets);
  useEffect(() => setLive(props.sets), [props.sets]);
  const [hovered, setHovered] = useState<{ set: KeypointSetName; index: number } | null>(null);
  const { scale, color, current } = props;
  const tip = hovered === null ? null : live.find((s) => s.set === hovered.set);

  const moveLive = (set: KeypointSetName, index: number, x: number, y: number) =>
    setLive((sets) =>
      sets.map((s) => {
        if (s.set !== set) return s;
        const points = [...s.points];
        points[index * 3] = x;
        points[index * 3 + 1] = y;
        if (points[index * 3 + 2] === 0) points[index * 3 + 2] = 2;
        return { ...s, points };
      }),
    );

  return (
    <Layer>
      {live.map((s) => (
        <KeypointsShape
          key={`shape-${s.set}`}
          points={s.points}
          skeleton={s.skeleton}
          color={color}
          scale={scale}
          size={s.set === 'keypoints' ? 1 : WHOLEBODY_POINT_SIZE}
        />
      ))}
      {live.flatMap((s) =>
        Array.from({ length: Math.floor(s.points.length / 3) }, (_, i) => {
          const p = pointAt(s.points, i);
          if (p.v === 0 && p.x === 0 && p.y === 0) return null; // not placed: "Add keypoint"
          const isCurrent =
            current !== null &&
            current.key === props.annotationKey &&
            current.set === s.set &&
            current.index === i;
          const size = s.set === 'keypoints' ? 1 : WHOLEBODY_POINT_SIZE;
          return (
            <Circle
              perfectDrawEnabled={false}
              key={`${s.set}-${i}`}
              name="edit-handle keypoint"
              x={p.x}
              y={p.y}
              // A white ring on a dark shadow: apart from a polygon's vertices in any colour.
              radius={((isCurrent ? 8 : 6) * (size === 1 ? 1 : 0.8)) / scale}
              fill="transparent"
              stroke={isCurrent ? CURRENT_RING : '#fff'}
              strokeWidth={(isCurrent ? 3 : 1.5) / scale}
              shadowColor="#000"
              shadowBlur={2}
              draggable
              onMouseEnter={() => setHovered({ set: s.set, index: i })}
              onMouseLeave={() => setHovered(null)}
              onDragStart={() => props.onPick(s.set, i)}
              onDragMove={(e) => moveLive(s.set, i, e.target.x(), e.target.y())}
              onDragEnd={(e) => props.onMove(s.set, i, round(e.target.x()), round(e.target.y()))}
              onClick={(e) => {
                e.cancelBubble = true;
                props.onPick(s.set, i);
              }}
            />
          );
        }),
      )}
      {tip !== undefined && tip !== null && hovered !== null && (
        <Label
          x={pointAt(tip.points, hovered.index).x + 8 / scale}
          y={pointAt(tip.points, hovered.index).y - 8 / scale}
          listening={false}
        >
          <Tag fill="rgba(0, 0, 0, 0.75)" cornerRadius={3 / scale} />
          <Text
            text={pointName(tip.names, hovered.index)}
            fill="#fff"
            fontSize={12 / scale}
            padding={3 / scale}
          />
        </Label>
      )}
    </Layer>
  );
}
