import { useEffect, useState } from 'react';
import { isMac, takesTyping } from './keys';

const MOD = isMac ? '⌘' : 'Ctrl';

/** Every key the app answers, by where it works. */
const SHORTCUTS: [string, [string, string][]][] = [
  [
    'Images (in the image list)',
    [
      ['↑ ↓', 'previous / next image'],
      ['PageUp PageDown', 'a page of images up / down'],
      ['Home End', 'first / last image'],
      ['R', 'mark reviewed and go to the next'],
      [
        'N, Shift+N',
        'next / previous annotation the filter asks for (crowd, problems, edited, false positives, misses; all when none), across images',
      ],
    ],
  ],
  [
    'Canvas',
    [
      ['wheel, pinch', 'zoom around the pointer'],
      ['drag, Space+drag', 'pan (Space+drag while drawing or painting)'],
      ['F', 'fit the image to the window (canvas focused)'],
      ['click, Shift+click', 'select an annotation, add to the selection'],
    ],
  ],
  [
    'Panels',
    [
      ['L', 'show / hide the image list'],
      ['D', 'show / hide the details panel'],
    ],
  ],
  [
    'Tools',
    [
      ['V', 'select'],
      ['B', 'draw a box'],
      ['P', 'draw a polygon (Enter closes it, Esc drops it)'],
      ['Shift+B', 'brush: paint the selected mask or polygon, or a new mask'],
      ['E', 'eraser: erase pixels of the selected mask or polygon'],
      ['[ ]', 'brush size smaller / larger'],
      ['Esc', 'back to select'],
    ],
  ],
  [
    'Keypoints (select tool, one annotation selected)',
    [
      ['drag a point', 'move it (a not-labeled point moved becomes visible)'],
      ['click a point', 'make it the current point (its name is shown)'],
      ['2, 1, 0', 'current point: visible, occluded, not labeled (instead of labeling)'],
      ['Delete, Backspace', 'delete the current point (not the annotation)'],
      ['Esc', 'let go of the current point, or of "Add keypoint"'],
    ],
  ],
  [
    'Editing the selection',
    [
      ['1 … 9', 'label with the first nine categories'],
      ['C', 'open the category picker'],
      ['Delete, Backspace', 'delete'],
      [`${MOD}+Z`, 'undo'],
      [`${MOD}+Shift+Z, ${MOD}+Y`, 'redo'],
    ],
  ],
];

/** "?" (or the toolbar's button) shows every keyboard shortcut; Esc closes it. */
export function ShortcutsButton() {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === '?' && !takesTyping(e.target) && !e.ctrlKey && !e.metaKey) setOpen((o) => !o);
      else if (e.key === 'Escape') setOpen(false);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <>
      <button
        type="button"
        className="shortcuts-button"
        aria-expanded={open}
        title="Keyboard shortcuts (?)"
        onClick={() => setOpen(!open)}
      >
        ?
      </button>
      {open && (
        <div className="shortcuts-dialog" role="dialog" aria-label="Keyboard shortcuts">
          <h2>Keyboard shortcuts</h2>
          {SHORTCUTS.map(([group, keys]) => (
            <table key={group} aria-label={group}>
              <caption>{group}</caption>
              <tbody>
                {keys.map(([key, what]) => (
                  <tr key={key}>
                    <th scope="row">
                      <kbd>{key}</kbd>
                    </th>
                    <td>{what}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ))}
          <div className="dialog-actions">
            <button type="button" onClick={() => setOpen(false)}>
              Close
            </button>
          </div>
        </div>
      )}
    </>
  );
}
