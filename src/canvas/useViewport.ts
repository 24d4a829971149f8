import { useCallback, useRef, useState } from 'react';
import type Konva from 'konva';
import type { Viewport } from './viewport';

/**
 * The stage's pan and zoom, applied straight to the Konva stage while a gesture runs
 * (no React render per wheel event: transient updates) and settled into React state when
 * it pauses, so what depends on the zoom (stroke widths, labels, the zoom readout)
 * catches up once.
 */
export function useViewport() {
  const stageRef = useRef<Konva.Stage>(null);
  const live = useRef<Viewport>({ scale: 1, x: 0, y: 0 });
  const [settled, setSettled] = useState<Viewport>(live.current);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const apply = useCallback((v: Viewport, settle: 'now' | 'later') => {
    const moved = !sameViewport(live.current, v);
    live.current = v;
    const stage = stageRef.current;
    // Not moved (the fit of an image the size of the one before), the stage is not drawn:
    // its layers whose shapes change draw themselves, the others (an empty one, a picture
    // kept) stay as they are.
    if (stage !== null && moved) {
      stage.scale({ x: v.scale, y: v.scale });
      stage.position({ x: v.x, y: v.y });
      stage.batchDraw();
    }
    clearTimeout(timer.current);
    // The same viewport again (the fit of an image the size of the one before) renders nothing.
    const settleOn = (next: Viewport) =>
      setSettled((old) => (sameViewport(old, next) ? old : next));
    if (settle === 'now') settleOn(v);
    else timer.current = setTimeout(() => settleOn(live.current), 150);
  }, []);

  /** The stage moved itself (a drag): keep the live viewport in step. */
  const dragged = useCallback(
    (x: number, y: number, settle: 'now' | 'later') => {
      apply({ ...live.current, x, y }, settle);
    },
    [apply],
  );

  return { stageRef, live, viewport: settled, apply, dragged };
}

function sameViewport(a: Viewport, b: Viewport): boolean {
  return a.scale === b.scale && a.x === b.x && a.y === b.y;
}
