import { useEffect } from 'react';
import { activeKeypoint, activePlacing } from '../store/keypointSlice';
import { currentSubset, useApp } from '../store/store';
import { isMac, takesTyping } from './keys';
import { shortText } from './format';

/**
 * Keyboard editing, page-wide: Ctrl+Z / Ctrl+Shift+Z (⌘ on macOS) undo and redo, Delete
 * removes the selection, digits 1–9 label it with the first categories, C opens the
 * category picker. With a keypoint current (clicked), 0/1/2 set its visibility and Delete
 * deletes the point, not the annotation; Esc lets go of it (or of "Add keypoint"). Keys
 * typed into a field are left to the field.
 */
export function EditShortcuts() {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const s = useApp.getState();
      // A dialog asking before an open takes the keys until it is answered.
      if (s.replaceAsk !== null) return;
      const mod = isMac ? e.metaKey : e.ctrlKey;
      if (mod && e.key.toLowerCase() === 'z' && !takesTyping(e.target)) {
        e.preventDefault();
        void (e.shiftKey ? s.redo() : s.undo());
        return;
      }
      if (mod && e.key.toLowerCase() === 'y' && !takesTyping(e.target)) {
        e.preventDefault();
        void s.redo();
        return;
      }
      if (takesTyping(e.target) || mod || e.altKey || s.selection.length === 0) return;
      if (keypointKey(e)) return;
      if (e.key === 'Delete' || e.key === 'Backspace') {
        e.preventDefault();
        void s.edit(
          s.selection.length > 1 ? `Delete ${s.selection.length} annotations` : 'Delete annotation',
          { type: 'delete', keys: s.selection },
        );
      } else if (/^[1-9]$/.test(e.key)) {
        const category = currentSubset(s)?.categories[Number(e.key) - 1];
        if (category)
          void s.edit(`Label as ${shortText(category.name)}`, {
            type: 'relabel',
            keys: s.selection,
            categoryId: category.id,
          });
      } else if (e.key === 'c') {
        e.preventDefault();
        document
          .querySelector<HTMLInputElement>('input[role=combobox][aria-label="Category"]')
          ?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return null;
}

/** The current keypoint's keys; whether `e` was one of them (then it is handled). */
function keypointKey(e: KeyboardEvent): boolean {
  const s = useApp.getState();
  const point = activeKeypoint(s);
  if (e.key === 'Escape' && (point !== null || activePlacing(s) !== null)) {
    s.setCurrentKeypoint(null);
    return true;
  }
  if (point === null) return false;
  const command = { type: 'keypoint', key: point.key, set: point.set } as const;
  if (e.key === '0' || e.key === '1' || e.key === '2') {
    e.preventDefault();
    const v = Number(e.key) as 0 | 1 | 2;
    const edit = { kind: 'set-visibility', index: point.index, v } as const;
    void s.edit(`Set keypoint visibility ${v}`, { ...command, edit });
    return true;
  }
  if (e.key === 'Delete' || e.key === 'Backspace') {
    e.preventDefault();
    void s.edit('Delete keypoint', { ...command, edit: { kind: 'delete', index: point.index } });
    s.setCurrentKeypoint(null);
    return true;
  }
  return false;
}
