import { currentSubset, useApp } from '../store/store';

/**
 * Export JSON and Export zip, each saying what it makes: its name (read by screen readers
 * and tests) begins with the contract's "Export JSON" / "Export zip" and goes on with the
 * format; the tooltip says what is inside.
 */
export function ExportButtons(props: { optionsOpen: boolean; toggleOptions: () => void }) {
  const exportDataset = useApp((s) => s.exportDataset);
  const files = useApp((s) => currentSubset(s)?.files.length ?? 0);
  const subsets = useApp((s) => s.summary?.subsets.length ?? 0);
  const withPictures = useApp((s) => s.exportSettings.includeImages);
  const json =
    files > 1
      ? {
          name: `Export JSON — COCO, ${files} files in one zip`,
          what: `The subset's ${files} annotation files as COCO json, in one zip (annotations/…); each changed only where you edited it.`,
        }
      : {
          name: 'Export JSON — COCO',
          what: 'The annotation file as COCO json, changed only where you edited it.',
        };
  const zip = {
    name: `Export zip — CVAT COCO 1.1 ${withPictures ? 'with' : 'without'} pictures`,
    what: `${subsets > 1 ? `All ${subsets} subsets` : 'The dataset'} as CVAT, Datumaro and Roboflow read it: annotations/<task>_<subset>.json${withPictures ? ' and the pictures, byte for byte, under images/<subset>/' : ' (pictures left out: see Export options)'}.`,
  };
  return (
    <div className="export-buttons">
      <button
        type="button"
        aria-label={json.name}
        title={json.what}
        onClick={() => void exportDataset('json')}
      >
        Export JSON
      </button>
      <button
        type="button"
        aria-label={zip.name}
        title={zip.what}
        onClick={() => void exportDataset('zip')}
      >
        Export zip
      </button>
      <button type="button" aria-expanded={props.optionsOpen} onClick={props.toggleOptions}>
        Export options
      </button>
    </div>
  );
}
