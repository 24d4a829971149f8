/** Export settings and the export action: the engine writes, the page downloads. */
import type { StateCreator } from 'zustand';
import { DEFAULT_EXPORT } from '../coco';
import { EngineFailure } from '../worker/client';
import type { ExportRequest } from '../worker/protocol';
import type { StoreDeps } from './deps';
import { mark } from './timingMarks';
import type { AppState } from './appStore';

/** What the last export wrote: shown to the user, who then knows what "unexported" means. */
export type ExportReceipt = {
  files: { name: string; bytes: number }[];
  /** Edits in the history when it was written. */
  edits: number;
  at: number;
};

export type ExportSlice = {
  exportSettings: ExportRequest;
  exporting: boolean;
  lastExport: ExportReceipt | null;
  setExportSettings: (change: Partial<ExportRequest>) => void;
  exportDataset: (format: 'json' | 'zip') => Promise<void>;
  cancelExport: () => void;
};

export const createExportSlice =
  ({ engine, download }: StoreDeps): StateCreator<AppState, [], [], ExportSlice> =>
  (set, get) => ({
    exportSettings: { ...DEFAULT_EXPORT, includeImages: true },
    exporting: false,
    lastExport: null,
    setExportSettings: (change) =>
      set((s) => ({ exportSettings: { ...s.exportSettings, ...change } })),

    exportDataset: async (format) => {
      if (get().summary === null || get().exporting) return;
      const label = format === 'json' ? 'Export JSON' : 'Export zip';
      set({ exporting: true, opening: { phase: 'writing', file: '', done: 0, total: 1, label } });
      try {
        // Edits still on their way to the engine belong in this export.
        await get().editsSettled();
        const history = get().undoStack;
        const files = await engine.export(
          format,
          get().subsetIndex,
          get().exportSettings,
          (event) => set({ opening: { ...event, label } }),
        );
        for (const f of files) download(f.name, f.blob);
        mark('export-done');
        get().markExported(history);
        set({
          lastExport: {
            files: files.map((f) => ({ name: f.name, bytes: f.blob.size })),
            edits: history.length,
            at: Date.now(),
          },
        });
        const notes = files.flatMap((f) => (f.notes?.length ? [noteAlert(f.name, f.notes)] : []));
        if (notes.length > 0) set((s) => ({ alerts: [...s.alerts, ...notes] }));
      } catch (error) {
        if (error instanceof EngineFailure && error.detail.code === 'cancelled') return;
        const message = error instanceof Error ? error.message : String(error);
        set((s) => ({
          alerts: [...s.alerts, { id: Date.now(), file: label, place: '', message }],
        }));
      } finally {
        set({ exporting: false, opening: null });
      }
    },

    cancelExport: () => engine.cancelExport(),
  });

/** What an export could not write as read (pictures left out or copied unread), in one alert. */
function noteAlert(file: string, notes: readonly string[]) {
  const shown = notes.slice(0, 5).join('; ');
  const more = notes.length > 5 ? `; … and ${notes.length - 5} more` : '';
  const what = notes.length === 1 ? '1 picture' : `${notes.length} pictures`;
  return {
    id: Date.now() + Math.random(),
    file,
    place: '',
    message: `${what} not copied as read: ${shown}${more}`,
  };
}
