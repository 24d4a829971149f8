import { useEffect } from 'react';
import type { BoxSegmentation } from '../coco';
import { currentSubset, useApp } from '../store/store';
import { takesTyping } from './keys';
import { LabelPicker } from './LabelPicker';
import type { Tool } from '../store/toolSlice';

const TOOLS: [Tool, string, string][] = [
  ['select', 'Select', 'v'],
  ['box', 'Draw box', 'b'],
  ['polygon', 'Draw polygon', 'p'],
];

/** Select / draw a box / draw a polygon (V, B, P), and the category new shapes get. */
export function ToolPicker() {
  const tool = useApp((s) => s.tool);
  const setTool = useApp((s) => s.setTool);
  const drawCategory = useApp((s) => s.drawCategory);
  const setDrawCategory = useApp((s) => s.setDrawCategory);
  const boxSegmentation = useApp((s) => s.boxSegmentation);
  const setBoxSegmentation = useApp((s) => s.setBoxSegmentation);
  const categories = useApp(currentSubset)?.categories ?? [];
  const value = drawCategory ?? categories[0]?.id;

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || takesTyping(e.target)) return;
      const hit = TOOLS.find(([, , key]) => key === e.key.toLowerCase());
      if (hit) setTool(hit[0]);
      else if (e.key === 'Escape' && useApp.getState().tool !== 'select') setTool('select');
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
          title={`${label} (${key.toUpperCase()})`}
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
          disabled={tool === 'select'}
          onPick={(c) => setDrawCategory(c.id)}
        />
      </div>
      <label
        className="slider"
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
    </div>
  );
}
