/**
 * Loads image views from the engine and keeps their bitmaps (the picture and the masks)
 * out of the store: the store gets plain annotations, the canvas reads the bitmaps from
 * here. A few views stay cached (store/viewCache.ts: the current image, the previous, and
 * those loaded ahead); evicted bitmaps are closed so their memory is freed at once.
 */
import { setHeldMasksSource } from '../store/editSlice';
import { engine } from '../store/engine';
import { holdMask, pinMasks, releaseMask, takeWholeMask } from './heldMasks';
import { viewVersion, type PlainPrediction } from '../store/predictionsSlice';
import { useApp } from '../store/store';
import { ViewCache } from '../store/viewCache';
import type { PlainAnnotation } from '../store/viewSlice';
import type { ImageView, MaskImage, ViewAnnotation, ViewPrediction } from '../worker/protocol';

export type LoadedView = {
  /** The versions it was loaded for (`viewVersion` in predictionsSlice.ts). */
  version: string;
  subset: number;
  imageIndex: number;
  picture: ImageBitmap | null;
  /** Why the picture could not be shown (corrupt file), when it could not. */
  pictureError: string | null;
  /** Said when the picture's size differs from what the dataset says (drawn at the dataset's). */
  pictureWarning: string | null;
  masks: Map<number, MaskImage>;
  /** The token of each mask in `masks` the engine named (shared bitmaps: heldMasks.ts). */
  maskTokens: Map<number, string>;
  annotations: PlainAnnotation[];
  /** Detections over the ground truth, and their masks by position in the results list. */
  predictions: PlainPrediction[];
  predictionMasks: Map<number, MaskImage>;
  problems: ImageView['problems'];
};

/** Pictures larger than this are decoded downscaled (a 20000×20000 picture would take 1.6 GB). */
const MAX_PICTURE_PIXELS = 8192 * 8192;

/** What the cached views' bitmaps may take in all (the shown one is kept whatever its size). */
const VIEW_BYTES = 512e6;

/** The page's views: the current image's and those loaded ahead (store/viewCache.ts). */
export const pageViews = new ViewCache<LoadedView>(
  (version, { subset, imageIndex }, customColors) =>
    loadView(version, subset, imageIndex, customColors),
  release,
  6,
  { bytes: VIEW_BYTES, sizeOf: bytesOf },
);

/** A decoded picture, or why there is none. */
type Picture = Pick<LoadedView, 'picture' | 'pictureError' | 'pictureWarning'>;

/** A decoded picture shared by the views of its image, and how many hold it. */
type HeldPicture = Picture & { key: string; users: number };

/**
 * The decoded pictures the cached views hold, by image (`dataset version:subset:image`):
 * an image's view made after an edit takes the picture of its view before (an edit never
 * changes a picture) instead of decoding it again. Closed when its last view is released.
 */
const pictures = new Map<string, HeldPicture>();
const heldBy = new WeakMap<LoadedView, HeldPicture>();

function pictureKey(subset: number, imageIndex: number): string {
  return `${useApp.getState().datasetVersion}:${subset}:${imageIndex}`;
}

/** The view, holding its picture (shared with the image's other views when decoded). */
function hold(view: LoadedView, key: string): LoadedView {
  let held = pictures.get(key);
  if (held === undefined || held.picture !== view.picture) {
    const { picture, pictureError, pictureWarning } = view;
    held = { picture, pictureError, pictureWarning, key, users: 0 };
    if (picture !== null) pictures.set(key, held);
  }
  held.users++;
  heldBy.set(view, held);
  return view;
}

/**
 * An image's view: made at once from the view the engine sent with an edit's answer when
 * its picture is decoded already (or it has none), so that the store's update for the
 * edit and the redrawn image make one render; else asked for and decoded.
 */
function loadView(
  version: string,
  subset: number,
  imageIndex: number,
  customColors: Record<string, string>,
): LoadedView | Promise<LoadedView> {
  const key = pictureKey(subset, imageIndex);
  const sent = engine.takeReadyView(subset, imageIndex, customColors);
  const pins = sent === null ? [] : takeEditPins(key);
  const made = sent === null ? null : withoutDecoding(version, subset, imageIndex, sent, key);
  if (made !== null) {
    pins.forEach((unhold) => unhold());
    return made;
  }
  return fetchView(version, subset, imageIndex, customColors, sent, key).finally(() =>
    pins.forEach((unhold) => unhold()),
  );
}

/**
 * The masks an edit's answer was told the page holds (its view sends them without
 * bitmaps), each held once more until a view sent with an answer is made of them.
 */
const editPins = new Map<string, (() => void)[]>();

function takeEditPins(key: string): (() => void)[] {
  const pins = editPins.get(key) ?? [];
  editPins.delete(key);
  return pins;
}

// Edits run one at a time: an answer's view not made (the user went to another image) is
// let go at the next edit's, so pins never pile up.
setHeldMasksSource((subset, imageIndex) => {
  const key = pictureKey(subset, imageIndex);
  const { tokens, unhold } = pinMasks(key);
  for (const pins of editPins.values()) pins.forEach((release) => release());
  editPins.clear();
  editPins.set(key, [unhold]);
  return tokens;
});

/** The view made now, when its picture needs no decoding (there is none, or it is held). */
function withoutDecoding(
  version: string,
  subset: number,
  imageIndex: number,
  view: ImageView,
  key: string,
): LoadedView | null {
  const held = pictures.get(key);
  if (view.picture !== null && held === undefined) return null;
  const picture = held ?? { picture: null, pictureError: view.pictureError, pictureWarning: null };
  return hold(toLoadedView(version, subset, imageIndex, view, picture, key), key);
}

/** The decoded pixels a view holds (4 bytes each). */
function bytesOf(view: LoadedView): number {
  let pixels = view.picture === null ? 0 : view.picture.width * view.picture.height;
  for (const m of view.masks.values()) pixels += m.bitmap.width * m.bitmap.height;
  for (const m of view.predictionMasks.values()) pixels += m.bitmap.width * m.bitmap.height;
  return pixels * 4;
}

/**
 * The current image's view is asked for as soon as the store names it (an open's answer, a
 * switch, an edit), not after React has rendered the change: the engine builds it while the
 * page renders the panels, and useCurrentView's request finds it in the cache. Checked once
 * the store's changes of the moment are all made (an open sets the summary, then the image).
 */
let asked = '';
let checking = false;
useApp.subscribe(() => {
  if (checking) return;
  checking = true;
  queueMicrotask(() => {
    checking = false;
    const s = useApp.getState();
    const images = s.summary?.subsets[s.subsetIndex]?.images;
    if (images === undefined || s.imageIndex >= images.ids.length || !engine.hasDataset) return;
    const version = viewVersion(s);
    const key = {
      subset: s.subsetIndex,
      imageIndex: s.imageIndex,
      colorsKey: JSON.stringify(s.customColors),
    };
    const wanted = `${version}|${key.subset}:${key.imageIndex}:${key.colorsKey}`;
    if (wanted === asked) return;
    asked = wanted;
    pageViews.load(version, key, s.customColors).catch(() => {});
    // Made at once (an edit's answer brought it) and the panels show this image: they get
    // its annotations now, in the same render as the edit's other changes and the canvas.
    const made = pageViews.ready(version, key);
    if (
      made !== undefined &&
      s.loaded?.subset === key.subset &&
      s.loaded.imageIndex === key.imageIndex
    )
      s.setLoaded(
        { subset: key.subset, imageIndex: key.imageIndex },
        made.annotations,
        made.problems,
        made.predictions,
      );
  });
});

function release(view: LoadedView): void {
  const held = heldBy.get(view);
  if (held === undefined) view.picture?.close();
  else if (--held.users === 0) {
    if (pictures.get(held.key) === held) pictures.delete(held.key);
    held.picture?.close();
  }
  for (const [key, m] of view.masks) {
    const token = view.maskTokens.get(key);
    if (token === undefined) m.bitmap.close();
    else releaseMask(token);
  }
  for (const m of view.predictionMasks.values()) m.bitmap.close();
}

async function fetchView(
  version: string,
  subset: number,
  imageIndex: number,
  customColors: Record<string, string>,
  sent: ImageView | null,
  key: string,
): Promise<LoadedView> {
  // The masks held are kept until the new view has taken those it draws from here.
  const pinned = sent === null ? pinMasks(key) : null;
  try {
    const view = sent ?? (await engine.imageView(subset, imageIndex, customColors, pinned!.tokens));
    return await viewOf(version, subset, imageIndex, view, key);
  } finally {
    pinned?.unhold();
  }
}

/** The view with its picture decoded (or taken from the image's other views). */
async function viewOf(
  version: string,
  subset: number,
  imageIndex: number,
  view: ImageView,
  key: string,
): Promise<LoadedView> {
  const images = useApp.getState().summary?.subsets[subset]?.images;
  const size = { width: images?.widths[imageIndex] ?? 0, height: images?.heights[imageIndex] ?? 0 };
  if (view.picture === null || pictures.has(key))
    return withoutDecoding(version, subset, imageIndex, view, key)!;
  let picture: ImageBitmap | null = null;
  let pictureError: string | null = view.pictureError;
  let pictureWarning: string | null = null;
  try {
    picture = await decodePicture(view.picture, size);
    const scaled = size.width * size.height > MAX_PICTURE_PIXELS;
    if (
      !scaled &&
      size.width > 0 &&
      (picture.width !== size.width || picture.height !== size.height)
    ) {
      pictureWarning = `the picture is ${picture.width}×${picture.height}, the dataset says ${size.width}×${size.height}: drawn at the dataset's size`;
    } else if (scaled) {
      pictureWarning = `a ${size.width}×${size.height} picture: shown at ${picture.width}×${picture.height}`;
    }
  } catch {
    pictureError = 'the picture could not be decoded (corrupt or unsupported file)';
  }
  return hold(
    toLoadedView(version, subset, imageIndex, view, { picture, pictureError, pictureWarning }, key),
    key,
  );
}

/**
 * The engine's view with its bitmaps out of the annotations, and its picture. Masks the
 * engine named by token are shared (heldMasks.ts): a new bitmap is held there, a held
 * one (sent without a bitmap) is taken from there.
 */
function toLoadedView(
  version: string,
  subset: number,
  imageIndex: number,
  view: ImageView,
  picture: Picture,
  imageKey: string,
): LoadedView {
  const masks = new Map<number, MaskImage>();
  const annotations = view.annotations.map((a) => plainAnnotation(a, masks));
  const maskTokens = new Map<number, string>();
  for (const [key, token] of view.maskTokens) {
    const sent = masks.get(key);
    const image = holdMask(token, sent, imageKey);
    if (image === undefined) continue;
    masks.set(key, image);
    maskTokens.set(key, token);
    // Drawn at once as the canvas shows it; every pixel comes next (MaskImage.sampled).
    if (image === sent && image.sampled === true)
      engine.wholeMask(token).then(
        (whole) => whole !== null && takeWholeMask(token, whole),
        () => {},
      );
  }
  const predictionMasks = new Map<number, MaskImage>();
  const predictions = view.predictions.map((p) => plainPrediction(p, predictionMasks));
  return {
    version,
    subset,
    imageIndex,
    picture: picture.picture,
    pictureError: picture.pictureError,
    pictureWarning: picture.pictureWarning,
    masks,
    maskTokens,
    annotations: annotations.map((a) =>
      'hasMask' in a && !a.hasMask && masks.has(a.key) ? { ...a, hasMask: true } : a,
    ),
    predictions,
    predictionMasks,
    problems: view.problems,
  };
}

/** The annotation without its bitmap, which goes into `masks` under its key. */
function plainAnnotation(a: ViewAnnotation, masks: Map<number, MaskImage>): PlainAnnotation {
  if (a.kind !== 'mask' && a.kind !== 'segment') return a;
  const { mask, ...rest } = a;
  if (mask !== null) masks.set(a.key, mask);
  return { ...rest, hasMask: mask !== null };
}

/** The detection without its bitmap, which goes into `masks` under its key. */
function plainPrediction(p: ViewPrediction, masks: Map<number, MaskImage>): PlainPrediction {
  if (p.kind !== 'mask' && p.kind !== 'segment') return p;
  const { mask, ...rest } = p;
  if (mask !== null) masks.set(p.key, mask);
  return { ...rest, hasMask: mask !== null };
}

/** Decodes off the main thread; huge pictures are scaled down to the largest size that fits. */
async function decodePicture(
  blob: Blob,
  size: { width: number; height: number },
): Promise<ImageBitmap> {
  const pixels = size.width * size.height;
  const source = blob.type === 'image/svg+xml' ? await svgImage(blob, size) : blob;
  if (pixels > MAX_PICTURE_PIXELS) {
    const scale = Math.sqrt(MAX_PICTURE_PIXELS / pixels);
    return createImageBitmap(source, {
      resizeWidth: Math.floor(size.width * scale),
      resizeQuality: 'medium',
    });
  }
  return createImageBitmap(source);
}

/**
 * An SVG picture, rendered as an image and never as a document: through an <img>, where
 * it can run no script and load nothing, at the size the dataset gives it.
 */
function svgImage(blob: Blob, size: { width: number; height: number }): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const url = URL.createObjectURL(blob);
    const img = new Image(size.width || undefined, size.height || undefined);
    img.onload = () => {
      URL.revokeObjectURL(url);
      resolve(img);
    };
    img.onerror = () => {
      URL.revokeObjectURL(url);
      reject(new Error('the SVG could not be rendered'));
    };
    img.src = url;
  });
}
