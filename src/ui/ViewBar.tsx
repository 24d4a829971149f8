import type { Layers } from '../store/layersSlice';
import { useApp } from '../store/store';
import { ReviewButtons } from './ReviewButtons';
import { ToolPicker } from './ToolPicker';
import { RangeSlider } from './RangeSlider';

const LAYERS: [keyof Layers, string][] = [
  ['masks', 'Masks'],
  ['polygons', 'Polygons'],
  ['boxes', 'Boxes'],
  ['allBoxes', 'All bboxes'],
  ['keypoints', 'Keypoints'],
  ['labels', 'Labels'],
  ['maskOutlines', 'Mask outlines'],
  ['pixelGrid', 'Pixel grid'],
];

/** What the canvas draws: layers, fill opacity, crowd only, score threshold. */
export function ViewBar() {
  const layers = useApp((s) => s.layers);
  const toggleLayer = useApp((s) => s.toggleLayer);
  const opacity = useApp((s) => s.opacity);
  const setOpacity = useApp((s) => s.setOpacity);
  const crowdOnly = useApp((s) => s.crowdOnly);
  const setCrowdOnly = useApp((s) => s.setCrowdOnly);
  const threshold = useApp((s) => s.scoreThreshold);
  const setThreshold = useApp((s) => s.setScoreThreshold);
  const hasScores = useApp((s) => s.annotations.some((a) => a.score !== null));
  // Shown when the image has COCO-WholeBody's extra sets (face, hands, feet).
  const hasWholeBody = useApp((s) => s.annotations.some((a) => a.keypointSets.length > 0));
  return (
    <div className="viewbar" role="toolbar" aria-label="View">
      <ToolPicker />
      <ReviewButtons />
      {LAYERS.map(([key, label]) => (
        <label key={key} className="toggle">
          <input type="checkbox" checked={layers[key]} onChange={() => toggleLayer(key)} />
          {label}
        </label>
      ))}
      {hasWholeBody && (
        <label className="toggle">
          <input
            type="checkbox"
            checked={layers.wholeBody}
            onChange={() => toggleLayer('wholeBody')}
          />
          Whole-body keypoints
        </label>
      )}
      <label className="toggle">
        <input
          type="checkbox"
          checked={crowdOnly}
          onChange={(e) => setCrowdOnly(e.currentTarget.checked)}
        />
        Crowd only
      </label>
      <RangeSlider min={0} max={1} step={0.05} value={opacity} onChange={setOpacity}>
        Opacity
      </RangeSlider>
      {hasScores && (
        <RangeSlider
          name="Score threshold"
          min={0}
          max={1}
          step={0.01}
          value={threshold}
          onChange={setThreshold}
        >
          Score ≥ {threshold.toFixed(2)}
        </RangeSlider>
      )}
    </div>
  );
}
