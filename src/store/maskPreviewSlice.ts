/**
 * The preview of a mask command (convert, fill holes, remove specks, a crowd conversion):
 * asked of the engine, shown on the canvas and in the inspector, then applied as one
 * edit or cancelled. The store keeps the numbers; the changed pixels' bitmap is kept
 * beside it (`previewImage`), as imageViews.ts keeps masks out of the store. The bitmap
 * is made at the resolution the canvas shows the image (`previewShown`, which the canvas
 * keeps up to date): zoomed to another resolution, it is made again.
 */
import type { StateCreator } from 'zustand';
import {
  previewScale,
  type MaskCommand,
  type MaskImage,
  type MaskPreview,
  type ShownAt,
} from '../worker/protocol';
import type { AppState } from './appStore';
import type { StoreDeps } from './deps';

export type PendingMaskEdit = {
  /** Grows with every preview asked for: an answer to an older one is dropped. */
  id: number;
  /** The edit's name in the history (and on the Apply button's edit). */
  label: string;
  command: MaskCommand;
  subset: number;
  imageIndex: number;
  /** The history it was previewed on (`editVersion`): any other edit makes it stale. */
  editVersion: number;
  /** Null while the engine works. */
  result: Omit<MaskPreview, 'image'> | null;
  /** Why the command cannot be made (no pixels left…). */
  error: string | null;
  /** How the canvas showed the image when the bitmap was made (it is made for that). */
  imageShown: ShownAt | null;
};

export type MaskPreviewSlice = {
  maskPreview: PendingMaskEdit | null;
  /** How the canvas shows the current image; null before it has drawn one. */
  previewShown: ShownAt | null;
  /**
   * The canvas shows the image so now: a preview's bitmap of another resolution is remade
   * (resolves once it is, or at once when none is needed).
   */
  setPreviewShown: (shown: ShownAt) => Promise<void>;
  previewMaskEdit: (label: string, command: MaskCommand) => Promise<void>;
  /** Applies the previewed command as one undoable edit. */
  applyMaskPreview: () => Promise<void>;
  cancelMaskPreview: () => void;
};

let image: { id: number; image: MaskImage } | null = null;

/** The bitmap of the changed pixels of preview `id`; null when nothing is drawn. */
export function previewImage(id: number): MaskImage | null {
  return image?.id === id ? image.image : null;
}

function dropImage(): void {
  image?.image.bitmap.close();
  image = null;
}

let lastId = 0;

/** The preview whose Apply is on its way to the engine (0: none): pressed again, nothing. */
let applying = 0;

/** Whether a bitmap made for `made` is of the resolution `now` wants. */
function sameResolution(made: ShownAt | null, now: ShownAt | null): boolean {
  return previewScale(made) === previewScale(now);
}

export const createMaskPreviewSlice =
  ({ engine }: StoreDeps): StateCreator<AppState, [], [], MaskPreviewSlice> =>
  (set, get) => ({
    maskPreview: null,
    previewShown: null,

    setPreviewShown: async (shown) => {
      set({ previewShown: shown });
      const pending = get().maskPreview;
      if (pending?.result == null || sameResolution(pending.imageShown, shown)) return;
      const current = () => get().maskPreview?.id === pending.id;
      // The numbers stay; only the bitmap is made anew (the engine kept the plan).
      await engine.previewEdit(pending.subset, pending.command, shown).then(
        ({ image: answered }) => {
          if (!current() || !sameResolution(shown, get().previewShown)) {
            answered?.bitmap.close();
            return;
          }
          // The bitmap drawn now is closed once the canvas has taken the new one.
          const old = image;
          image = answered === null ? null : { id: pending.id, image: answered };
          set({ maskPreview: { ...get().maskPreview!, imageShown: shown } });
          setTimeout(() => old?.image.bitmap.close(), 0);
        },
        // The old bitmap stays drawn (scaled): a preview that could be made once still can.
        () => {},
      );
    },

    previewMaskEdit: async (label, command) => {
      dropImage();
      const id = ++lastId;
      const { subsetIndex: subset, imageIndex, editVersion, previewShown: shown } = get();
      set({
        maskPreview: {
          id,
          label,
          command,
          subset,
          imageIndex,
          editVersion,
          result: null,
          error: null,
          imageShown: shown,
        },
      });
      const current = () => get().maskPreview?.id === id;
      try {
        const { image: answered, ...result } = await engine.previewEdit(
          subset,
          command,
          shown,
          get().customColors,
        );
        if (!current()) {
          answered?.bitmap.close();
          return;
        }
        if (answered !== null) image = { id, image: answered };
        set({ maskPreview: { ...get().maskPreview!, result } });
      } catch (error) {
        if (!current()) return;
        const message = error instanceof Error ? error.message : String(error);
        set({ maskPreview: { ...get().maskPreview!, error: message } });
      }
    },

    applyMaskPreview: async () => {
      const pending = get().maskPreview;
      if (pending === null || pending.result === null || applying === pending.id) return;
      // The preview stays drawn until the edit's answer: the store update that brings it
      // ends the preview too (appStore.ts ends a preview on any edit), one render for both.
      applying = pending.id;
      try {
        await get().edit(pending.label, pending.command);
      } finally {
        applying = 0;
        // An edit that failed or changed nothing leaves the history as it was.
        if (get().maskPreview?.id === pending.id) get().cancelMaskPreview();
      }
    },

    cancelMaskPreview: () => {
      dropImage();
      if (get().maskPreview !== null) set({ maskPreview: null });
    },
  });
