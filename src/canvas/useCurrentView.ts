import { useEffect, useMemo, useState } from 'react';
import { markFirstRenderOnce } from '../store/timingMarks';
import { viewVersion } from '../store/predictionsSlice';
import { currentSubset, useApp } from '../store/store';
import { loadView, readyView, type LoadedView } from './imageViews';

/**
 * Loads the current image's view (picture, masks, annotations) from the engine, hands the
 * plain annotations to the store, prefetches the next image, and marks the first render.
 */
export function useCurrentView(): {
  view: LoadedView | null;
  error: string | null;
} {
  const subset = useApp(currentSubset);
  const subsetIndex = useApp((s) => s.subsetIndex);
  const imageIndex = useApp((s) => s.imageIndex);
  const shown = useApp((s) => s.shownImages);
  const setLoaded = useApp((s) => s.setLoaded);
  const version = useApp(viewVersion);
  const [view, setView] = useState<LoadedView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const categories = subset?.categories;
  // Only the user's picks go to the engine: it knows the palette (10^6 categories).
  const colors = useApp((s) => s.customColors);
  const colorsKey = useMemo(() => JSON.stringify(colors), [colors]);

  useEffect(() => {
    if (subset === undefined || subset.images.ids.length === 0) return;
    let live = true;
    const sizeOf = (i: number) => ({
      width: subset.images.widths[i] ?? 0,
      height: subset.images.heights[i] ?? 0,
    });
    loadView(version, subsetIndex, imageIndex, colors, colorsKey, sizeOf(imageIndex)).then(
      (loaded) => {
        if (!live) return;
        setView(loaded);
        setError(null);
        setLoaded(
          { subset: subsetIndex, imageIndex },
          loaded.annotations,
          loaded.problems,
          loaded.predictions,
        );
        // The next images in the list are likely next: have them ready.
        const row = shown === null ? imageIndex : shown.indexOf(imageIndex);
        for (const ahead of [1, 2]) {
          const next = shown === null ? imageIndex + ahead : shown[row + ahead];
          if (next !== undefined && next < subset.images.ids.length) {
            loadView(version, subsetIndex, next, colors, colorsKey, sizeOf(next)).catch(() => {});
          }
        }
      },
      (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, [version, subset, subsetIndex, imageIndex, shown, colors, colorsKey, categories, setLoaded]);

  // Konva draws on the animation frame after React commits; mark after that.
  useEffect(() => {
    if (view !== null) requestAnimationFrame(() => markFirstRenderOnce());
  }, [view]);

  // A view that has arrived (prefetched) is drawn in the switch's first render, not after.
  const arrived = readyView(version, subsetIndex, imageIndex, colorsKey);
  return { view: arrived ?? view, error };
}
