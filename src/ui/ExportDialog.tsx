import { useApp } from '../store/store';
import type { SegmentationMode } from '../coco';
import { PreflightList } from './PreflightList';

/** How exports are written; Export JSON and Export zip use these settings until changed. */
export function ExportDialog(props: { onClose: () => void }) {
  const settings = useApp((s) => s.exportSettings);
  const set = useApp((s) => s.setExportSettings);
  return (
    <div className="export-dialog" role="dialog" aria-label="Export options">
      <h2>Export options</h2>
      <label>
        <input
          type="checkbox"
          checked={settings.includeImages}
          onChange={(e) => set({ includeImages: e.currentTarget.checked })}
        />
        Include images in the zip (copied byte for byte)
      </label>
      <label className="select">
        Segmentation
        <select
          aria-label="Segmentation"
          value={settings.segmentation}
          onChange={(e) => set({ segmentation: e.currentTarget.value as SegmentationMode })}
        >
          <option value="guess">keep: crowd as RLE masks, the rest as it is</option>
          <option value="polygons">all polygons (masks traced, nothing crowd)</option>
          <option value="masks">all masks (RLE, crowd)</option>
        </select>
      </label>
      <label>
        <input
          type="checkbox"
          checked={settings.onlyAnnotatedImages}
          onChange={(e) => set({ onlyAnnotatedImages: e.currentTarget.checked })}
        />
        Only annotated images
      </label>
      <label>
        <input
          type="checkbox"
          checked={settings.dropProblems}
          onChange={(e) => set({ dropProblems: e.currentTarget.checked })}
        />
        Drop or fix what other tools fail on (drops references to missing images or categories and
        empty masks; a box-only segmentation [] becomes the box&apos;s polygon, for COCOeval segm; a
        missing iscrowd, keypoints or num_keypoints is written)
      </label>
      <label>
        <input
          type="checkbox"
          checked={settings.remapCategoryIds}
          onChange={(e) => set({ remapCategoryIds: e.currentTarget.checked })}
        />
        Renumber categories 1..N (CVAT reads id 0 as no label)
      </label>
      <label>
        <input
          type="checkbox"
          checked={settings.indent > 0}
          onChange={(e) => set({ indent: e.currentTarget.checked ? 2 : 0 })}
        />
        Indented JSON (every record written anew; off, the file keeps its own layout and only edited
        records change)
      </label>
      <PreflightList />
      <div className="dialog-actions">
        <button type="button" onClick={props.onClose}>
          Close
        </button>
      </div>
    </div>
  );
}
