import { useApp } from '../store/store';

/** Undo / Redo with what they would undo, and the count of edits since the dataset opened. */
export function UndoRedo() {
  const undoStack = useApp((s) => s.undoStack);
  const redoStack = useApp((s) => s.redoStack);
  const undo = useApp((s) => s.undo);
  const redo = useApp((s) => s.redo);
  const next = undoStack.at(-1);
  const again = redoStack.at(-1);
  return (
    <div className="undo-redo">
      <button
        type="button"
        disabled={next === undefined}
        onClick={() => void undo()}
        title={next ? `Undo ${next.label}` : 'Nothing to undo'}
      >
        Undo
      </button>
      <button
        type="button"
        disabled={again === undefined}
        onClick={() => void redo()}
        title={again ? `Redo ${again.label}` : 'Nothing to redo'}
      >
        Redo
      </button>
      {undoStack.length > 0 && (
        <span className="muted edits" aria-live="polite">
          {undoStack.length} {undoStack.length === 1 ? 'edit' : 'edits'}
        </span>
      )}
    </div>
  );
}
