import { useEffect } from 'react';
import type { BoxSegmentation } from '../coco';
import { currentSubset, useApp } from '../store/store';
import { takesTyping } from './keys';
import { LabelPicker } from './LabelPicker';
import { steppedBrushSize, type Tool } from '../store/toolSlice';
import { MAX_BRUSH_SIZE, MIN_BRUSH_SIZE } from '../coco';

/** Each tool, its button's name and its key (as `e.key` gives it; Shift+B gives 'B'). */
const TOOLS: [Tool, string, string][] = [
  ['select', 'Select', 'v'],
  ['box', 'Draw box', 'b'],
  ['polygon', 'Draw polygon', 'p'],
  ['brush', 'Brush', 'B'],
  ['eraser', 'Eraser', 'e'],
];

const TOOL_TITLES: Partial<Record<Tool, string>> = {
  brush: 'Brush (Shift+B): paint the selected mask or polygon, or a new mask of the Draw-as label',
  eraser: 'Eraser (E): erase pixels of the selected mask or polygon',
};

/** The key as the tools are keyed: letters lower case, but Shift+letter upper case. */
function toolKey(e: KeyboardEvent): string {
  return e.shiftKey ? e.key.toUpperCase() : e.key.toLowerCase();
}

/**
 * Select / draw a box / draw a polygon / brush / eraser (V, B, P, Shift+B, E), the
 * category new shapes get, and the brush size (`[` smaller, `]` larger).
 */
export function ToolPicker() {
  const tool = useApp((s) => s.tool);
  const setTool = useApp((s) => s.setTool);
  const drawCategory = useApp((s) => s.drawCategory);
  const setDrawCategory = useApp((s) => s.setDrawCategory);
  const boxSegmentation = useApp((s) => s.boxSegmentation);
  const setBoxSegmentation = useApp((s) => s.setBoxSegmentation);
  const brushSize = useApp((s) => s.brushSize);
  const setBrushSize = useApp((s) => s.setBrushSize);
  const categories = useApp(currentSubset)?.categories ?? [];
  const painting = tool === 'brush' || tool === 'eraser';
  const value = drawCategory ?? categories[0]?.id;

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || takesTyping(e.target)) return;
      const hit = TOOLS.find(([, , key]) => key === toolKey(e));
      if (hit) setTool(hit[0]);
      else if (e.key === '[' || e.key === ']') {
        const { brushSize: size, setBrushSize: setSize } = useApp.getState();
        setSize(steppedBrushSize(size, e.key === ']' ? 1 : -1));
      } else if (e.key === 'Escape' && useApp.getState().tool !== 'select') setTool('select');
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [setTool]);

  return (
    <div className="tools" role="group" aria-label="Tools">
      {TOOLS.map(([t, label, key]) => (
        <button
          key={t}
          type="button"
          aria-pressed={tool === t}
          onClick={() => setTool(t)}
          title={TOOL_TITLES[t] ?? `${label} (${key.toUpperCase()})`}
        >
          {label}
        </button>
      ))}
      {/* Always shown (disabled while selecting), so switching tools never reflows the bar. */}
      <div className="slider">
        <span aria-hidden="true">as</span>
        <LabelPicker
          label="Draw as"
          categories={categories}
          value={value === undefined ? null : String(value)}
          disabled={tool === 'select' || tool === 'eraser'}
          onPick={(c) => setDrawCategory(c.id)}
        />
      </div>
      {/* The brush size and the box's segmentation share one slot of one width: no reflow. */}
      {painting ? (
        <label
          className="slider tool-option"
          title="The brush's and eraser's diameter in image pixels ([ and ])"
        >
          <span aria-hidden="true">size</span>
          <input
            type="number"
            aria-label="Brush size"
            className="brush-size"
            min={MIN_BRUSH_SIZE}
            max={MAX_BRUSH_SIZE}
            step={1}
            value={brushSize}
            onChange={(e) => setBrushSize(e.currentTarget.valueAsNumber)}
          />
        </label>
      ) : (
        <label
          className="slider tool-option"
          title="pycocotools' COCOeval('segm') needs the polygon; CVAT reads [] as a rectangle"
        >
          <select
            aria-label="Box segmentation"
            disabled={tool !== 'box'}
            value={boxSegmentation}
            onChange={(e) => setBoxSegmentation(e.currentTarget.value as BoxSegmentation)}
          >
            <option value="polygon">box as polygon</option>
            <option value="empty">box only, []</option>
          </select>
        </label>
      )}
    </div>
  );
}
