import { useRef, useState } from 'react';
import { filesFromInput } from '../io/pickedFiles';
import { loadSample } from '../io/sample';
import { useApp } from '../store/store';
import { ExportButtons } from './ExportButtons';
import { ExportDialog } from './ExportDialog';
import { PanelToggles } from './PanelToggles';
import { ShortcutsButton } from './ShortcutsDialog';
import { UndoRedo } from './UndoRedo';

/** Open files / folder / sample, and the subset switcher. */
export function Toolbar() {
  const filesInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  const openFiles = useApp((s) => s.openFiles);
  const subsets = useApp((s) => s.summary?.subsets);
  const subsetIndex = useApp((s) => s.subsetIndex);
  const setSubset = useApp((s) => s.setSubset);
  const [optionsOpen, setOptionsOpen] = useState(false);

  const onPicked = (input: HTMLInputElement | null) => {
    const files = filesFromInput(input?.files ?? null);
    if (input) input.value = '';
    void openFiles(files);
  };

  return (
    <header className="toolbar">
      <span className="brand" aria-hidden="true">
        cocoscope
      </span>
      <button type="button" onClick={() => filesInput.current?.click()}>
        Open files
      </button>
      <button type="button" onClick={() => folderInput.current?.click()}>
        Open folder
      </button>
      <button type="button" onClick={() => void loadSample().then(openFiles)}>
        Open sample
      </button>
      <input
        ref={filesInput}
        type="file"
        aria-label="Dataset files"
        multiple
        accept=".json,.zip,image/*,application/json,application/zip"
        className="visually-hidden"
        tabIndex={-1}
        onChange={(e) => onPicked(e.currentTarget)}
      />
      <input
        ref={folderInput}
        type="file"
        aria-label="Dataset folder"
        // webkitdirectory is not in React's types; set it as a plain attribute.
        {...{ webkitdirectory: '' }}
        className="visually-hidden"
        tabIndex={-1}
        onChange={(e) => onPicked(e.currentTarget)}
      />
      {subsets !== undefined && <UndoRedo />}
      {subsets !== undefined && (
        <ExportButtons
          optionsOpen={optionsOpen}
          toggleOptions={() => setOptionsOpen(!optionsOpen)}
        />
      )}
      {optionsOpen && <ExportDialog onClose={() => setOptionsOpen(false)} />}
      {subsets !== undefined && subsets.length > 1 && (
        <label className="subset">
          Subset
          <select value={subsetIndex} onChange={(e) => setSubset(Number(e.currentTarget.value))}>
            {subsets.map((s, i) => (
              <option key={s.name} value={i}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
      )}
      {subsets !== undefined && <PanelToggles />}
      <ShortcutsButton />
    </header>
  );
}
