/** Where keys belong to a field rather than to the app's shortcuts, and the modifier key. */

/** ⌘ on macOS, Ctrl elsewhere, is the modifier of undo and redo. */
export const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** Inputs that take no typed text: shortcuts work while one of them has the focus. */
const NOT_TYPED = new Set([
  'checkbox',
  'radio',
  'button',
  'submit',
  'reset',
  'range',
  'color',
  'file',
]);

/**
 * Whether `target` takes typed keys: text inputs, text areas, selects and editable
 * content. A checkbox just clicked (a layer toggle, say) does not: digits still label.
 */
export function takesTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (el === null) return false;
  if (el.tagName === 'INPUT') return !NOT_TYPED.has((el as HTMLInputElement).type);
  return el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable;
}
