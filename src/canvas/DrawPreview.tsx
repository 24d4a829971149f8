import { Circle, Layer, Line, Rect } from 'react-konva';
import type { Point } from './useDrawing';

/** A dark rim under the outline being drawn: it stays visible over shapes of its own colour. */
const RIM = 'rgba(0, 0, 0, 0.75)';

/** What is being drawn: the rubber-band box, or the polygon so far with a line to the pointer. */
export function DrawPreview(props: {
  points: Point[];
  cursor: Point | null;
  boxStart: Point | null;
  color: string;
  scale: number;
}) {
  const { points, cursor, boxStart, color, scale } = props;
  const w = 1.5 / scale;
  return (
    <Layer listening={false}>
      {boxStart !== null &&
        cursor !== null &&
        [RIM, color].map((stroke) => (
          <Rect
            key={stroke}
            x={Math.min(boxStart.x, cursor.x)}
            y={Math.min(boxStart.y, cursor.y)}
            width={Math.abs(cursor.x - boxStart.x)}
            height={Math.abs(cursor.y - boxStart.y)}
            stroke={stroke}
            strokeWidth={stroke === RIM ? 3 * w : w}
            dash={stroke === RIM ? undefined : [6 / scale, 4 / scale]}
          />
        ))}
      {points.length > 0 &&
        [RIM, color].map((stroke) => (
          <Line
            key={stroke}
            points={[...points, ...(cursor ? [cursor] : [])].flatMap((p) => [p.x, p.y])}
            stroke={stroke}
            strokeWidth={stroke === RIM ? 3 * w : w}
            dash={stroke === RIM ? undefined : [6 / scale, 4 / scale]}
          />
        ))}
      {points.map((p, i) => (
        <Circle
          key={i}
          x={p.x}
          y={p.y}
          radius={(i === 0 ? 5 : 3.5) / scale}
          fill={i === 0 ? '#fff' : color}
          stroke={color}
          strokeWidth={w}
        />
      ))}
    </Layer>
  );
}
