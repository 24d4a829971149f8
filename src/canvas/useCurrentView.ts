import { useEffect, useMemo, useRef, useState } from 'react';
import { markFirstRenderOnce } from '../store/timingMarks';
import { viewVersion } from '../store/predictionsSlice';
import { currentSubset, useApp } from '../store/store';
import { imagesAround } from '../store/viewCache';
import { pageViews, type LoadedView } from './imageViews';

/** Runs `work` once the frame being prepared has been drawn (after its animation frame). */
function afterFrame(work: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => (timer = setTimeout(work, 0)));
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}

/**
 * Loads the current image's view (picture, masks, annotations) from the engine, hands the
 * plain annotations to the store, loads the images around it ahead, and marks the first
 * render. A view loaded ahead is drawn in the switch's first render; the panels get its
 * annotations and the next views are asked for once that frame is drawn.
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
  /** The view the last render returned. */
  const rendered = useRef<LoadedView | null>(null);
  /** The image (`subset/image`) whose annotations the panels were last given. */
  const panelImage = useRef<string | null>(null);

  useEffect(() => {
    if (subset === undefined || subset.images.ids.length === 0) return;
    let live = true;
    let cancelFrame = () => {};
    const key = { subset: subsetIndex, imageIndex, colorsKey };
    pageViews.load(version, key, colors).then(
      (loaded) => {
        if (!live) return;
        setError(null);
        // Drawn already when it was loaded ahead (and kept in the cache while current): a
        // state change would only draw it again.
        if (rendered.current !== loaded) setView(loaded);
        // The panels may have them already (imageViews.ts gives them an edit's view at once).
        const toPanels = () => {
          if (useApp.getState().annotations === loaded.annotations) return;
          setLoaded(
            { subset: subsetIndex, imageIndex },
            loaded.annotations,
            loaded.problems,
            loaded.predictions,
          );
        };
        // The same image again (an edit, undo, new verdicts): the panels change with the
        // canvas, in the same frame. Another image: the canvas first, the panels after.
        const sameImage = panelImage.current === `${subsetIndex}/${imageIndex}`;
        panelImage.current = `${subsetIndex}/${imageIndex}`;
        if (sameImage) toPanels();
        cancelFrame = afterFrame(() => {
          if (!live) return;
          if (!sameImage) toPanels();
          // The images likely next: have their views ready before they are asked for.
          void pageViews.loadAhead(
            version,
            key,
            imagesAround(useApp.getState(), imageIndex),
            colors,
          );
        });
      },
      (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
      cancelFrame();
    };
  }, [version, subset, subsetIndex, imageIndex, shown, colors, colorsKey, categories, setLoaded]);

  // A view that has arrived (loaded ahead, or made at once from an answer) is drawn in the
  // first render that wants it, not after.
  const arrived = pageViews.ready(version, { subset: subsetIndex, imageIndex, colorsKey });
  const result = arrived ?? view;
  useEffect(() => {
    rendered.current = result;
  });

  // Konva draws on the animation frame after React commits; mark after that.
  useEffect(() => {
    if (result !== null) requestAnimationFrame(() => markFirstRenderOnce());
  }, [result]);
  return { view: result, error };
}
