import { describe, expect, it } from 'vitest';
import { previewImage } from './maskPreviewSlice';
import { DATASET, keyOf, openStore, relabel } from './testing/openStore';

/** DATASET with annotation 3 a polygon (a 10 × 10 square). */
const WITH_POLYGON = {
  ...DATASET,
  annotations: DATASET.annotations.map((a) =>
    a.id === 3 ? { ...a, segmentation: [[5, 5, 15, 5, 15, 15, 5, 15]] } : a,
  ),
};
const toMask = { type: 'convert-to-mask', key: keyOf(3), crowd: true } as const;

describe('the mask preview', () => {
  it('previews without editing, then applies as one undoable edit', async () => {
    const { store, engine } = await openStore(WITH_POLYGON);
    await store.getState().previewMaskEdit('Convert to mask', toMask);
    const pending = store.getState().maskPreview!;
    expect(pending.result).toMatchObject({ iou: 1, added: 0, removed: 0, parts: 1 });
    expect(pending.result!.rle).toMatchObject({ size: [80, 100], area: 100, bbox: [5, 5, 10, 10] });
    expect(previewImage(pending.id)).toMatchObject({ x: 5, y: 5, width: 10, height: 10 });
    expect(engine.of('edit')).toHaveLength(0);

    await store.getState().applyMaskPreview();
    expect(store.getState().maskPreview).toBeNull();
    expect(previewImage(pending.id)).toBeNull();
    expect(store.getState().undoStack.map((e) => e.label)).toEqual(['Convert to mask']);
    expect(engine.of('edit').map((r) => r.args[1])).toEqual([toMask]);
  });

  it('stays until the Apply is answered, and a second press makes no second edit', async () => {
    const { store, engine } = await openStore(WITH_POLYGON);
    await store.getState().previewMaskEdit('Convert to mask', toMask);
    const id = store.getState().maskPreview!.id;
    const first = store.getState().applyMaskPreview();
    const second = store.getState().applyMaskPreview();
    // Asked of the engine, not answered yet: the preview is still what the canvas draws.
    expect(store.getState().maskPreview?.id).toBe(id);
    expect(previewImage(id)).not.toBeNull();
    await Promise.all([first, second]);
    expect(store.getState().maskPreview).toBeNull();
    expect(previewImage(id)).toBeNull();
    expect(engine.of('edit')).toHaveLength(1);
    expect(store.getState().undoStack).toHaveLength(1);
  });

  it('says why a command cannot be made, and is ended by another edit', async () => {
    const { store } = await openStore(WITH_POLYGON);
    await store.getState().previewMaskEdit('Remove specks', {
      type: 'remove-specks',
      key: keyOf(4),
      minPixels: 50,
    });
    expect(store.getState().maskPreview!.error).toMatch(/no pixels/);
    await store.getState().previewMaskEdit('Convert to mask', toMask);
    expect(store.getState().maskPreview!.error).toBeNull();
    await store.getState().edit('Label 1 as dog', relabel(1, 2));
    expect(store.getState().maskPreview).toBeNull();
  });

  it('makes the bitmap at the resolution shown, and again when zoomed to another', async () => {
    const { store, engine } = await openStore(WITH_POLYGON);
    await store.getState().setPreviewShown({ scale: 0.5, x: 0, y: 0, ratio: 1 });
    await store.getState().previewMaskEdit('Convert to mask', toMask);
    const id = store.getState().maskPreview!.id;
    // The 10 × 10 square at one bitmap pixel per device pixel: 5 × 5, drawn over 10 × 10.
    expect(previewImage(id)).toMatchObject({ width: 10, height: 10 });
    expect(previewImage(id)!.bitmap).toMatchObject({ width: 5, height: 5 });

    // Panned: the same resolution, nothing asked. Zoomed in: made whole.
    const asked = engine.of('previewEdit').length;
    await store.getState().setPreviewShown({ scale: 0.5, x: 30, y: 0, ratio: 1 });
    expect(engine.of('previewEdit')).toHaveLength(asked);
    await store.getState().setPreviewShown({ scale: 2, x: 0, y: 0, ratio: 1 });
    expect(engine.of('previewEdit')).toHaveLength(asked + 1);
    expect(previewImage(id)!.bitmap.width).toBe(10);
    expect(previewImage(id)).toMatchObject({ x: 5, y: 5, width: 10, height: 10 });
    expect(store.getState().maskPreview!.imageShown).toMatchObject({ scale: 2 });
  });
});
