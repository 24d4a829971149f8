import { useEffect, useMemo, useRef, useState } from 'react';
import type { CocoId } from '../coco';
import { categoryById } from '../store/categoryIndex';
import { editedSetsOf } from '../store/keypointSets';
import { viewVersion } from '../store/predictionsSlice';
import { currentSubset, useApp } from '../store/store';
import { Captions } from './Captions';
import { CanvasStage } from './CanvasStage';
import { HoverCard } from './HoverCard';
import { PointerReadout } from './PointerReadout';
import { UNKNOWN_COLOR } from './palette';
import { useCurrentView } from './useCurrentView';
import { useStrokeCommit } from './useStrokeCommit';
import { useElementSize } from './useElementSize';
import { useViewport } from './useViewport';
import { actualSizeViewport, fitViewport, zoomAround } from './viewport';
import { useWalkFocus } from './useWalkFocus';
import { visibleAnnotations, visiblePredictions } from './visibleAnnotations';
import { ZoomControls } from './ZoomControls';
import { viewCategories } from './viewCategories';
import type { PlainAnnotation } from '../store/viewSlice';
import type { PlainPrediction } from '../store/predictionsSlice';

const NONE: PlainAnnotation[] = [];
const NO_PREDICTIONS: PlainPrediction[] = [];

/** The canvas: the stage, the zoom controls, the hover card, captions and notes over it. */
export function CanvasView() {
  const subset = useApp(currentSubset);
  const subsetIndex = useApp((s) => s.subsetIndex);
  const imageIndex = useApp((s) => s.imageIndex);
  const layers = useApp((s) => s.layers);
  const opacity = useApp((s) => s.opacity);
  const hovered = useApp((s) => s.hovered);
  const hoveredPrediction = useApp((s) => s.hoveredPrediction);
  const hover = useApp((s) => s.hover);
  const hoverPrediction = useApp((s) => s.hoverPrediction);
  const hiddenCategories = useApp((s) => s.hiddenCategories);
  const scoreThreshold = useApp((s) => s.scoreThreshold);
  const crowdOnly = useApp((s) => s.crowdOnly);
  const predictionScore = useApp((s) => s.predictionScore);
  const showGroundTruth = useApp((s) => s.showGroundTruth);
  const showPredictions = useApp((s) => s.showPredictions);
  const tool = useApp((s) => s.tool);
  const drawCategory = useApp((s) => s.drawCategory);
  const edit = useApp((s) => s.edit);
  const selection = useApp((s) => s.selection);
  const brushSize = useApp((s) => s.brushSize);
  const commitStroke = useStrokeCommit();
  const version = useApp(viewVersion);

  const container = useRef<HTMLDivElement>(null);
  const size = useElementSize(container);
  const { view, error } = useCurrentView();
  const customColors = useApp((s) => s.customColors);
  // What the view holds (the store gets the same once it is shown, for the panels).
  const annotations = view?.annotations ?? NONE;
  const predictions = view?.predictions ?? NO_PREDICTIONS;
  const { stageRef, live, viewport, apply, dragged } = useViewport();
  const [pointer, setPointer] = useState<{ x: number; y: number } | null>(null);

  const categories = subset?.categories;
  const width = subset?.images.widths[imageIndex] ?? 0;
  const height = subset?.images.heights[imageIndex] ?? 0;
  const image = { width, height };
  const drawAs = drawCategory ?? categories?.[0]?.id ?? null;
  const { names, colors, skeletons } = useMemo(
    () =>
      viewCategories(
        categories ?? [],
        [...annotations.map((a) => a.categoryId), ...predictions.map((p) => p.categoryId), drawAs],
        customColors,
      ),
    [categories, annotations, predictions, drawAs, customColors],
  );

  // Fit when the image or the window changes.
  const fitKey = `${subsetIndex}:${imageIndex}:${size.width}x${size.height}`;
  useEffect(() => {
    apply(fitViewport({ width, height }, size), 'now');
  }, [fitKey]); // eslint-disable-line react-hooks/exhaustive-deps

  const shown = useMemo(
    () =>
      showGroundTruth
        ? visibleAnnotations(annotations, { hiddenCategories, scoreThreshold, crowdOnly })
        : [],
    [annotations, hiddenCategories, scoreThreshold, crowdOnly, showGroundTruth],
  );
  const shownPredictions = useMemo(
    () =>
      showPredictions ? visiblePredictions(predictions, { hiddenCategories, predictionScore }) : [],
    [predictions, hiddenCategories, predictionScore, showPredictions],
  );
  const missed = useMemo(
    () => (showPredictions ? shown.filter((a) => a.match?.status === 'missed') : []),
    [shown, showPredictions],
  );
  const current =
    view !== null &&
    view.version === version &&
    view.imageIndex === imageIndex &&
    view.subset === subsetIndex;
  // The one selected annotation's keypoints get handles, with the select tool.
  const keypointOwner =
    current && tool === 'select' && selection.length === 1
      ? shown.find((a) => a.key === selection[0])
      : undefined;
  const keypointSets = useMemo(
    () =>
      keypointOwner === undefined
        ? []
        : editedSetsOf(keypointOwner, categoryById(categories ?? [], keypointOwner.categoryId), {
            body: layers.keypoints,
            wholeBody: layers.wholeBody,
          }),
    [keypointOwner, categories, layers.keypoints, layers.wholeBody],
  );
  useWalkFocus(current ? { imageIndex, annotations, predictions } : null, image, size, apply);
  // No card for the annotation whose keypoints have handles: a point's own tip names it.
  const hoveredAnnotation =
    hovered === null || (keypointSets.length > 0 && hovered === keypointOwner?.key)
      ? undefined
      : shown.find((a) => a.key === hovered);
  const hoveredDetection =
    hoveredPrediction === null
      ? undefined
      : shownPredictions.find((p) => p.key === hoveredPrediction);
  const nameOf = (categoryId: CocoId | null, fallback: string) =>
    names[String(categoryId)] ?? fallback;
  // The image pixel under the pointer, when it is over the image.
  const pixel =
    pointer === null
      ? null
      : {
          x: Math.floor((pointer.x - live.current.x) / live.current.scale),
          y: Math.floor((pointer.y - live.current.y) / live.current.scale),
        };
  const onImage =
    pixel !== null && pixel.x >= 0 && pixel.y >= 0 && pixel.x < width && pixel.y < height;

  return (
    <div
      className="canvas"
      ref={container}
      tabIndex={-1}
      // Screen px = image px × scale + offset; tests read it to find an image pixel on screen.
      data-viewport={`${viewport.scale},${viewport.x},${viewport.y}`}
      data-image={current ? `${subsetIndex}:${imageIndex}` : ''}
      onKeyDown={(e) => e.key === 'f' && apply(fitViewport(image, size), 'now')}
      onMouseLeave={() => {
        // Nothing stays highlighted once the pointer is off the canvas.
        setPointer(null);
        hover(null);
        hoverPrediction(null);
      }}
    >
      {subset !== undefined && size.width > 0 && (
        <CanvasStage
          size={size}
          image={image}
          view={view}
          current={current}
          shown={current ? shown : []}
          predictions={current ? shownPredictions : []}
          missed={current ? missed : []}
          hasPredictions={subset.predictions !== null}
          colors={colors}
          names={names}
          skeletons={skeletons}
          layers={layers}
          opacity={opacity}
          tool={tool}
          drawColor={drawAs === null ? UNKNOWN_COLOR : (colors[String(drawAs)] ?? UNKNOWN_COLOR)}
          brushSize={brushSize}
          onStroke={(stroke, key, erase) => commitStroke(stroke, key, erase, imageIndex, drawAs)}
          stageRef={stageRef}
          live={live}
          viewport={viewport}
          apply={apply}
          dragged={dragged}
          onPointer={setPointer}
          onShape={(key, shape, label) => void edit(label, { type: 'set-shape', key, shape })}
          keypoints={
            keypointOwner !== undefined && keypointSets.length > 0
              ? { key: keypointOwner.key, sets: keypointSets }
              : null
          }
          onKeypoint={(key, set, change, label) =>
            void edit(label, { type: 'keypoint', key, set, edit: change })
          }
          onDraw={(shape) => {
            if (drawAs === null) return;
            const label = shape.kind === 'box' ? 'Draw box' : 'Draw polygon';
            const boxAs = useApp.getState().boxSegmentation;
            void edit(label, {
              type: 'add-annotation',
              imageIndex,
              categoryId: drawAs,
              shape,
              boxAs,
            });
          }}
        />
      )}
      <ZoomControls
        scale={viewport.scale}
        onFit={() => apply(fitViewport(image, size), 'now')}
        onActual={() => apply(actualSizeViewport(image, size), 'now')}
        onZoom={(f) =>
          apply(zoomAround(live.current, { x: size.width / 2, y: size.height / 2 }, f), 'now')
        }
      />
      {(hoveredAnnotation !== undefined || hoveredDetection !== undefined) &&
        current &&
        pointer !== null &&
        tool === 'select' && (
          <HoverCard
            annotation={
              hoveredAnnotation === undefined
                ? null
                : {
                    value: hoveredAnnotation,
                    name: nameOf(hoveredAnnotation.categoryId, hoveredAnnotation.kind),
                  }
            }
            prediction={
              hoveredDetection === undefined
                ? null
                : {
                    value: hoveredDetection,
                    name: nameOf(hoveredDetection.categoryId, 'detection'),
                  }
            }
            x={pointer.x}
            y={pointer.y}
          />
        )}
      {current && onImage && (
        <PointerReadout pixel={pixel} annotations={shown} masks={view.masks} names={names} />
      )}
      {current && <Captions annotations={annotations} />}
      {subset !== undefined && current && view.picture === null && (
        <div className="canvas-note">
          {view.pictureError ??
            view.problems.find((p) => p.code === 'picture-ambiguous')?.message ??
            'image not loaded — drop the images folder or zip to add the pictures'}
        </div>
      )}
      {current && view.pictureWarning !== null && (
        <div className="canvas-note warning">{view.pictureWarning}</div>
      )}
      {error !== null && (
        <div className="canvas-note" role="alert">
          {error}
        </div>
      )}
    </div>
  );
}
