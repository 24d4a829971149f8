/**
 * Loads the current image's view from the engine and keeps its bitmaps (the picture and
 * the masks) out of the store: the store gets plain annotations, the canvas reads the
 * bitmaps from here. A few views stay cached (the previous and the prefetched next
 * image); evicted bitmaps are closed so their memory is freed at once.
 */
import { engine } from '../store/engine';
import type { PlainPrediction } from '../store/predictionsSlice';
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
  annotations: PlainAnnotation[];
  /** Detections over the ground truth, and their masks by position in the results list. */
  predictions: PlainPrediction[];
  predictionMasks: Map<number, MaskImage>;
  problems: ImageView['problems'];
};

const CACHE_SIZE = 6;
/** Pictures larger than this are decoded downscaled (a 20000×20000 picture would take 1.6 GB). */
const MAX_PICTURE_PIXELS = 8192 * 8192;

const cache = new Map<string, Promise<LoadedView>>();
/** The cached views that have arrived, for a switch to draw them in its first render. */
const ready = new Map<string, LoadedView>();
let cachedVersion = '';

function keyOf(subset: number, imageIndex: number, colorsKey: string): string {
  return `${subset}:${imageIndex}:${colorsKey}`;
}

export function loadView(
  version: string,
  subset: number,
  imageIndex: number,
  customColors: Record<string, string>,
  colorsKey: string,
  size: { width: number; height: number },
): Promise<LoadedView> {
  if (version !== cachedVersion) {
    clearViews();
    cachedVersion = version;
  }
  const key = keyOf(subset, imageIndex, colorsKey);
  const hit = cache.get(key);
  if (hit !== undefined) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const loading = fetchView(version, subset, imageIndex, customColors, size);
  cache.set(key, loading);
  loading.then(
    (view) => {
      if (cache.get(key) === loading) ready.set(key, view);
    },
    () => cache.delete(key),
  );
  while (cache.size > CACHE_SIZE) {
    const oldest = cache.keys().next().value as string;
    const evicted = cache.get(oldest)!;
    cache.delete(oldest);
    ready.delete(oldest);
    void evicted.then(release, () => {});
  }
  return loading;
}

/** The view if it has arrived (a prefetched next image, say), without waiting. */
export function readyView(
  version: string,
  subset: number,
  imageIndex: number,
  colorsKey: string,
): LoadedView | undefined {
  return version === cachedVersion ? ready.get(keyOf(subset, imageIndex, colorsKey)) : undefined;
}

export function clearViews(): void {
  for (const view of cache.values()) void view.then(release, () => {});
  cache.clear();
  ready.clear();
}

function release(view: LoadedView): void {
  view.picture?.close();
  for (const m of view.masks.values()) m.bitmap.close();
  for (const m of view.predictionMasks.values()) m.bitmap.close();
}

async function fetchView(
  version: string,
  subset: number,
  imageIndex: number,
  customColors: Record<string, string>,
  size: { width: number; height: number },
): Promise<LoadedView> {
  const view = await engine.imageView(subset, imageIndex, customColors);
  const masks = new Map<number, MaskImage>();
  const annotations = view.annotations.map((a) => plainAnnotation(a, masks));
  const predictionMasks = new Map<number, MaskImage>();
  const predictions = view.predictions.map((p) => plainPrediction(p, predictionMasks));
  let picture: ImageBitmap | null = null;
  let pictureError: string | null = view.pictureError;
  let pictureWarning: string | null = null;
  if (view.picture !== null) {
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
  }
  return {
    version,
    subset,
    imageIndex,
    picture,
    pictureError,
    pictureWarning,
    masks,
    annotations,
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
