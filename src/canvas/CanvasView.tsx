import { useEffect, useMemo, useRef, useState } from 'react';
import type Konva from 'konva';
import { Stage } from 'react-konva';
import { currentSubset, useApp } from '../store/store';
import { Captions } from './Captions';
import { HoverCard } from './HoverCard';
import { MaskLayer } from './MaskLayer';
import { PictureLayer } from './PictureLayer';
import { ShapeLayer } from './ShapeLayer';
import { useCurrentView } from './useCurrentView';
import { useElementSize } from './useElementSize';
import { actualSizeViewport, fitViewport, zoomAround, type Viewport } from './viewport';
import { visibleAnnotations } from './visibleAnnotations';
import { ZoomControls } from './ZoomControls';

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
  const [viewport, setViewport] = useState<Viewport>({ scale: 1, x: 0, y: 0 });
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
    setViewport(fitViewport({ width, height }, size));
  }, [fitKey]); // eslint-disable-line react-hooks/exhaustive-deps

  const shown = useMemo(
    () => visibleAnnotations(annotations, { hiddenCategories, scoreThreshold, crowdOnly }),
    [annotations, hiddenCategories, scoreThreshold, crowdOnly],
  );
  const highlighted = useMemo(
    () => new Set([...selection, ...(hovered === null ? [] : [hovered])]),
    [selection, hovered],
  );
  const current = view !== null && view.imageIndex === imageIndex && view.subset === subsetIndex;
  const hoveredAnnotation =
    hovered === null ? undefined : annotations.find((a) => a.key === hovered);

  const onWheel = (e: Konva.KonvaEventObject<WheelEvent>) => {
    e.evt.preventDefault();
    const p = e.target.getStage()?.getPointerPosition();
    if (!p) return;
    // A trackpad pinch arrives as a wheel event with ctrlKey and small deltas.
    const factor = Math.exp(-e.evt.deltaY * (e.evt.ctrlKey ? 0.01 : 0.0015));
    setViewport((v) => zoomAround(v, p, factor));
  };

  return (
    <div
      className="canvas"
      ref={container}
      tabIndex={-1}
      // Screen px = image px × scale + offset; tests read it to find an image pixel on screen.
      data-viewport={`${viewport.scale},${viewport.x},${viewport.y}`}
      data-image={current ? `${subsetIndex}:${imageIndex}` : ''}
      onKeyDown={(e) => e.key === 'f' && setViewport(fitViewport(image, size))}
      onMouseLeave={() => setPointer(null)}
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
          onMouseMove={(e) => setPointer(e.target.getStage()?.getPointerPosition() ?? null)}
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
              opacity={Math.min(1, opacity + 0.2)}
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
      <ZoomControls
        scale={viewport.scale}
        onFit={() => setViewport(fitViewport(image, size))}
        onActual={() => setViewport(actualSizeViewport(image, size))}
        onZoom={(f) =>
          setViewport((v) => zoomAround(v, { x: size.width / 2, y: size.height / 2 }, f))
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
