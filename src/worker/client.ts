/**
 * The page's side of the data engine. Each open runs in a fresh worker: when it succeeds
 * it replaces the engine holding the previous dataset; when it fails or is cancelled, the
 * fresh worker is terminated (which really stops the work, even mid-`JSON.parse`) and the
 * previous dataset is untouched.
 */
import type { DatasetStats, ExportSettings, IouType } from '../coco';
import {
  isAnswerTo,
  type AnsweredType,
  type AnswerTo,
  type Checked,
  type EditCommand,
  type MaskCommand,
  type MaskImage,
  type MaskPreview,
  type ShownAt,
  type Edited,
  type EngineError,
  type ExportedFile,
  type ExportRequest,
  type ImageFilter,
  type ImageView,
  type ViewAsked,
  type OpenPhase,
  type OpenSummary,
  type PreflightInfo,
  type Request,
  type Response,
  type SourceFile,
  type SubsetPatch,
  type UnsentRequest,
  type Walked,
  type WalkKind,
  type WalkStop,
} from './protocol';
import { startReader, startReaderWorker } from './readerStart';

export type { Edited };

export type ProgressEvent = { phase: OpenPhase; file: string; done: number; total: number };

export class EngineFailure extends Error {
  constructor(readonly detail: EngineError) {
    super(detail.message);
  }
}

export class Cancelled extends Error {
  constructor() {
    super('cancelled');
  }
}

type Pending = {
  resolve: (response: Response) => void;
  reject: (error: Error) => void;
  onProgress?: (event: ProgressEvent) => void;
};

/** What the client uses of a worker: the engine's in the page, one running serve.ts in tests. */
export type EngineWorker = {
  postMessage(message: Request, transfer?: Transferable[]): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<Response>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
};

class Connection {
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  constructor(readonly worker: EngineWorker) {
    worker.onmessage = (event: MessageEvent<Response>) => this.receive(event.data);
    worker.onerror = (event) =>
      this.failAll(
        new EngineFailure({
          file: '',
          place: '',
          message: event.message || 'the data engine stopped',
        }),
      );
  }

  /** Sends a request; resolves with its answer, checked against the protocol's map. */
  request<M extends UnsentRequest & { type: AnsweredType }>(
    message: M,
    onProgress?: (event: ProgressEvent) => void,
    transfer: Transferable[] = [],
  ): Promise<AnswerTo<M['type']>> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const answer = (response: { type: string }) => {
        if (isAnswerTo<M['type']>(message.type, response)) resolve(response);
        else reject(new Error(`unexpected answer ${response.type} to ${message.type}`));
      };
      this.pending.set(id, { resolve: answer, reject, onProgress });
      this.worker.postMessage({ ...message, id } as Request, transfer);
    });
  }

  private receive(message: Response): void {
    const waiting = this.pending.get(message.id);
    if (waiting === undefined) return;
    if (message.type === 'progress') {
      waiting.onProgress?.({
        phase: message.phase,
        file: message.file,
        done: message.done,
        total: message.total,
      });
      return;
    }
    this.pending.delete(message.id);
    if (message.type === 'failed') waiting.reject(new EngineFailure(message.error));
    else waiting.resolve(message);
  }

  failAll(error: Error): void {
    for (const p of this.pending.values()) p.reject(error);
    this.pending.clear();
  }

  close(error: Error): void {
    this.worker.terminate();
    this.failAll(error);
  }
}

function startEngineWorker(): EngineWorker {
  return new Worker(new URL('./engine.worker.ts', import.meta.url), {
    type: 'module',
    name: 'cocoscope engine',
  });
}

export class EngineClient {
  /** `startWorker`: how an engine is started (a real worker unless a test gives another). */
  constructor(private readonly startWorker: () => EngineWorker = startEngineWorker) {}

  private active: Connection | null = null;
  private opening: Connection | null = null;
  /** A worker started ahead of time, so an open does not wait for one to load. */
  private spare: Connection | null = null;
  /**
   * The view that came with the last open's or edit's answer, and the colours it was
   * painted with, until the page asks for it (or asks anything else first: then the
   * dataset may have changed, and it is dropped).
   */
  private readyView: { view: ImageView; colorsKey: string } | null = null;

  /** A worker for reading big jsons, started ahead (see startReader). */
  private spareReader: Worker | null = null;

  /** Resolves once the spare engine has warmed up (or could not); null until it is asked to. */
  private spareWarm: Promise<void> | null = null;

  /**
   * Starts a spare engine now (call once the page has loaded) and warms it up: its open
   * path is compiled on a small built-in dataset. Resolves once it has (or could not).
   */
  warmUp(): Promise<void> {
    this.spare ??= new Connection(this.startWorker());
    // Only where engines are real workers (not in tests): a reader for big files, loaded.
    if (this.startWorker === startEngineWorker) this.spareReader ??= startReaderWorker();
    // The warm-up runs in an engine of its own in that worker: an open sent before it ends
    // waits only for its current step, and finds the real engine untouched.
    this.spareWarm ??= this.spare.request({ type: 'warm-up' }).then(
      () => {},
      // Closed (it became an open that was cancelled) or failed: nothing to wait for.
      () => {},
    );
    return this.spareWarm;
  }

  /**
   * The spare engine, or a new one. The next spare is started once the open is over
   * (open's warmUp), not beside it: on two cores, a worker loading and warming up took
   * ~25 ms of the open's time.
   */
  private takeWorker(): Connection {
    const connection = this.spare ?? new Connection(this.startWorker());
    this.spare = null;
    this.spareWarm = null;
    return connection;
  }

  /**
   * Opens files in a fresh engine; resolves when the dataset is indexed. With `confirm`,
   * the dataset open before stays until it resolves true (false rejects with Cancelled).
   * `firstImage`: the image that will be shown first (`firstImageIndex`), whose view comes
   * with the answer.
   */
  async open(
    files: SourceFile[],
    onProgress: (event: ProgressEvent) => void,
    confirm?: () => Promise<boolean>,
    firstImage: string | null = null,
  ): Promise<OpenSummary> {
    this.cancel();
    const connection = this.takeWorker();
    this.opening = connection;
    const reader = startReader(files, this.spareReader);
    if (reader !== null) this.spareReader = null;
    try {
      const response = await connection.request(
        {
          type: 'open',
          files,
          firstImage,
          reader: reader === null ? null : { port: reader.port, scansTail: reader.scansTail },
        },
        onProgress,
        reader === null ? [] : [reader.port],
      );
      if (confirm !== undefined && !(await confirm())) throw new Cancelled();
      // Another open started while the answer was awaited: this one was cancelled.
      if (this.opening !== connection) throw new Cancelled();
      this.active?.close(new Cancelled());
      this.active = connection;
      this.readyView =
        response.firstView === null ? null : { view: response.firstView, colorsKey: '{}' };
      return response.summary;
    } catch (error) {
      if (this.opening === connection) connection.close(new Cancelled());
      throw error;
    } finally {
      reader?.worker.terminate();
      if (this.opening === connection) this.opening = null;
      void this.warmUp();
    }
  }

  /** Stops an open in progress; the dataset open before it stays. */
  cancel(): void {
    const opening = this.opening;
    this.opening = null;
    opening?.close(new Cancelled());
  }

  async addImages(files: SourceFile[]): Promise<OpenSummary> {
    return (await this.require().request({ type: 'add-images', files })).summary;
  }

  /** `held`: the tokens of the image's masks the page holds as bitmaps (not sent again). */
  async imageView(
    subset: number,
    imageIndex: number,
    customColors: Record<string, string>,
    held: string[] = [],
  ): Promise<ImageView> {
    const ready = this.takeReadyView(subset, imageIndex, customColors);
    if (ready !== null) return ready;
    const message = { type: 'image-view', subset, imageIndex, customColors, held } as const;
    return (await this.require().request(message)).view;
  }

  /**
   * The view that came with the last open's or edit's answer, if it is this image's in
   * these colours (taken: asked again, the engine makes it anew); null otherwise. At once,
   * without a request: the page can show an edit's result in the same update as its answer.
   */
  takeReadyView(
    subset: number,
    imageIndex: number,
    customColors: Record<string, string>,
  ): ImageView | null {
    const ready = this.readyView;
    if (
      ready?.view.subset !== subset ||
      ready.view.imageIndex !== imageIndex ||
      ready.colorsKey !== JSON.stringify(customColors)
    )
      return null;
    this.readyView = null;
    return ready.view;
  }

  async filterImages(subset: number, filter: ImageFilter): Promise<Int32Array> {
    return (await this.require().request({ type: 'filter-images', subset, filter })).images;
  }

  async picture(subset: number, imageIndex: number): Promise<Blob | null> {
    return (await this.require().request({ type: 'picture', subset, imageIndex })).picture;
  }

  /** `view`: the image the page shows, whose view after the edit then comes without asking. */
  async edit(subset: number, command: EditCommand, view?: ViewAsked): Promise<Edited> {
    const answer = await this.require().request({ type: 'edit', subset, command, view });
    if (answer.view !== null && view !== undefined)
      this.readyView = { view: answer.view, colorsKey: JSON.stringify(view.customColors) };
    const { patch, delta, inserted } = answer;
    return { patch, delta, inserted };
  }

  /** What a mask command would do (numbers, and the changed pixels as a bitmap). */
  async previewEdit(
    subset: number,
    command: MaskCommand,
    shown: ShownAt | null = null,
    customColors?: Record<string, string>,
  ): Promise<MaskPreview> {
    const request = { type: 'preview-edit', subset, command, shown, customColors } as const;
    return (await this.require().request(request)).preview;
  }

  /** Every pixel of a mask sent made as the canvas showed it (`MaskImage.sampled`). */
  async wholeMask(token: string): Promise<MaskImage | null> {
    return (await this.require().request({ type: 'whole-mask', token })).image;
  }

  async applyPatches(subset: number, patches: SubsetPatch[]): Promise<Edited> {
    const { patch, delta, inserted } = await this.require().request({
      type: 'apply-patches',
      subset,
      patches,
    });
    return { patch, delta, inserted };
  }

  async export(
    format: 'json' | 'zip',
    subset: number,
    settings: ExportRequest,
    onProgress: (event: ProgressEvent) => void,
  ): Promise<ExportedFile[]> {
    const message = { type: 'export', format, subset, settings } as const;
    return (await this.require().request(message, onProgress)).files;
  }

  async check(subset: number, onProgress: (event: ProgressEvent) => void): Promise<Checked> {
    const { findings, counts, flagged } = await this.require().request(
      { type: 'check', subset },
      onProgress,
    );
    return { findings, counts, flagged };
  }

  /** N / Shift+N: the next (or previous) annotation of `kind` after `from`, across images. */
  async walk(subset: number, kind: WalkKind, from: WalkStop, step: 1 | -1): Promise<Walked> {
    const { stop, position, total } = await this.require().request({
      type: 'walk',
      subset,
      kind,
      from,
      step,
    });
    return { stop, position, total };
  }

  async preflight(subset: number, settings: ExportSettings): Promise<PreflightInfo[]> {
    return (await this.require().request({ type: 'preflight', subset, settings })).findings;
  }

  async stats(subset: number): Promise<DatasetStats> {
    return (await this.require().request({ type: 'stats', subset })).stats;
  }

  /** Results lists to show over the open dataset (the subset they were made for). */
  async addPredictions(
    subset: number,
    files: SourceFile[],
    onProgress: (event: ProgressEvent) => void,
  ): Promise<{ summary: OpenSummary; subset: number }> {
    const message = { type: 'add-predictions', subset, files } as const;
    const added = await this.require().request(message, onProgress);
    return { summary: added.summary, subset: added.subset };
  }

  async evaluate(
    subset: number,
    iouType: IouType,
    onProgress: (event: ProgressEvent) => void,
  ): Promise<AnswerTo<'evaluate'>> {
    return this.require().request({ type: 'evaluate', subset, iouType }, onProgress);
  }

  async matchThreshold(subset: number, threshold: number): Promise<AnswerTo<'match-threshold'>> {
    return this.require().request({ type: 'match-threshold', subset, threshold });
  }

  cancelExport(): void {
    // Not a request with an answer: the export in progress answers 'export cancelled'.
    this.active?.worker.postMessage({ type: 'cancel-export', id: 0 } satisfies Request);
  }

  get hasDataset(): boolean {
    return this.active !== null;
  }

  private require(): Connection {
    this.readyView = null;
    if (this.active === null) throw new Error('no dataset is open');
    return this.active;
  }
}
