import { useCallback, useRef } from 'react';
import type { CocoId, Stroke } from '../coco';
import { useApp } from '../store/store';
import { mark } from '../store/timingMarks';

/**
 * Commits a brush or eraser stroke as one edit (one undo step). A stroke on no shape makes
 * a new mask of the Draw-as label, which the edit then selects; a stroke released before
 * that edit is applied waits for it and paints the new mask rather than making another.
 * Resolves to whether the data changed (a stroke that changes no pixel is no edit).
 */
export function useStrokeCommit() {
  const creating = useRef<Promise<void> | null>(null);
  return useCallback(
    async (
      stroke: Stroke,
      key: number | null,
      erase: boolean,
      imageIndex: number,
      categoryId: CocoId | null,
    ): Promise<boolean> => {
      mark('stroke-released');
      if (key === null && creating.current !== null) {
        await creating.current;
        const selection = useApp.getState().selection;
        if (selection.length === 1) key = selection[0]!;
      }
      if (key === null && (erase || categoryId === null)) return false;
      const { edit, editVersion } = useApp.getState();
      const done = edit(erase ? 'Erase' : 'Brush stroke', {
        type: 'paint',
        key,
        imageIndex,
        categoryId: categoryId ?? 0,
        stroke: { points: [...stroke.points], size: stroke.size },
        erase,
      });
      if (key === null) creating.current = done;
      await done;
      if (creating.current === done) creating.current = null;
      mark('stroke-applied');
      return useApp.getState().editVersion !== editVersion;
    },
    [],
  );
}
