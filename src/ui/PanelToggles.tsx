import { useEffect } from 'react';
import type { Panels } from '../store/layersSlice';
import { useApp } from '../store/store';
import { takesTyping } from './keys';

/** The keys that show or hide each side panel (no modifier, not while typing). */
export const PANEL_KEYS: Record<keyof Panels, string> = { imageList: 'l', details: 'd' };

const NAMES: Record<keyof Panels, string> = { imageList: 'Image list', details: 'Details' };
/** Which side of the window each panel is on, drawn as a glyph to keep the toolbar short. */
const GLYPHS: Record<keyof Panels, string> = { imageList: '◧', details: '◨' };

/** Buttons (and keys L, D) that show or hide the image list and the details panel. */
export function PanelToggles() {
  const panels = useApp((s) => s.panels);
  const togglePanel = useApp((s) => s.togglePanel);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || takesTyping(e.target)) return;
      if (useApp.getState().replaceAsk !== null) return;
      const panel = (Object.keys(PANEL_KEYS) as (keyof Panels)[]).find(
        (p) => PANEL_KEYS[p] === e.key.toLowerCase() && !e.shiftKey,
      );
      if (panel !== undefined) togglePanel(panel);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [togglePanel]);

  return (
    <div className="panel-toggles">
      {(Object.keys(NAMES) as (keyof Panels)[]).map((panel) => (
        <button
          key={panel}
          type="button"
          aria-pressed={panels[panel]}
          aria-label={NAMES[panel]}
          title={`${panels[panel] ? 'Hide' : 'Show'} the ${NAMES[panel].toLowerCase()} (${PANEL_KEYS[panel].toUpperCase()})`}
          onClick={() => togglePanel(panel)}
        >
          <span aria-hidden="true">{GLYPHS[panel]}</span>
        </button>
      ))}
    </div>
  );
}
