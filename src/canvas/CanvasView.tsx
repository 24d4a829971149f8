import { useEffect, useMemo, useRef, useState } from 'react';
import { Stage } from 'react-konva';
import type Konva from 'konva';
import { markFirstRenderOnce } from '../store/marks';
import { currentSubset, useApp } from '../store/store';
import { loadView, type LoadedView } from './imageViews';
import { MaskLayer } from './MaskLayer';
import { categoryColors } from './palette';
import { PictureLayer } from './PictureLayer';
import { ShapeLayer } from './ShapeLayer';
import { fitViewport, zoomAround, type Viewport } from './viewport';
import { visibleAnnotations } from './visibleAnnotations';
import { useElementSize } from './useElementSize';

/** The image and its annotations: pan (drag), zoom (wheel, around the pointer), fit. */
export function CanvasView() {
  const subset = useApp(currentSubset);
  const subsetIndex = useApp((s) => s.subsetIndex);
  const imageIndex = useApp((s) => s.imageIndex);
  const layers = useApp((s) => s.layers);
  const opacity = useApp((s) => s.opacity);
  const selection = useApp((s) => s.selection);
  const hovered = useApp((s) => s.hovered);
  const annotations = useApp((s) => s.annotations);
  const hiddenCategories = useApp((s) => s.hiddenCategories);
  const scoreThreshold = useApp((s) => s.scoreThreshold);
  const crowdOnly = useApp((s) => s.crowdOnly);
  const { setLoaded, select, hover } = useApp.getState();

  const container = useRef<HTMLDivElement>(null);
  const size = useElementSize(container);
  const [view, setView] = useState<LoadedView | null>(null);
  const [viewport, setViewport] = useState<Viewport>({ scale: 1, x: 0, y: 0 });
  const [error, setError] = useState<string | null>(null);

  const categories = subset?.categories;
  const colors = useMemo(() => categoryColors(categories ?? []), [categories]);
  const names = useMemo(
    () => Object.fromEntries((categories ?? []).map((c) => [String(c.id), c.name])),
    [categories],
  );
  const skeletons = useMemo(
    () => Object.fromEntries((categories ?? []).map((c) => [String(c.id), c.skeleton])),
    [categories],
  );

  const width = subset?.images.widths[imageIndex] ?? 0;
  const height = subset?.images.heights[imageIndex] ?? 0;

  // Load the current image's view; the store gets its plain annotations.
  useEffect(() => {
    if (subset === undefined || subset.images.ids.length === 0) return;
    let live = true;
    loadView(subsetIndex, imageIndex, colors, String(categories?.length), { width, height }).then(
      (loaded) => {
        if (!live) return;
        setView(loaded);
        setError(null);
        setLoaded({ subset: subsetIndex, imageIndex }, loaded.annotations, loaded.problems);
      },
      (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, [subset, subsetIndex, imageIndex, colors, categories, width, height, setLoaded]);

  // Fit when the image or the window changes.
  const fitKey = `${subsetIndex}:${imageIndex}:${size.width}x${size.height}`;
  useEffect(() => {
    setViewport(fitViewport({ width, height }, size));
  }, [fitKey]); // eslint-disable-line react-hooks/exhaustive-deps

  // The first image of an open is drawn: Konva draws on the animation frame after commit.
  useEffect(() => {
    if (view !== null) requestAnimationFrame(() => markFirstRenderOnce());
  }, [view]);

  const shown = useMemo(
    () => visibleAnnotations(annotations, { hiddenCategories, scoreThreshold, crowdOnly }),
    [annotations, hiddenCategories, scoreThreshold, crowdOnly],
  );
  const highlighted = useMemo(
    () => new Set([...selection, ...(hovered === null ? [] : [hovered])]),
    [selection, hovered],
  );
  const current = view !== null && view.imageIndex === imageIndex && view.subset === subsetIndex;

  const onWheel = (e: Konva.KonvaEventObject<WheelEvent>) => {
    e.evt.preventDefault();
    const pointer = e.target.getStage()?.getPointerPosition();
    if (!pointer) return;
    // Trackpad pinch arrives as a wheel event with ctrlKey and small deltas.
    const factor = Math.exp(-e.evt.deltaY * (e.evt.ctrlKey ? 0.01 : 0.0015));
    setViewport((v) => zoomAround(v, pointer, factor));
  };

  return (
    <div
      className="canvas"
      ref={container}
      // Screen px = image px × scale + offset; tests read it to find an image pixel on screen.
      data-viewport={`${viewport.scale},${viewport.x},${viewport.y}`}
      data-image={current ? `${subsetIndex}:${imageIndex}` : ''}
    >
      {subset !== undefined && size.width > 0 && (
        <Stage
          width={size.width}
          height={size.height}
          scaleX={viewport.scale}
          scaleY={viewport.scale}
          x={viewport.x}
          y={viewport.y}
          draggable
          onWheel={onWheel}
          onDragEnd={(e) => {
            if (e.target === e.target.getStage())
              setViewport((v) => ({ ...v, x: e.target.x(), y: e.target.y() }));
          }}
          onClick={(e) => {
            if (e.target === e.target.getStage()) select([]);
          }}
        >
          <PictureLayer picture={current ? view.picture : null} width={width} height={height} />
          {layers.masks && current && (
            <MaskLayer
              annotations={shown}
              masks={view.masks}
              opacity={opacity + 0.2}
              highlighted={highlighted}
            />
          )}
          <ShapeLayer
            annotations={current ? shown : []}
            colors={colors}
            names={names}
            skeletons={skeletons}
            layers={layers}
            opacity={opacity}
            scale={viewport.scale}
            selection={selection}
            hovered={hovered}
            onHover={hover}
            onSelect={(key, additive) =>
              select(
                additive
                  ? selection.includes(key)
                    ? selection.filter((k) => k !== key)
                    : [...selection, key]
                  : [key],
              )
            }
          />
        </Stage>
      )}
      {subset !== undefined && current && view.picture === null && (
        <div className="canvas-note">
          {view.pictureError ??
            'image not loaded — drop the images folder or zip to add the pictures'}
        </div>
      )}
      {error !== null && (
        <div className="canvas-note" role="alert">
          {error}
        </div>
      )}
    </div>
  );
}
