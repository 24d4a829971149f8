import { useEffect, useMemo, useRef, useState } from 'react';
import type Konva from 'konva';
import { Stage } from 'react-konva';
import { currentSubset, useApp } from '../store/store';
import { Captions } from './Captions';
import { annotationAt } from './hitTest';
import { HoverCard } from './HoverCard';
import { MaskLayer } from './MaskLayer';
import { PictureLayer } from './PictureLayer';
import { ShapeLayer } from './ShapeLayer';
import { useCurrentView } from './useCurrentView';
import { useElementSize } from './useElementSize';
import { actualSizeViewport, fitViewport, zoomAround } from './viewport';
import { useViewport } from './useViewport';
import { visibleAnnotations } from './visibleAnnotations';
import { ZoomControls } from './ZoomControls';
import type { MaskImage } from '../worker/protocol';

const NO_MASKS: ReadonlyMap<number, MaskImage> = new Map();

/** The image and its annotations: pan (drag), zoom (wheel or pinch, around the pointer), fit, 1:1. */
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
  const select = useApp((s) => s.select);
  const hover = useApp((s) => s.hover);

  const container = useRef<HTMLDivElement>(null);
  const size = useElementSize(container);
  const { view, colors, error } = useCurrentView();
  const { stageRef, live, viewport, apply, dragged } = useViewport();
  const [pointer, setPointer] = useState<{ x: number; y: number } | null>(null);

  const categories = subset?.categories;
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
  const image = { width, height };

  // Fit when the image or the window changes.
  const fitKey = `${subsetIndex}:${imageIndex}:${size.width}x${size.height}`;
  useEffect(() => {
    apply(fitViewport({ width, height }, size), 'now');
  }, [fitKey]); // eslint-disable-line react-hooks/exhaustive-deps

  const shown = useMemo(
    () => visibleAnnotations(annotations, { hiddenCategories, scoreThreshold, crowdOnly }),
    [annotations, hiddenCategories, scoreThreshold, crowdOnly],
  );
  const highlighted = useMemo(
    () => new Set([...selection, ...(hovered === null ? [] : [hovered])]),
    [selection, hovered],
  );
  const version = useApp((s) => `${s.datasetVersion}:${s.editVersion}`);
  const current =
    view !== null &&
    view.version === version &&
    view.imageIndex === imageIndex &&
    view.subset === subsetIndex;
  const hoveredAnnotation =
    hovered === null ? undefined : annotations.find((a) => a.key === hovered);

  /** The annotation under a screen point, among those drawn. */
  const pick = (p: { x: number; y: number }) => {
    const v = live.current;
    return annotationAt(
      current ? shown : [],
      (p.x - v.x) / v.scale,
      (p.y - v.y) / v.scale,
      3 / v.scale,
    );
  };

  const onWheel = (e: Konva.KonvaEventObject<WheelEvent>) => {
    e.evt.preventDefault();
    const p = e.target.getStage()?.getPointerPosition();
    if (!p) return;
    // A trackpad pinch arrives as a wheel event with ctrlKey and small deltas.
    const factor = Math.exp(-e.evt.deltaY * (e.evt.ctrlKey ? 0.01 : 0.0015));
    apply(zoomAround(live.current, p, factor), 'later');
  };

  return (
    <div
      className="canvas"
      ref={container}
      tabIndex={-1}
      // Screen px = image px × scale + offset; tests read it to find an image pixel on screen.
      data-viewport={`${viewport.scale},${viewport.x},${viewport.y}`}
      data-image={current ? `${subsetIndex}:${imageIndex}` : ''}
      onKeyDown={(e) => e.key === 'f' && apply(fitViewport(image, size), 'now')}
      onMouseLeave={() => setPointer(null)}
    >
      {subset !== undefined && size.width > 0 && (
        <Stage
          ref={stageRef}
          width={size.width}
          height={size.height}
          scaleX={viewport.scale}
          scaleY={viewport.scale}
          x={viewport.x}
          y={viewport.y}
          draggable
          onWheel={onWheel}
          onMouseMove={(e) => {
            const p = e.target.getStage()?.getPointerPosition() ?? null;
            setPointer(p);
            const hit = p === null ? null : pick(p);
            if ((hit?.key ?? null) !== hovered) hover(hit?.key ?? null);
          }}
          onDragMove={(e) => {
            if (e.target === e.target.getStage()) dragged(e.target.x(), e.target.y(), 'later');
          }}
          onDragEnd={(e) => {
            if (e.target === e.target.getStage()) dragged(e.target.x(), e.target.y(), 'now');
          }}
          onClick={(e) => {
            const p = e.target.getStage()?.getPointerPosition();
            const hit = p ? pick(p) : null;
            if (hit === null) return select([]);
            const additive = e.evt.shiftKey || e.evt.metaKey || e.evt.ctrlKey;
            if (!additive) return select([hit.key]);
            select(
              selection.includes(hit.key)
                ? selection.filter((k) => k !== hit.key)
                : [...selection, hit.key],
            );
          }}
        >
          <PictureLayer picture={current ? view.picture : null} width={width} height={height} />
          {/* Always mounted: a layer that comes and goes costs a canvas each time. */}
          <MaskLayer
            annotations={layers.masks && current ? shown : []}
            masks={current ? view.masks : NO_MASKS}
            opacity={Math.min(1, opacity + 0.2)}
            highlighted={highlighted}
          />
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
          />
        </Stage>
      )}
      <ZoomControls
        scale={viewport.scale}
        onFit={() => apply(fitViewport(image, size), 'now')}
        onActual={() => apply(actualSizeViewport(image, size), 'now')}
        onZoom={(f) =>
          apply(zoomAround(live.current, { x: size.width / 2, y: size.height / 2 }, f), 'now')
        }
      />
      {hoveredAnnotation !== undefined && pointer !== null && (
        <HoverCard
          annotation={hoveredAnnotation}
          name={names[String(hoveredAnnotation.categoryId)] ?? hoveredAnnotation.kind}
          x={pointer.x}
          y={pointer.y}
        />
      )}
      {current && <Captions annotations={annotations} />}
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
