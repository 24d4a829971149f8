/**
 * Test-only: the data engine driven in Node as the page drives it (in the spirit of
 * tldraw's TestEditor). Typed requests go through serve.ts, as in the worker; what the
 * engine posts is collected, and the browser-only parts are fakes that record what they
 * were handed (mask pixels, PNG segment maps).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import { corpusDir } from '../../coco/testing/corpus';
import type { EngineWorker } from '../client';
import { Engine } from '../engine';
import type { MaskPixels } from '../maskPixels';
import type { RgbaImage } from '../panoptic';
import {
  isAnswerTo,
  type AnsweredType,
  type AnswerTo,
  type EngineError,
  type ProgressMessage,
  type Request,
  type Response,
  type SourceFile,
  type UnsentRequest,
} from '../protocol';
import { PROGRESS_INTERVAL_MS, serve } from '../serve';

/** A request's whole exchange: its progress, its answer (null for `cancel-export`). */
export type Exchange = {
  id: number;
  progress: ProgressMessage[];
  answer: Exclude<Response, ProgressMessage> | null;
  transfer: Transferable[];
};

export class AnsweredFailed extends Error {
  constructor(readonly error: EngineError) {
    super(error.message);
  }
}

export class EngineHarness {
  /** Every message the engine posted, in order, with its transfer list. */
  readonly posted: { message: Response; transfer: Transferable[] }[] = [];
  /** The mask pixels the shell was asked to turn into bitmaps, in order. */
  readonly bitmapsMade: MaskPixels[] = [];
  /** The PNGs (panoptic segment maps) the shell was asked to decode. */
  readonly pngsDecoded: Blob[] = [];
  readonly engine = new Engine();
  private readonly answer: (request: Request) => Promise<void>;
  private nextId = 1;
  private clock = 0;
  private worker: EngineWorker | null = null;

  /** `decodePng`: what the fake decoder returns for a PNG (it throws when not given). */
  constructor(decodePng?: (blob: Blob) => RgbaImage) {
    this.answer = serve(this.engine, {
      post: (message, transfer) => {
        this.posted.push({ message, transfer });
        this.worker?.onmessage?.(new MessageEvent('message', { data: message }));
      },
      toBitmap: async (pixels) => {
        this.bitmapsMade.push(pixels);
        return { width: pixels.width, height: pixels.height, close: () => {} };
      },
      decodePng: async (blob) => {
        this.pngsDecoded.push(blob);
        if (decodePng === undefined) throw new Error('no PNG decoder in this test');
        return decodePng(blob);
      },
      // Every call a throttle interval later: every progress message is posted, so tests
      // can count them.
      now: () => (this.clock += PROGRESS_INTERVAL_MS),
    });
  }

  /**
   * The engine as the client sees a worker: requests posted to it are answered through
   * its `onmessage` (the same objects, not clones: nothing is transferred in Node).
   */
  asWorker(): EngineWorker {
    this.worker = {
      onmessage: null,
      onerror: null,
      postMessage: (message) => void this.answer(message),
      terminate: () => {
        this.terminated = true;
      },
    };
    return this.worker;
  }

  /**
   * Forgets the bitmaps made and PNGs decoded so far: an open makes those of the image shown
   * first, and a test of a later request counts only its own.
   */
  forgetMade(): void {
    this.bitmapsMade.length = 0;
    this.pngsDecoded.length = 0;
  }

  /** Whether the client terminated the worker of asWorker(). */
  terminated = false;

  /** Sends a request as the client would; resolves once it is answered. */
  async send(message: UnsentRequest): Promise<Exchange> {
    const id = this.nextId++;
    const from = this.posted.length;
    await this.answer({ ...message, id } as Request);
    const mine = this.posted.slice(from).filter((p) => p.message.id === id);
    const progress: ProgressMessage[] = [];
    let answer: Exchange['answer'] = null;
    let transfer: Transferable[] = [];
    for (const { message: m, transfer: t } of mine) {
      if (m.type === 'progress') progress.push(m);
      else [answer, transfer] = [m, t];
    }
    return { id, progress, answer, transfer };
  }

  /** Sends a request; resolves with its answer, or rejects with AnsweredFailed. */
  async request<M extends UnsentRequest & { type: AnsweredType }>(
    message: M,
  ): Promise<AnswerTo<M['type']>> {
    const { answer } = await this.send(message);
    if (answer === null) throw new Error(`${message.type} was not answered`);
    if (answer.type === 'failed') throw new AnsweredFailed(answer.error);
    if (!isAnswerTo<M['type']>(message.type, answer))
      throw new Error(`unexpected answer ${answer.type} to ${message.type}`);
    return answer;
  }
}

/** Files as the user would drop them: path → bytes or text. */
export function sourcesOf(files: Record<string, Uint8Array | string>): SourceFile[] {
  return Object.entries(files).map(([path, content]) => ({
    path,
    file: new Blob([typeof content === 'string' ? content : (content as BlobPart)]),
  }));
}

/** One zip of the files, as the user would drop it. */
export function zipOf(name: string, files: Record<string, Uint8Array | string>): SourceFile {
  const entries = Object.fromEntries(
    Object.entries(files).map(([path, c]) => [
      path,
      typeof c === 'string' ? new TextEncoder().encode(c) : c,
    ]),
  );
  return { path: name, file: new Blob([zipSync(entries) as BlobPart]) };
}

/** Files of the shared corpus, under `dir`, by their paths relative to it. */
export function corpusFiles(dir: string, paths: readonly string[]): Record<string, Uint8Array> {
  return Object.fromEntries(
    paths.map((p) => [p, new Uint8Array(readFileSync(join(corpusDir, dir, p)))]),
  );
}

export async function bytesOf(blob: Blob): Promise<Uint8Array> {
  return new Uint8Array(await blob.arrayBuffer());
}

/**
 * The json files an export wrote, by name and in order: a subset of several files comes
 * as one zip of them (`annotations/<name>`), a single file as itself.
 */
export async function jsonFilesOf(
  files: readonly { name: string; blob: Blob }[],
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const f of files) {
    if (!f.name.endsWith('.zip')) {
      out.set(f.name, await f.blob.text());
      continue;
    }
    for (const [path, bytes] of Object.entries(unzipSync(await bytesOf(f.blob))))
      out.set(path.replace(/^annotations\//, ''), new TextDecoder().decode(bytes));
  }
  return out;
}

export function textOf(blob: Blob): Promise<string> {
  return blob.text();
}
