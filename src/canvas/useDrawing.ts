import { useCallback, useEffect, useState } from 'react';
import type { Shape } from '../coco';
import type { Tool } from '../store/toolSlice';

export type Point = { x: number; y: number };

/**
 * Drawing a new box (press, drag, release) or polygon (click each vertex; click the first
 * vertex, double-click or press Enter to close; Backspace removes the last; Esc cancels).
 * Points are image pixels, clamped to the image, rounded to 2 decimals as COCO writes them.
 */
export function useDrawing(
  tool: Tool,
  image: { width: number; height: number },
  scale: number,
  onDone: (shape: Shape) => void,
) {
  const [points, setPoints] = useState<Point[]>([]);
  const [cursor, setCursor] = useState<Point | null>(null);
  const [boxStart, setBoxStart] = useState<Point | null>(null);

  const clamp = useCallback(
    (p: Point): Point => ({
      x: Math.round(Math.min(image.width, Math.max(0, p.x)) * 100) / 100,
      y: Math.round(Math.min(image.height, Math.max(0, p.y)) * 100) / 100,
    }),
    [image.width, image.height],
  );

  const reset = useCallback(() => {
    setPoints([]);
    setBoxStart(null);
    setCursor(null);
  }, []);
  useEffect(reset, [tool, reset]);

  const finishPolygon = useCallback(
    (list: Point[]) => {
      if (list.length >= 3)
        onDone({ kind: 'polygons', polygons: [list.flatMap((p) => [p.x, p.y])] });
      reset();
    },
    [onDone, reset],
  );

  useEffect(() => {
    if (tool !== 'polygon') return;
    const onKey = (e: KeyboardEvent) => {
      if ((e.target as HTMLElement | null)?.tagName === 'INPUT') return;
      if (e.key === 'Escape') reset();
      else if (e.key === 'Enter') finishPolygon(points);
      else if (e.key === 'Backspace' && points.length > 0) {
        e.preventDefault();
        e.stopImmediatePropagation();
        setPoints(points.slice(0, -1));
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [tool, points, reset, finishPolygon]);

  const near = (a: Point, b: Point) => Math.hypot(a.x - b.x, a.y - b.y) * scale <= 8;

  return {
    drawing: points.length > 0 || boxStart !== null,
    preview: { points, cursor, boxStart },
    down(p: Point) {
      if (tool === 'box') setBoxStart(clamp(p));
    },
    move(p: Point) {
      setCursor(clamp(p));
    },
    up(p: Point) {
      if (tool !== 'box' || boxStart === null) return;
      const end = clamp(p);
      const x = Math.min(boxStart.x, end.x);
      const y = Math.min(boxStart.y, end.y);
      const w = Math.abs(end.x - boxStart.x);
      const h = Math.abs(end.y - boxStart.y);
      if (w * scale >= 3 && h * scale >= 3)
        onDone({ kind: 'box', bbox: [x, y, Math.round(w * 100) / 100, Math.round(h * 100) / 100] });
      reset();
    },
    click(p: Point) {
      if (tool !== 'polygon') return;
      const point = clamp(p);
      const first = points[0];
      if (first !== undefined && points.length >= 3 && near(first, point)) finishPolygon(points);
      else setPoints([...points, point]);
    },
    doubleClick() {
      // A real double-click's two clicks added the same point twice: keep one and close.
      // Two quick clicks at different places are two vertices, not a double-click.
      const [a, b] = points.slice(-2);
      if (tool === 'polygon' && a !== undefined && b !== undefined && near(a, b))
        finishPolygon(points.slice(0, -1));
    },
  };
}
