/**
 * The worker shell around the data engine: turns messages into Engine calls and answers,
 * with buffers and bitmaps in transfer lists. No logic of its own.
 */
// First: no module after it may reach the network (see lockdown.ts).
import './lockedDown';
import { Engine } from './engine';
import { ExportCancelled } from './exportFiles';
import { OpenError } from './openFiles';
import type { RgbaImage } from './panoptic';
import type { MaskPixels } from './maskPixels';
import type { EngineError, ImageView, MaskImage, Request, Response } from './protocol';

const engine = new Engine();

/** A PNG's exact pixel values: no colour management, no premultiplied alpha. */
async function decodePng(blob: Blob): Promise<RgbaImage> {
  const bitmap = await createImageBitmap(blob, {
    colorSpaceConversion: 'none',
    premultiplyAlpha: 'none',
  });
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const ctx = canvas.getContext('2d', { colorSpace: 'srgb' })!;
  ctx.drawImage(bitmap, 0, 0);
  bitmap.close();
  return {
    data: ctx.getImageData(0, 0, canvas.width, canvas.height).data,
    width: canvas.width,
    height: canvas.height,
  };
}
const post = (message: Response, transfer: Transferable[] = []) =>
  self.postMessage(message, { transfer });

/** Progress is sent at most every 50 ms, so messages never flood the page. */
function throttledProgress(id: number) {
  let last = 0;
  return (
    phase: Extract<Response, { type: 'progress' }>['phase'],
    file: string,
    done: number,
    total: number,
  ) => {
    const now = performance.now();
    if (now - last < 50 && done < total) return;
    last = now;
    post({ type: 'progress', id, phase, file, done, total });
  };
}

function toEngineError(error: unknown): EngineError {
  if (error instanceof OpenError) return error.detail;
  if (error instanceof ExportCancelled)
    return { file: '', place: '', message: 'export cancelled', code: 'cancelled' };
  return { file: '', place: '', message: error instanceof Error ? error.message : String(error) };
}

async function handle(request: Request): Promise<void> {
  switch (request.type) {
    case 'open': {
      const summary = await engine.open(request.files, throttledProgress(request.id));
      post({ type: 'opened', id: request.id, summary });
      return;
    }
    case 'add-images': {
      const summary = await engine.addPictures(request.files);
      post({ type: 'images-added', id: request.id, summary });
      return;
    }
    case 'image-view': {
      const parts = await engine.imageView(
        request.subset,
        request.imageIndex,
        request.customColors,
        decodePng,
      );
      const transfer: Transferable[] = [];
      const toImage = async (px: MaskPixels): Promise<MaskImage> => {
        const bitmap = await createImageBitmap(new ImageData(px.rgba, px.width, px.height));
        transfer.push(bitmap);
        return { bitmap, x: px.x, y: px.y, width: px.width, height: px.height };
      };
      await Promise.all([
        ...[...parts.masks].map(async ([i, px]) => {
          parts.annotations[i]!.mask = await toImage(px);
        }),
        ...[...parts.predictionMasks].map(async ([i, px]) => {
          parts.predictions[i]!.mask = await toImage(px);
        }),
      ]);
      const picture = await engine.pictureOf(request.subset, request.imageIndex);
      const view: ImageView = {
        subset: request.subset,
        imageIndex: request.imageIndex,
        annotations: parts.annotations,
        picture: picture.picture,
        pictureError: picture.error,
        problems: parts.problems,
        predictions: parts.predictions,
      };
      post({ type: 'image-view', id: request.id, view }, transfer);
      return;
    }
    case 'filter-images': {
      const images = engine.filterImages(request.subset, request.filter);
      post({ type: 'images-filtered', id: request.id, images }, [images.buffer]);
      return;
    }
    case 'picture': {
      post({
        type: 'picture',
        id: request.id,
        picture: await engine.picture(request.subset, request.imageIndex),
      });
      return;
    }
    case 'edit': {
      post({ type: 'edited', id: request.id, ...engine.edit(request.subset, request.command) });
      return;
    }
    case 'apply-patches': {
      post({
        type: 'edited',
        id: request.id,
        ...engine.applyPatches(request.subset, request.patches),
      });
      return;
    }
    case 'export': {
      const progress = throttledProgress(request.id);
      const files = await engine.export(
        request.format,
        request.subset,
        request.settings,
        (phase, file, done, total) => progress(phase, file, done, total),
      );
      post({ type: 'exported', id: request.id, files });
      return;
    }
    case 'check': {
      const progress = throttledProgress(request.id);
      const { findings, counts, flagged } = await engine.check(request.subset, (done, total) =>
        progress('checking', '', done, total),
      );
      post({ type: 'checked', id: request.id, findings, counts, flagged });
      return;
    }
    case 'stats':
      post({ type: 'stats', id: request.id, stats: engine.stats(request.subset) });
      break;
    case 'preflight':
      post({
        type: 'preflighted',
        id: request.id,
        findings: engine.preflight(request.subset, request.settings),
      });
      return;
    case 'add-predictions': {
      const added = await engine.addPredictions(
        request.subset,
        request.files,
        throttledProgress(request.id),
      );
      post({ type: 'predictions-added', id: request.id, ...added });
      return;
    }
    case 'evaluate': {
      const progress = throttledProgress(request.id);
      const result = await engine.evaluate(request.subset, request.iouType, (done, total) =>
        progress('evaluating', request.iouType, done, total),
      );
      post({ type: 'evaluated', id: request.id, ...result });
      return;
    }
    case 'match-threshold':
      post({
        type: 'matched',
        id: request.id,
        ...engine.matchThreshold(request.subset, request.threshold),
      });
      return;
    case 'cancel-export':
      engine.cancelExport();
      return;
    default: {
      const never: never = request;
      throw new Error(`unknown request ${JSON.stringify(never)}`);
    }
  }
}

self.onmessage = (event: MessageEvent<Request>) => {
  handle(event.data).catch((error: unknown) =>
    post({ type: 'failed', id: event.data.id, error: toEngineError(error) }),
  );
};
