import { describe, expect, it } from 'vitest';
import type { ImageView } from '../worker/protocol';
import { viewVersion } from './predictionsSlice';
import { openStore, relabel, type Opened } from './testing/openStore';
import { imagesAround, ViewCache } from './viewCache';

const COLORS = {};
const at = (imageIndex: number) => ({ subset: 0, imageIndex, colorsKey: '{}' });

/** A cache over the store's fake engine, as the canvas keeps one over the page's engine. */
function cacheOf({ engine }: Opened, capacity?: number, bytes?: number) {
  const released: ImageView[] = [];
  const cache = new ViewCache<ImageView>(
    (_version, key, colors) => engine.imageView(key.subset, key.imageIndex, colors),
    (view) => released.push(view),
    capacity,
    // Each view counted as 100 bytes.
    bytes === undefined ? null : { bytes, sizeOf: () => 100 },
  );
  return { cache, released };
}

/** What the canvas does once an image is shown: load the images around it ahead. */
async function showAndLoadAhead(opened: Opened, cache: ViewCache<ImageView>) {
  const state = opened.store.getState();
  const version = viewVersion(state);
  const shown = await cache.load(version, at(state.imageIndex), COLORS);
  const ahead = imagesAround(state, state.imageIndex);
  await cache.loadAhead(version, at(state.imageIndex), ahead, COLORS);
  return { shown, ahead };
}

const categoryOf = (view: ImageView, id: number) =>
  view.annotations.find((a) => a.id === id)?.categoryId;

describe('image views loaded ahead', () => {
  it('a switch to an image loaded ahead asks the engine for nothing', async () => {
    const opened = await openStore();
    const { cache } = cacheOf(opened);
    const { ahead } = await showAndLoadAhead(opened, cache);
    expect(ahead).toEqual([1, 2]);
    const asked = opened.engine.of('imageView').length;
    expect(asked).toBe(3);

    opened.store.getState().setImage(1);
    const version = viewVersion(opened.store.getState());
    // Ready for the switch's first render, without waiting.
    const ready = cache.ready(version, at(1));
    expect(ready?.annotations.map((a) => a.id)).toEqual([3, 4]);
    expect(await cache.load(version, at(1), COLORS)).toBe(ready);
    expect(opened.engine.of('imageView')).toHaveLength(asked);
    // The previous image is kept for a switch back, too.
    expect(cache.ready(version, at(0))).toBeDefined();
  });

  it('an edit drops the views made before it: the edited image is loaded again, as edited', async () => {
    const opened = await openStore();
    const { cache, released } = cacheOf(opened);
    await showAndLoadAhead(opened, cache);
    const before = viewVersion(opened.store.getState());
    expect(categoryOf(cache.ready(before, at(1))!, 3)).toBe(1);

    await opened.store.getState().edit('Label 3 as dog', relabel(3, 2));
    const after = viewVersion(opened.store.getState());
    expect(after).not.toBe(before);
    expect(cache.ready(after, at(1))).toBeUndefined();
    const asked = opened.engine.of('imageView').length;
    const view = await cache.load(after, at(1), COLORS);
    expect(opened.engine.of('imageView')).toHaveLength(asked + 1);
    // Every view of the old version was let go (its bitmaps closed in the page).
    expect(released.map((v) => v.imageIndex).sort()).toEqual([0, 1, 2]);
    expect(categoryOf(view, 3)).toBe(2);
  });

  it('a view on its way when an edit lands is never shown for the edited dataset', async () => {
    const opened = await openStore();
    const { cache, released } = cacheOf(opened);
    const before = viewVersion(opened.store.getState());
    opened.engine.hold('imageView');
    const stale = cache.load(before, at(1), COLORS);
    await opened.engine.nth('imageView', 1);
    await opened.store.getState().edit('Label 3 as dog', relabel(3, 2));
    const after = viewVersion(opened.store.getState());
    const fresh = cache.load(after, at(1), COLORS);
    opened.engine.release('imageView');
    const [old, current] = await Promise.all([stale, fresh]);
    expect(categoryOf(old, 3)).toBe(1);
    expect(categoryOf(current, 3)).toBe(2);
    expect(cache.ready(after, at(1))).toBe(current);
    // The stale answer was released as it arrived, not kept.
    expect(released).toEqual([old]);
  });

  it('a view made at once has arrived as soon as it is asked for; the old ones go after it is made', async () => {
    const opened = await openStore();
    const made: ImageView[] = [];
    const releasedWhenMade: number[] = [];
    const released: ImageView[] = [];
    // The page's cache makes an edit's view at once from the engine's answer, taking over
    // what the image's view before the edit holds (its picture): that one is still held.
    const cache = new ViewCache<ImageView>(
      (_version, key) => {
        const view = made.find((v) => v.imageIndex === key.imageIndex);
        if (view === undefined) return opened.engine.imageView(key.subset, key.imageIndex, {});
        releasedWhenMade.push(released.length);
        return { ...view };
      },
      (view) => released.push(view),
    );
    const before = viewVersion(opened.store.getState());
    made.push(await cache.load(before, at(0), COLORS));
    await cache.loadAhead(before, at(0), [1], COLORS);

    await opened.store.getState().edit('Label 3 as dog', relabel(3, 2));
    const after = viewVersion(opened.store.getState());
    const asked = opened.engine.of('imageView').length;
    void cache.load(after, at(0), COLORS);
    // Ready for the render that shows the edit, with no wait and no request.
    const ready = cache.ready(after, at(0));
    expect(ready?.imageIndex).toBe(0);
    expect(ready).not.toBe(made[0]);
    expect(opened.engine.of('imageView')).toHaveLength(asked);
    expect(await cache.load(after, at(0), COLORS)).toBe(ready);
    // The views of before the edit were released after the new one was made, not before.
    expect(releasedWhenMade).toEqual([0]);
    expect(released.map((v) => v.imageIndex).sort()).toEqual([0, 1]);
  });

  it('keeps at most its capacity, letting the least recently used go', async () => {
    const opened = await openStore();
    const { cache, released } = cacheOf(opened, 2);
    const version = viewVersion(opened.store.getState());
    const first = await cache.load(version, at(0), COLORS);
    await cache.load(version, at(1), COLORS);
    await cache.load(version, at(0), COLORS);
    const third = await cache.load(version, at(2), COLORS);
    expect(released.map((v) => v.imageIndex)).toEqual([1]);
    expect(cache.ready(version, at(0))).toBe(first);
    expect(cache.ready(version, at(2))).toBe(third);
    expect(cache.has(version, at(1))).toBe(false);
  });

  it('keeps the views within their bytes, never dropping the one shown', async () => {
    const opened = await openStore();
    const { cache, released } = cacheOf(opened, 6, 200);
    const version = viewVersion(opened.store.getState());
    const shown = await cache.load(version, at(0), COLORS);
    await cache.loadAhead(version, at(0), [1], COLORS);
    await cache.loadAhead(version, at(0), [2], COLORS);
    // The shown view is the least recently used but stays; image 1 is next, and goes.
    expect(released.map((v) => v.imageIndex)).toEqual([1]);
    expect(cache.ready(version, at(0))).toBe(shown);
    expect(cache.ready(version, at(2))?.imageIndex).toBe(2);
  });

  it('loads ahead in the order the filtered list shows', async () => {
    const opened = await openStore();
    const { store } = opened;
    await store.getState().setFilter({ hasCrowd: true });
    expect([...store.getState().shownImages!]).toEqual([1]);
    expect(imagesAround(store.getState(), 1)).toEqual([]);
    // The current image outside the filter: the list's first image is next.
    expect(imagesAround(store.getState(), 0)).toEqual([1]);
    await store.getState().setFilter({ hasCrowd: false });
    expect(imagesAround(store.getState(), 1)).toEqual([2, 0]);
  });
});
