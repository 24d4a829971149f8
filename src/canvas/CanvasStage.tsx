import type Konva from 'konva';
import { useMemo, type RefObject } from 'react';
import { Stage } from 'react-konva';
import type { KeypointEdit, KeypointSetName, Shape, Stroke } from '../coco';
import { activeKeypoint, activePlacing } from '../store/keypointSlice';
import { nextPointOf, type EditedSet } from '../store/keypointSets';
import type { Layers } from '../store/layersSlice';
import type { PlainPrediction } from '../store/predictionsSlice';
import { useApp } from '../store/store';
import type { Tool } from '../store/toolSlice';
import type { PlainAnnotation } from '../store/viewSlice';
import type { MaskImage } from '../worker/protocol';
import { BrushLayer } from './BrushLayer';
import { DrawPreview } from './DrawPreview';
import { EditHandlesLayer } from './EditHandles';
import { KeypointHandles } from './KeypointHandles';
import { annotationAt } from './hitTest';
import { isDrawn } from './visibleAnnotations';
import type { LoadedView } from './imageViews';
import { LabelLayer } from './LabelLayer';
import { MaskEditPreviewLayer } from './MaskEditPreviewLayer';
import { MaskLayer } from './MaskLayer';
import { UNKNOWN_COLOR } from './palette';
import { PictureLayer } from './PictureLayer';
import { PredictionLayer } from './PredictionLayer';
import { ShapeLayer } from './ShapeLayer';
import { useBrush } from './useBrush';
import { useDrawing } from './useDrawing';
import { useSpaceHeld } from './useSpaceHeld';
import { visibleImageRect } from './vertexHandles';
import { zoomAround, type Viewport } from './viewport';

const NO_MASKS: ReadonlyMap<number, MaskImage> = new Map();

type Props = {
  size: { width: number; height: number };
  image: { width: number; height: number };
  view: LoadedView | null;
  /** The view is the current image's (not a previous one still shown while loading). */
  current: boolean;
  shown: PlainAnnotation[];
  /** Detections drawn over the ground truth, and the ground truth they missed. */
  predictions: PlainPrediction[];
  missed: PlainAnnotation[];
  hasPredictions: boolean;
  colors: Record<string, string>;
  names: Record<string, string>;
  skeletons: Record<string, [number, number][] | null>;
  layers: Layers;
  opacity: number;
  tool: Tool;
  drawColor: string;
  brushSize: number;
  stageRef: RefObject<Konva.Stage | null>;
  live: RefObject<Viewport>;
  viewport: Viewport;
  apply: (v: Viewport, settle: 'now' | 'later') => void;
  dragged: (x: number, y: number, settle: 'now' | 'later') => void;
  onPointer: (p: { x: number; y: number } | null) => void;
  onShape: (key: number, shape: Shape, label: string) => void;
  /** The selected annotation's keypoint sets, when it has any (they get handles). */
  keypoints: { key: number; sets: EditedSet[] } | null;
  onKeypoint: (key: number, set: KeypointSetName, edit: KeypointEdit, label: string) => void;
  onDraw: (shape: Shape) => void;
  /** Commits a brush or eraser stroke (key null: a new mask); resolves to whether it changed the data. */
  onStroke: (stroke: Stroke, key: number | null, erase: boolean) => Promise<boolean>;
};

function isHandle(node: Konva.Node | null): boolean {
  for (let n = node; n !== null; n = n.getParent()) if (n.hasName('edit-handle')) return true;
  return false;
}

/**
 * The Konva stage: picture, masks, shapes, the selected shape's handles and what is being
 * drawn. Pointer input: select and hover (from geometry), pan by dragging (Space-drag while
 * drawing), zoom with the wheel or a pinch, draw with the box and polygon tools, paint
 * with the brush and the eraser.
 */
export function CanvasStage(props: Props) {
  const { view, current, shown, viewport, live, tool } = props;
  const selection = useApp((s) => s.selection);
  const hovered = useApp((s) => s.hovered);
  const select = useApp((s) => s.select);
  const selectedPrediction = useApp((s) => s.selectedPrediction);
  const selectPrediction = useApp((s) => s.selectPrediction);
  const hover = useApp((s) => s.hover);
  const hoveredPrediction = useApp((s) => s.hoveredPrediction);
  const hoverPrediction = useApp((s) => s.hoverPrediction);
  const currentKeypoint = useApp(activeKeypoint);
  const placing = useApp(activePlacing);
  const setCurrentKeypoint = useApp((s) => s.setCurrentKeypoint);
  const space = useSpaceHeld();
  const drawing = useDrawing(tool, props.image, viewport.scale, props.onDraw);
  const drawMode = tool !== 'select' && !space;
  const brushMode = (tool === 'brush' || tool === 'eraser') && !space;
  // The brush paints the one selected mask or polygon, else a new mask of the Draw-as label.
  const paintable =
    selection.length === 1
      ? shown.find((a) => a.key === selection[0] && (a.kind === 'mask' || a.kind === 'polygon'))
      : undefined;
  const brush = useBrush({
    active: tool === 'brush' || tool === 'eraser',
    erase: tool === 'eraser',
    size: props.brushSize,
    color:
      paintable === undefined
        ? props.drawColor
        : (props.colors[String(paintable.categoryId)] ?? UNKNOWN_COLOR),
    image: props.image,
    target: {
      key: paintable?.key ?? null,
      mask: paintable === undefined ? null : (view?.masks.get(paintable.key) ?? null),
    },
    viewToken: view,
    onStroke: props.onStroke,
  });
  const masks = current && view !== null ? view.masks : NO_MASKS;
  // The masks selected or hovered, kept while they stay: the mask layer (memoized) is not
  // redrawn per pointer move, nor when a box or polygon is selected or hovered.
  const highlightedMasks = [...selection, ...(hovered === null ? [] : [hovered])]
    .filter((key) => masks.has(key))
    .join(',');
  const highlighted = useMemo(
    () => new Set(highlightedMasks === '' ? [] : highlightedMasks.split(',').map(Number)),
    [highlightedMasks],
  );
  const { width: imageWidth, height: imageHeight } = props.image;
  const grid = useMemo(
    () => (props.layers.pixelGrid ? { width: imageWidth, height: imageHeight } : null),
    [props.layers.pixelGrid, imageWidth, imageHeight],
  );
  // The one selected box or polygon gets handles (and is drawn by them, not the shape layer).
  const selected =
    tool === 'select' && selection.length === 1
      ? shown.find((a) => a.key === selection[0])
      : undefined;
  const editing =
    selected !== undefined && (selected.kind === 'box' || selected.kind === 'polygon')
      ? selected
      : undefined;

  const keypointOwner = shown.find((a) => a.key === props.keypoints?.key);
  const keypointColor = props.colors[String(keypointOwner?.categoryId)] ?? UNKNOWN_COLOR;
  /** "Add keypoint": the set's next missing point placed at `q`, then made current. */
  const placeKeypoint = (key: number, set: KeypointSetName, q: { x: number; y: number }) => {
    const target = props.keypoints?.sets.find((s) => s.set === set);
    const index = target === undefined ? null : nextPointOf(target);
    if (index === null) return setCurrentKeypoint(null);
    const at = { x: Math.round(q.x * 100) / 100, y: Math.round(q.y * 100) / 100 };
    props.onKeypoint(key, set, { kind: 'add-next', ...at }, 'Add keypoint');
    setCurrentKeypoint({ key, set, index });
  };

  const toImage = (p: { x: number; y: number }) => {
    const v = live.current;
    return { x: (p.x - v.x) / v.scale, y: (p.y - v.y) / v.scale };
  };
  const pick = (p: { x: number; y: number }) => {
    const q = toImage(p);
    const drawn = current ? shown.filter((a) => isDrawn(a, props.layers)) : [];
    return annotationAt(drawn, q.x, q.y, 3 / live.current.scale);
  };
  const pickPrediction = (p: { x: number; y: number }) => {
    const q = toImage(p);
    return annotationAt(current ? props.predictions : [], q.x, q.y, 3 / live.current.scale);
  };
  const pointerOf = (e: Konva.KonvaEventObject<MouseEvent>) =>
    e.target.getStage()?.getPointerPosition() ?? null;

  return (
    <Stage
      ref={props.stageRef}
      width={props.size.width}
      height={props.size.height}
      scaleX={viewport.scale}
      scaleY={viewport.scale}
      x={viewport.x}
      y={viewport.y}
      draggable={!drawMode}
      style={{
        // The eraser with no mask or polygon selected has nothing to erase.
        cursor:
          brushMode && tool === 'eraser' && paintable === undefined
            ? 'not-allowed'
            : drawMode || placing !== null
              ? 'crosshair'
              : space
                ? 'grab'
                : 'default',
      }}
      onWheel={(e) => {
        e.evt.preventDefault();
        const p = e.target.getStage()?.getPointerPosition();
        if (!p) return;
        // A trackpad pinch arrives as a wheel event with ctrlKey and small deltas.
        const factor = Math.exp(-e.evt.deltaY * (e.evt.ctrlKey ? 0.01 : 0.0015));
        props.apply(zoomAround(live.current, p, factor), 'later');
      }}
      onMouseDown={(e) => {
        const p = pointerOf(e);
        if (brushMode && p && e.evt.button === 0) brush.down(toImage(p));
        else if (drawMode && p) drawing.down(toImage(p));
      }}
      onMouseMove={(e) => {
        const p = pointerOf(e);
        props.onPointer(p);
        if (p === null) return;
        if (brushMode) return brush.move(toImage(p));
        if (drawMode) return drawing.move(toImage(p));
        const hit = pick(p);
        if ((hit?.key ?? null) !== hovered) hover(hit?.key ?? null);
        const detection = pickPrediction(p);
        if ((detection?.key ?? null) !== hoveredPrediction) hoverPrediction(detection?.key ?? null);
      }}
      onMouseLeave={() => brush.leave()}
      onMouseUp={(e) => {
        if (brush.painting()) return brush.up();
        const p = pointerOf(e);
        if (drawMode && p) drawing.up(toImage(p));
      }}
      onClick={(e) => {
        const p = pointerOf(e);
        if (p === null || isHandle(e.target) || brushMode) return;
        if (drawMode) return drawing.click(toImage(p));
        if (placing !== null) return placeKeypoint(placing.key, placing.set, toImage(p));
        const hit = pick(p);
        if (hit === null) {
          const detection = pickPrediction(p);
          select([]);
          return selectPrediction(detection?.key ?? null);
        }
        selectPrediction(null);
        if (!(e.evt.shiftKey || e.evt.metaKey || e.evt.ctrlKey)) return select([hit.key]);
        select(
          selection.includes(hit.key)
            ? selection.filter((k) => k !== hit.key)
            : [...selection, hit.key],
        );
      }}
      onDblClick={() => drawMode && drawing.doubleClick()}
      onDragMove={(e) => {
        if (e.target === e.target.getStage()) props.dragged(e.target.x(), e.target.y(), 'later');
      }}
      onDragEnd={(e) => {
        if (e.target === e.target.getStage()) props.dragged(e.target.x(), e.target.y(), 'now');
      }}
    >
      <PictureLayer
        picture={current ? (view?.picture ?? null) : null}
        width={props.image.width}
        height={props.image.height}
      />
      {/* Always mounted: a layer that comes and goes costs a canvas each time. */}
      <MaskLayer
        annotations={props.layers.masks && current ? shown : []}
        masks={masks}
        colors={props.colors}
        opacity={Math.min(1, props.opacity + 0.2)}
        highlighted={highlighted}
        outlines={props.layers.maskOutlines}
        grid={grid}
      />
      <ShapeLayer
        annotations={current ? shown.filter((a) => a !== editing) : []}
        colors={props.colors}
        skeletons={props.skeletons}
        layers={props.layers}
        opacity={props.opacity}
        scale={viewport.scale}
        selection={selection}
        hovered={hovered}
        keypointsEdited={props.keypoints?.key ?? null}
      />
      {/* Always mounted, empty but for a preview of the image shown: while Ctrl+Z is held
          the shown image comes and goes, and a layer mounted again is a canvas made again. */}
      <MaskEditPreviewLayer
        image={current && view !== null ? { subset: view.subset, index: view.imageIndex } : null}
        viewport={viewport}
      />
      {/* Mounted only while the subset has predictions: a layer is a canvas to clear per draw. */}
      {props.hasPredictions && (
        <PredictionLayer
          predictions={current ? props.predictions : []}
          masks={current && view !== null ? view.predictionMasks : NO_MASKS}
          missed={current ? props.missed : []}
          colors={props.colors}
          opacity={props.opacity}
          scale={viewport.scale}
          selected={selectedPrediction}
          hovered={hoveredPrediction}
        />
      )}
      {/* Always mounted, above every outline and frame: labels and scores stay legible. */}
      <LabelLayer
        annotations={current && props.layers.labels ? shown : []}
        predictions={current && props.hasPredictions ? props.predictions : []}
        colors={props.colors}
        names={props.names}
        scale={viewport.scale}
      />
      {/* Always mounted (EditHandles.tsx): a layer taken off redraws all the others. */}
      <EditHandlesLayer
        annotation={editing}
        color={
          editing === undefined
            ? UNKNOWN_COLOR
            : (props.colors[String(editing.categoryId)] ?? UNKNOWN_COLOR)
        }
        scale={viewport.scale}
        view={visibleImageRect(viewport, props.size)}
        onShape={(shape, label) =>
          editing !== undefined && props.onShape(editing.key, shape, label)
        }
      />
      {props.keypoints !== null && (
        <KeypointHandles
          annotationKey={props.keypoints.key}
          sets={props.keypoints.sets}
          color={keypointColor}
          scale={viewport.scale}
          current={currentKeypoint}
          onPick={(set, index) => setCurrentKeypoint({ key: props.keypoints!.key, set, index })}
          onMove={(set, index, x, y) =>
            props.onKeypoint(
              props.keypoints!.key,
              set,
              { kind: 'move', index, x, y },
              'Move keypoint',
            )
          }
        />
      )}
      {/* Mounted only with the brush or eraser on: its stroke canvas is the image's size. */}
      {brush.canvas !== null && (
        <BrushLayer
          brush={brush}
          size={props.brushSize}
          opacity={Math.min(1, props.opacity + 0.2)}
          erase={tool === 'eraser'}
        />
      )}
      {(drawing.drawing || drawMode) && !brushMode ? (
        <DrawPreview {...drawing.preview} color={props.drawColor} scale={viewport.scale} />
      ) : null}
    </Stage>
  );
}
