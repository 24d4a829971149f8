import { useApp } from '../store/store';
import { formatBytes } from './format';

/** After an export: which files were written, how big, with how many edits; until the next one. */
export function ExportReceipt() {
  const receipt = useApp((s) => s.lastExport);
  const dismiss = () => useApp.setState({ lastExport: null });
  if (receipt === null) return null;
  const names = receipt.files.map((f) => `${f.name} (${formatBytes(f.bytes)})`).join(', ');
  const edits =
    receipt.edits === 0
      ? 'no edits: the files as they were opened'
      : `${receipt.edits} ${receipt.edits === 1 ? 'edit' : 'edits'} included`;
  return (
    <div className="export-receipt" aria-label="Last export" aria-live="polite">
      Exported {names} — {edits}, at {new Date(receipt.at).toLocaleTimeString()}.
      <button type="button" aria-label="Dismiss" onClick={dismiss}>
        ×
      </button>
    </div>
  );
}
