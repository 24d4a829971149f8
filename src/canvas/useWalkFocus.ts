import { useEffect, useRef } from 'react';
import { useApp } from '../store/store';
import { focusViewport, type Viewport } from './viewport';

/** An annotation or detection of the view, as far as focusing needs it. */
type Keyed = { key: number } & ({ bbox: readonly number[] | null } | object);

/**
 * Zooms to what N / Shift+N walked to, once its image is shown: the annotation (or
 * detection) fills about a third of the canvas, centred.
 */
export function useWalkFocus(
  current: {
    imageIndex: number;
    annotations: readonly Keyed[];
    predictions: readonly Keyed[];
  } | null,
  image: { width: number; height: number },
  size: { width: number; height: number },
  apply: (v: Viewport, settle: 'now' | 'later') => void,
): void {
  const focus = useApp((s) => s.focus);
  const done = useRef(0);
  useEffect(() => {
    if (focus === null || focus.nonce === done.current || current === null) return;
    if (current.imageIndex !== focus.imageIndex) return;
    const list = focus.prediction ? current.predictions : current.annotations;
    const target = list.find((a) => a.key === focus.key);
    if (target === undefined) return;
    done.current = focus.nonce;
    const bbox = 'bbox' in target ? target.bbox : null;
    if (bbox !== null) apply(focusViewport(bbox, image, size), 'now');
  });
}
