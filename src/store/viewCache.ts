/**
 * Image views loaded ahead, so that switching to the next image draws in the next frame:
 * the engine builds the views (annotations, mask bitmaps) of the images likely shown next
 * and the page decodes their pictures while it is idle. A few views are kept (bounded
 * memory: the least recently used is released). Each view belongs to the `viewVersion`
 * it was loaded for; any edit, open or verdict change makes a new version and drops every
 * view of the old one, so an edited image is never shown from a view made before the edit.
 *
 * Generic over what a loaded view is: the canvas keeps decoded bitmaps (canvas/imageViews.ts),
 * the store's tests the engine's answer as it is.
 */
import type { AppState } from './appStore';

/**
 * Loads an image's view from the engine (and decodes what it needs to be drawn); a view
 * made at once (the engine sent it with an edit's answer) is returned as it is, and has
 * arrived as soon as it is asked for.
 */
export type FetchView<V> = (
  version: string,
  key: ViewKey,
  customColors: Record<string, string>,
) => V | Promise<V>;

/** The image, and the custom colours (as `colorsKey`) its masks were painted with. */
export type ViewKey = { subset: number; imageIndex: number; colorsKey: string };

export class ViewCache<V> {
  private readonly loading = new Map<string, Promise<V>>();
  /** The views that have arrived, for a switch to draw them in its first render. */
  private readonly arrived = new Map<string, V>();
  private version = '';
  /** The view last asked for to be shown (not ahead): never dropped to make room. */
  private shown = '';

  constructor(
    private readonly fetch: FetchView<V>,
    /** Frees what a view holds (bitmaps) once it leaves the cache. */
    private readonly release: (view: V) => void,
    /** How many views are kept: the current image, the one before it, those ahead. */
    private readonly capacity = 6,
    /** How many bytes the arrived views may hold in all (huge pictures), and a view's bytes. */
    private readonly budget: { bytes: number; sizeOf: (view: V) => number } | null = null,
  ) {}

  /** The view of `key` for `version`, to be shown: the cached one, or one loaded now. */
  load(version: string, key: ViewKey, customColors: Record<string, string>): Promise<V> {
    this.shown = keyText(key);
    return this.get(version, key, customColors);
  }

  private get(version: string, key: ViewKey, customColors: Record<string, string>): Promise<V> {
    if (version === this.version) return this.getCurrent(key, customColors);
    // The old version's views are released once the new one's first view is asked for:
    // that view (the shown image's, after an edit) may take over what they hold (a picture).
    const stale = [...this.arrived.values()];
    this.loading.clear();
    this.arrived.clear();
    this.version = version;
    try {
      return this.getCurrent(key, customColors);
    } finally {
      for (const view of stale) this.release(view);
    }
  }

  private getCurrent(key: ViewKey, customColors: Record<string, string>): Promise<V> {
    const version = this.version;
    const k = keyText(key);
    const hit = this.loading.get(k);
    if (hit !== undefined) {
      // Most recently used last.
      this.loading.delete(k);
      this.loading.set(k, hit);
      return hit;
    }
    const fetched = this.fetch(version, key, customColors);
    const loading = Promise.resolve(fetched);
    this.loading.set(k, loading);
    const arrive = (view: V) => {
      if (this.loading.get(k) !== loading) return this.release(view);
      this.arrived.set(k, view);
      this.keepWithinBudget();
    };
    if (fetched instanceof Promise)
      loading.then(arrive, () => {
        if (this.loading.get(k) === loading) this.loading.delete(k);
      });
    else arrive(fetched);
    while (this.loading.size > this.capacity) {
      const keys = [...this.loading.keys()];
      this.drop(keys[0] === this.shown ? keys[1]! : keys[0]!);
    }
    return loading;
  }

  /**
   * Loads the views of `images` (in `key`'s subset and colours) ahead, most likely first;
   * resolves once each has arrived or failed.
   */
  loadAhead(
    version: string,
    key: ViewKey,
    images: readonly number[],
    customColors: Record<string, string>,
  ): Promise<unknown> {
    return Promise.allSettled(
      images.map((imageIndex) => this.get(version, { ...key, imageIndex }, customColors)),
    );
  }

  /** Drops the least recently used views (never the one shown) until the rest fit the budget. */
  private keepWithinBudget(): void {
    if (this.budget === null) return;
    const { bytes, sizeOf } = this.budget;
    let total = 0;
    for (const view of this.arrived.values()) total += sizeOf(view);
    for (const k of [...this.loading.keys()]) {
      if (total <= bytes) return;
      const view = this.arrived.get(k);
      if (view === undefined || k === this.shown) continue;
      total -= sizeOf(view);
      this.drop(k);
    }
  }

  /** The view of `key` for `version` if it has arrived (loaded ahead), without waiting. */
  ready(version: string, key: ViewKey): V | undefined {
    return version === this.version ? this.arrived.get(keyText(key)) : undefined;
  }

  /** Whether the view of `key` for `version` is loaded or on its way. */
  has(version: string, key: ViewKey): boolean {
    return version === this.version && this.loading.has(keyText(key));
  }

  clear(): void {
    for (const k of [...this.loading.keys()]) this.drop(k);
  }

  private drop(k: string): void {
    const view = this.arrived.get(k);
    this.loading.delete(k);
    this.arrived.delete(k);
    // A view still on its way is released when it arrives (see load).
    if (view !== undefined) this.release(view);
  }
}

function keyText(key: ViewKey): string {
  return `${key.subset}:${key.imageIndex}:${key.colorsKey}`;
}

/**
 * The images likely shown after `imageIndex`, most likely first: the next and the previous
 * in the list's order (the filter's, when one is on), then the one after the next.
 */
export function imagesAround(state: AppState, imageIndex: number): number[] {
  const count = state.summary?.subsets[state.subsetIndex]?.images.ids.length ?? 0;
  const shown = state.shownImages;
  const row = shown === null ? imageIndex : shown.indexOf(imageIndex);
  if (row < 0) return shown !== null && shown.length > 0 ? [shown[0]!] : [];
  const at = (r: number) => (shown === null ? r : (shown[r] ?? -1));
  const rows = shown === null ? count : shown.length;
  return [row + 1, row - 1, row + 2]
    .filter((r) => r >= 0 && r < rows)
    .map(at)
    .filter((i) => i >= 0 && i < count && i !== imageIndex);
}
