import { useEffect } from 'react';
import { currentSubset, useApp } from '../store/store';
import { isMac, takesTyping } from './keys';
import { shortText } from './format';

/**
 * Keyboard editing, page-wide: Ctrl+Z / Ctrl+Shift+Z (⌘ on macOS) undo and redo, Delete
 * removes the selection, digits 1–9 label it with the first categories, C opens the
 * category picker. Keys typed into a field are left to the field.
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
