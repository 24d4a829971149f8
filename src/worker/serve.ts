/**
 * The engine's side of the protocol, without the browser: one handler per request type,
 * in a table typed by the protocol's map (`Answers` in protocol.ts), so a handler that
 * answered a request with the wrong answer, or a request left without a handler, does
 * not compile. What only a browser has (bitmaps, PNG decoding, `postMessage`) comes in as
 * a `Shell`: engine.worker.ts gives the real one, the Node tests a fake
 * (testing/engineHarness.ts).
 */
import { setMask } from './annotationBody';
import { Engine } from './engine';
import { ExportCancelled } from './exportFiles';
import { maskImageOf, type MaskPixels } from './maskPixels';
import { OpenError } from './openFiles';
import { PreparedMask } from './preparedMask';
import { readersOn } from './readerPort';
import { warmUpFile, warmUpResultsFile } from './warmUp';
import type { RgbaImage } from './panoptic';
import {
  firstImageIndex,
  type Answers,
  type EngineError,
  type ImageMistakes,
  type ImageView,
  type MaskImage,
  type OpenPhase,
  type OpenSummary,
  type Request,
  type RequestOf,
  type Response,
} from './protocol';

export type Shell = {
  /** Sends a message to the page; `transfer` lists what is moved, not copied. */
  post: (message: Response, transfer: Transferable[]) => void;
  /** A mask's pixels as one bitmap for the canvas. */
  toBitmap: (pixels: MaskPixels) => Promise<ImageBitmap>;
  /** A PNG's exact pixel values (panoptic segment maps): no colour management. */
  decodePng: (blob: Blob) => Promise<RgbaImage>;
  /** A clock in milliseconds, for the progress throttle. */
  now: () => number;
};

/** Progress is sent at most every 50 ms (and always at the end), so it never floods the page. */
export const PROGRESS_INTERVAL_MS = 50;

/** What a handler may do besides answering. */
type Context = {
  progress: (phase: OpenPhase, file: string, done: number, total: number) => void;
  /** Moves a buffer or bitmap of the answer to the page instead of copying it. */
  transfer: (item: Transferable) => void;
};

type Handlers = {
  [T in Request['type']]: (
    request: RequestOf<T>,
    context: Context,
  ) => Answers[T] | Promise<Answers[T]>;
};

/** `requestsSeen`: how many requests the page has sent so far (the warm-up yields to them). */
function handlersFor(engine: Engine, shell: Shell, requestsSeen: () => number): Handlers {
  const prepared = new PreparedMask(shell.toBitmap);
  return {
    open: async (r, { progress, transfer }) => {
      const readers = r.reader ? readersOn(r.reader.port, r.reader.scansTail) : null;
      const summary = await engine.open(r.files, progress, readers);
      const firstView = await firstViewOf(engine, shell, summary, r.firstImage, transfer);
      return { type: 'opened', summary, firstView };
    },
    'add-images': async (r) => ({
      type: 'images-added',
      summary: await engine.addPictures(r.files),
    }),
    'image-view': async (r, { transfer }) => ({
      type: 'image-view',
      view: await imageView(engine, shell, r, transfer, prepared),
    }),
    'filter-images': (r, { transfer }) => {
      const images = engine.filterImages(r.subset, r.filter);
      transfer(images.buffer);
      return { type: 'images-filtered', images };
    },
    picture: async (r) => ({
      type: 'picture',
      picture: await engine.picture(r.subset, r.imageIndex),
    }),
    edit: async (r, { transfer }) => {
      const edited = engine.edit(r.subset, r.command);
      // The masks the page holds are not made again, nor the one an Apply's preview made.
      const view =
        r.view === undefined
          ? null
          : await imageView(
              engine,
              shell,
              { subset: r.subset, ...r.view },
              transfer,
              prepared,
            ).catch(() => null);
      return { type: 'edited', ...edited, view };
    },
    'preview-edit': async (r, { transfer }) => {
      const { preview, pixels } = engine.previewEdit(r.subset, r.command, r.shown ?? null);
      const colors = r.customColors;
      if (colors !== undefined)
        prepared.prepare(() => engine.appliedMask(r.subset, r.command, colors, r.shown ?? null));
      const image = pixels === null ? null : await sent(shell, pixels, transfer);
      return { type: 'edit-previewed', preview: { ...preview, image } };
    },
    'whole-mask': async (r, { transfer }) => {
      const pixels = engine.wholeMask(r.token);
      return { type: 'whole-mask', image: pixels && (await sent(shell, pixels, transfer)) };
    },
    'apply-patches': (r) => ({ type: 'edited', ...engine.applyPatches(r.subset, r.patches) }),
    export: async (r, { progress }) => ({
      type: 'exported',
      files: await engine.export(r.format, r.subset, r.settings, progress),
    }),
    'cancel-export': () => {
      engine.cancelExport();
      return null;
    },
    check: async (r, { progress }) => ({
      type: 'checked',
      ...(await engine.check(r.subset, (done, total) => progress('checking', '', done, total))),
    }),
    'add-predictions': async (r, { progress }) => ({
      type: 'predictions-added',
      ...(await engine.addPredictions(r.subset, r.files, progress)),
    }),
    evaluate: async (r, { progress, transfer }) => {
      const evaluated = await engine.evaluate(r.subset, r.iouType, (done, total) =>
        progress('evaluating', r.iouType, done, total),
      );
      transferMistakes(evaluated.mistakes, transfer);
      return { type: 'evaluated', ...evaluated };
    },
    'match-threshold': (r, { transfer }) => {
      const matched = engine.matchThreshold(r.subset, r.threshold);
      transferMistakes(matched.mistakes, transfer);
      return { type: 'matched', ...matched };
    },
    stats: (r) => ({ type: 'stats', stats: engine.stats(r.subset) }),
    preflight: (r) => ({ type: 'preflighted', findings: engine.preflight(r.subset, r.settings) }),
    walk: (r) => ({ type: 'walked', ...engine.walk(r.subset, r.kind, r.from, r.step) }),
    'warm-up': async () => {
      // An engine of its own, thrown away after: the one that answers the page is untouched.
      const quiet = serve(new Engine(), { ...shell, post: () => {} });
      const asked = requestsSeen();
      await quiet({ type: 'open', id: 0, files: [warmUpFile()], firstImage: null });
      // Then an evaluation (a first one ran 15–30% slower cold), unless the page asked
      // something meanwhile: then its requests are not kept waiting for one.
      if (requestsSeen() > asked) return { type: 'warmed' };
      const files = [warmUpResultsFile()];
      await quiet({ type: 'add-predictions', id: 0, subset: 0, files });
      for (const iouType of ['segm', 'bbox'] as const) {
        if (requestsSeen() > asked) break;
        await quiet({ type: 'evaluate', id: 0, subset: 0, iouType });
      }
      return { type: 'warmed' };
    },
  };
}

/** Mask pixels made a bitmap, moved to the page with the answer. */
async function sent(
  shell: Shell,
  pixels: MaskPixels,
  transfer: (item: Transferable) => void,
): Promise<MaskImage> {
  const bitmap = await shell.toBitmap(pixels);
  transfer(bitmap);
  return maskImageOf(pixels, bitmap);
}

/** The image's annotations with their masks as bitmaps (moved to the page), and its picture. */
async function imageView(
  engine: Engine,
  shell: Shell,
  r: Pick<RequestOf<'image-view'>, 'subset' | 'imageIndex' | 'customColors' | 'held'>,
  transfer: (item: Transferable) => void,
  prepared: PreparedMask | null = null,
): Promise<ImageView> {
  const held = new Set(r.held ?? []);
  // A mask made ahead (the Apply of a previewed mask command) is not made again either.
  const ahead = await prepared?.token();
  const parts = await engine.imageView(
    r.subset,
    r.imageIndex,
    r.customColors,
    shell.decodePng,
    ahead == null ? held : new Set([...held, ahead]),
  );
  for (const [i, token] of parts.maskTokens) {
    if (token !== ahead || held.has(token)) continue;
    const image = await prepared!.take(token);
    if (image === null) continue;
    transfer(image.bitmap);
    setMask(parts.annotations[i]!, image);
  }
  await Promise.all([
    ...[...parts.masks].map(async ([i, px]) => {
      setMask(parts.annotations[i]!, await sent(shell, px, transfer));
    }),
    ...[...parts.predictionMasks].map(async ([i, px]) => {
      setMask(parts.predictions[i]!, await sent(shell, px, transfer));
    }),
  ]);
  const picture = await engine.pictureOf(r.subset, r.imageIndex);
  return {
    subset: r.subset,
    imageIndex: r.imageIndex,
    annotations: parts.annotations,
    picture: picture.picture,
    pictureError: picture.error,
    problems: parts.problems,
    predictions: parts.predictions,
    maskTokens: [...parts.maskTokens].map(([i, token]) => [parts.annotations[i]!.key, token]),
  };
}

/**
 * The view of the image the page shows first after an open, sent with the open's answer so
 * that the page draws it without a second request. null when there is no image, or when it
 * cannot be made: the page then asks for it, and is told why.
 */
async function firstViewOf(
  engine: Engine,
  shell: Shell,
  summary: OpenSummary,
  wanted: string | null | undefined,
  transfer: (item: Transferable) => void,
): Promise<ImageView | null> {
  const images = summary.subsets[0]?.images;
  if (images === undefined || images.ids.length === 0) return null;
  const imageIndex = firstImageIndex(images, wanted);
  try {
    return await imageView(engine, shell, { subset: 0, imageIndex, customColors: {} }, transfer);
  } catch {
    return null;
  }
}

/** A handler picked by the request's own type, so the compiler pairs the two. */
function run<T extends Request['type']>(
  handlers: Handlers,
  type: T,
  request: RequestOf<T>,
  context: Context,
): Answers[T] | Promise<Answers[T]> {
  return handlers[type](request, context);
}

export function toEngineError(error: unknown): EngineError {
  if (error instanceof OpenError) return error.detail;
  if (error instanceof ExportCancelled)
    return { file: '', place: '', message: 'export cancelled', code: 'cancelled' };
  return { file: '', place: '', message: error instanceof Error ? error.message : String(error) };
}

/**
 * Answers each request it is given through `shell.post`: progress while it works, then its
 * answer (or `failed`). Resolves once the request is answered; never rejects.
 */
/** Per-image counts are made for the answer: moved, not copied. */
function transferMistakes(
  mistakes: ImageMistakes | null,
  transfer: (item: Transferable) => void,
): void {
  if (mistakes === null) return;
  transfer(mistakes.falsePositives.buffer);
  transfer(mistakes.misses.buffer);
}

export function serve(engine: Engine, shell: Shell): (request: Request) => Promise<void> {
  let requests = 0;
  const handlers = handlersFor(engine, shell, () => requests);
  return async (request) => {
    requests++;
    const { id } = request;
    let last = -Infinity;
    const transfers: Transferable[] = [];
    const context: Context = {
      progress: (phase, file, done, total) => {
        const now = shell.now();
        if (now - last < PROGRESS_INTERVAL_MS && done < total) return;
        last = now;
        shell.post({ type: 'progress', id, phase, file, done, total }, []);
      },
      transfer: (item) => transfers.push(item),
    };
    try {
      const answer = await run(handlers, request.type, request, context);
      if (answer !== null) shell.post({ ...answer, id }, transfers);
    } catch (error) {
      shell.post({ type: 'failed', id, error: toEngineError(error) }, []);
    }
  };
}
