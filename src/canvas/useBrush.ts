import type Konva from 'konva';
import { useEffect, useMemo, useRef } from 'react';
import { forEachStrokeSpan, snapToBrush, strokeParts, type Stroke } from '../coco';
import type { MaskImage } from '../worker/protocol';
import { maskAlpha } from './maskAlpha';

/** What a stroke paints: the annotation `key` (its mask bitmap, if it has one), or a new mask. */
export type BrushTarget = { key: number | null; mask: MaskImage | null };

type Live = {
  points: number[];
  size: number;
  erase: boolean;
  key: number | null;
  /** The erased mask's alpha (row-major over its box): only its pixels show as erased. */
  mask: { alpha: Uint8Array; image: MaskImage } | null;
};

/** A 2 × 2 checkerboard, the usual picture of "no pixel here", for erased pixels. */
function erasedPattern(ctx: CanvasRenderingContext2D): CanvasPattern | string {
  const tile = document.createElement('canvas');
  tile.width = tile.height = 2;
  const t = tile.getContext('2d')!;
  t.fillStyle = '#fff';
  t.fillRect(0, 0, 2, 2);
  t.fillStyle = '#333';
  t.fillRect(0, 0, 1, 1);
  t.fillRect(1, 1, 1, 1);
  return ctx.createPattern(tile, 'repeat') ?? '#fff';
}

/**
 * The brush and the eraser on the canvas. A stroke is painted, as the pointer moves, into
 * an offscreen canvas of the image's size by the same rule the commit uses (each new part
 * of the polyline adds whole-pixel rects: nothing smoothed, nothing repainted), and drawn
 * as one image node scaled by the stage. Releasing commits the stroke as one edit; its
 * preview stays until the view shows the edited mask. The cursor is the outline of the
 * pixels one dab covers, snapped to the grid. Nothing here renders React per move.
 */
export function useBrush(props: {
  active: boolean;
  erase: boolean;
  size: number;
  color: string;
  image: { width: number; height: number };
  target: BrushTarget;
  /** Changes when the view is reloaded (after an edit): the committed preview can go. */
  viewToken: unknown;
  /** Commits a stroke; resolves to whether the dataset changed. */
  onStroke: (stroke: Stroke, key: number | null, erase: boolean) => Promise<boolean>;
}) {
  const { width, height } = props.image;
  const layerRef = useRef<Konva.Layer>(null);
  const cursorRef = useRef<Konva.Group>(null);
  const imageRef = useRef<Konva.Image>(null);
  /** The stroke's pixel bounds so far [x0, y0, x1, y1): only they are drawn each frame. */
  const bounds = useRef<[number, number, number, number] | null>(null);
  const live = useRef<Live | null>(null);
  const pendingClear = useRef(false);
  const latest = useRef(props);
  latest.current = props;

  const canvas = useMemo(() => {
    if (!props.active || width <= 0 || height <= 0) return null;
    const c = document.createElement('canvas');
    c.width = width;
    c.height = height;
    // Its backing store is allocated now, when the tool is picked, not on the first dab.
    c.getContext('2d')?.clearRect(0, 0, 1, 1);
    return c;
  }, [props.active, width, height]);

  const clear = () => {
    const b = bounds.current;
    if (b !== null) canvas?.getContext('2d')?.clearRect(b[0], b[1], b[2] - b[0], b[3] - b[1]);
    bounds.current = null;
    imageRef.current?.visible(false);
    layerRef.current?.batchDraw();
  };

  /** Grows the drawn part of the stroke canvas to hold a new span. */
  const grow = (x: number, y0: number, y1: number) => {
    const b = bounds.current;
    if (b === null) bounds.current = [x, y0, x + 1, y1 + 1];
    else {
      if (x < b[0]) b[0] = x;
      if (y0 < b[1]) b[1] = y0;
      if (x + 1 > b[2]) b[2] = x + 1;
      if (y1 + 1 > b[3]) b[3] = y1 + 1;
    }
  };

  /** Shows the stroke canvas's painted bounds only (a 4000 × 3000 canvas is not copied per frame). */
  const show = () => {
    const node = imageRef.current;
    const b = bounds.current;
    if (node !== null && b !== null) {
      const crop = { x: b[0], y: b[1], width: b[2] - b[0], height: b[3] - b[1] };
      node.crop(crop);
      node.position({ x: crop.x, y: crop.y });
      node.size({ width: crop.width, height: crop.height });
      node.visible(true);
    }
    layerRef.current?.batchDraw();
  };

  const paint = (from: number) => {
    const s = live.current;
    const ctx = canvas?.getContext('2d');
    if (s === null || !ctx) return;
    const stroke = { points: s.points, size: s.size };
    if (s.mask === null) {
      forEachStrokeSpan(
        stroke,
        width,
        height,
        (x, y0, y1) => {
          grow(x, y0, y1);
          ctx.fillRect(x, y0, 1, y1 - y0 + 1);
        },
        from,
      );
    } else {
      // Only the mask's own pixels are erased: runs of the span inside the mask.
      const { alpha, image } = s.mask;
      forEachStrokeSpan(
        stroke,
        width,
        height,
        (x, y0, y1) => {
          const mx = x - image.x;
          if (mx < 0 || mx >= image.width) return;
          grow(x, y0, y1);
          let run = -1;
          for (let y = y0; y <= y1 + 1; y++) {
            const my = y - image.y;
            const inside =
              y <= y1 && my >= 0 && my < image.height && alpha[my * image.width + mx]! > 0;
            if (inside && run < 0) run = y;
            else if (!inside && run >= 0) {
              ctx.fillRect(x, run, 1, y - run);
              run = -1;
            }
          }
        },
        from,
      );
    }
    show();
  };

  const moveCursor = (p: { x: number; y: number } | null) => {
    const cursor = cursorRef.current;
    if (cursor === null) return;
    if (p === null) cursor.visible(false);
    else {
      const [x, y] = snapToBrush(p.x, p.y, latest.current.size);
      cursor.visible(true);
      cursor.position({ x, y });
    }
    layerRef.current?.batchDraw();
  };

  const up = () => {
    const s = live.current;
    if (s === null) return;
    live.current = null;
    void latest.current
      .onStroke({ points: s.points, size: s.size }, s.key, s.erase)
      .then((changed) => {
        if (!changed) clear();
        else pendingClear.current = true;
      });
  };
  const upRef = useRef(up);
  upRef.current = up;

  // A release off the canvas ends the stroke too.
  useEffect(() => {
    const onUp = () => upRef.current();
    window.addEventListener('mouseup', onUp);
    return () => window.removeEventListener('mouseup', onUp);
  }, []);

  // The edited mask is shown: the committed stroke's preview goes (not one drawn since).
  useEffect(() => {
    if (!pendingClear.current || live.current !== null) return;
    pendingClear.current = false;
    clear();
  }, [props.viewToken]); // eslint-disable-line react-hooks/exhaustive-deps

  return {
    layerRef,
    cursorRef,
    imageRef,
    canvas,
    /** A stroke is being painted. */
    painting: () => live.current !== null,
    down(p: { x: number; y: number }) {
      const { erase, target, size, color } = latest.current;
      const ctx = canvas?.getContext('2d');
      // The eraser needs a shape to erase from.
      if (!ctx || (erase && target.key === null)) return;
      pendingClear.current = false;
      clear();
      ctx.fillStyle = erase ? erasedPattern(ctx) : color;
      const alpha = erase && target.mask !== null ? maskAlpha(target.mask) : null;
      const [x, y] = snapToBrush(p.x, p.y, size);
      live.current = {
        points: [x, y],
        size,
        erase,
        key: target.key,
        mask: alpha === null || target.mask === null ? null : { alpha, image: target.mask },
      };
      paint(0);
    },
    move(p: { x: number; y: number }) {
      moveCursor(p);
      const s = live.current;
      if (s === null) return;
      const [x, y] = snapToBrush(p.x, p.y, s.size);
      const n = s.points.length;
      if (s.points[n - 2] === x && s.points[n - 1] === y) return;
      s.points.push(x, y);
      paint(strokeParts({ points: s.points, size: s.size }) - 1);
    },
    up,
    leave: () => moveCursor(null),
  };
}

export type Brush = ReturnType<typeof useBrush>;
