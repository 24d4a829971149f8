/**
 * The page's store: the app's state (appStore.ts) over the page's data engine, saved as
 * the user works by this tab's autosave — which reads the store, so it is made after it.
 */
import { createAppStore } from './appStore';
import { createAutosave, type Autosave } from './autosave';
import type { SessionKeeper } from './deps';
import { engine } from './engine';

export { currentSubset, type AppState } from './appStore';

let autosave: Autosave | null = null;
const sessions: SessionKeeper = {
  opened: (...args) => autosave?.opened(...args),
  added: (files) => autosave?.added(files),
  flush: () => autosave?.flush() ?? Promise.resolve(),
};

export const useApp = createAppStore(engine, { sessions });

/** This tab's autosave of the page's store. */
export const pageAutosave = (autosave = createAutosave(useApp));
