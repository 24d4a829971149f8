import { Circle, Group, Line } from 'react-konva';

/** WholeBody's face, hand and foot points are dense: drawn smaller than the body's. */
export const WHOLEBODY_POINT_SIZE = 0.6;

/** `[x, y, v]` triple `i` of `points` (image pixels). */
export function pointAt(points: readonly number[], i: number) {
  return { x: points[i * 3]!, y: points[i * 3 + 1]!, v: points[i * 3 + 2]! };
}

/**
 * The bones to draw: those joining two labeled points the annotation holds. A bone past
 * the points (the parser already leaves out bones past the category's names) or touching
 * an unlabeled point is not drawn: COCO writes those at (0, 0), and a line there would
 * cross the picture.
 */
export function drawnBones(
  skeleton: readonly (readonly [number, number])[] | null,
  points: readonly number[],
): [number, number][] {
  const n = Math.floor(points.length / 3);
  return (skeleton ?? []).filter(
    ([a, b]) => a < n && b < n && pointAt(points, a).v > 0 && pointAt(points, b).v > 0,
  ) as [number, number][];
}

/**
 * Keypoints with their skeleton: visible points filled, labeled-but-hidden ones hollow
 * and dashed, unlabeled ones a grey cross (none at (0, 0), where COCO puts them). `size`
 * scales the points (WholeBody's face and hand sets are drawn smaller). Image pixels;
 * `scale` is screen pixels per image pixel, so strokes keep their screen size.
 */
export function KeypointsShape(props: {
  points: readonly number[];
  skeleton: readonly (readonly [number, number])[] | null;
  color: string;
  scale: number;
  size?: number;
}) {
  const { points, color, scale } = props;
  const r = (3.5 * (props.size ?? 1)) / scale;
  const n = Math.floor(points.length / 3);
  return (
    <Group listening={false}>
      {drawnBones(props.skeleton, points).map(([a, b], i) => {
        const p = pointAt(points, a);
        const q = pointAt(points, b);
        return (
          <Line
            perfectDrawEnabled={false}
            key={`b${i}`}
            points={[p.x, p.y, q.x, q.y]}
            stroke={color}
            strokeWidth={2 / scale}
          />
        );
      })}
      {Array.from({ length: n }, (_, i) => {
        const p = pointAt(points, i);
        if (p.v === 0) {
          if (p.x === 0 && p.y === 0) return null;
          const s = r * 0.8;
          return (
            <Line
              perfectDrawEnabled={false}
              key={i}
              points={[p.x - s, p.y - s, p.x + s, p.y + s]}
              stroke="#999"
              strokeWidth={1 / scale}
            />
          );
        }
        // Visible: filled; labeled but hidden: a dashed ring.
        const look =
          p.v === 2
            ? { fill: color, stroke: '#fff', strokeWidth: 1 / scale }
            : { stroke: color, strokeWidth: 1.5 / scale, dash: [2 / scale, 2 / scale] };
        return <Circle perfectDrawEnabled={false} key={i} x={p.x} y={p.y} radius={r} {...look} />;
      })}
    </Group>
  );
}
