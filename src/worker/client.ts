/**
 * The page's side of the data engine. Each open runs in a fresh worker: when it succeeds
 * it replaces the engine holding the previous dataset; when it fails or is cancelled, the
 * fresh worker is terminated (which really stops the work, even mid-`JSON.parse`) and the
 * previous dataset is untouched.
 */
import type { DatasetStats, ExportSettings, FindingKind, IouType } from '../coco';
import type {
  EditCommand,
  EngineError,
  ExportRequest,
  FindingInfo,
  ImageFilter,
  ImageView,
  OpenPhase,
  OpenSummary,
  PreflightInfo,
  Request,
  Response,
  SourceFile,
  SubsetDelta,
  SubsetPatch,
} from './protocol';

export type Edited = { patch: SubsetPatch; delta: SubsetDelta; inserted: number[] };

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

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

class Connection {
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  constructor(readonly worker: Worker) {
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

  request(
    message: DistributiveOmit<Request, 'id'>,
    onProgress?: (event: ProgressEvent) => void,
  ): Promise<Response> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, onProgress });
      this.worker.postMessage({ ...message, id } as Request);
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

function startWorker(): Connection {
  return new Connection(
    new Worker(new URL('./engine.worker.ts', import.meta.url), {
      type: 'module',
      name: 'cocoscope engine',
    }),
  );
}

export class EngineClient {
  private active: Connection | null = null;
  private opening: Connection | null = null;
  /** A worker started ahead of time, so an open does not wait for one to load. */
  private spare: Connection | null = null;

  /** Starts a spare engine now (call once the page has loaded). */
  warmUp(): void {
    this.spare ??= startWorker();
  }

  private takeWorker(): Connection {
    const connection = this.spare ?? startWorker();
    this.spare = startWorker();
    return connection;
  }

  /**
   * Opens files in a fresh engine; resolves when the dataset is indexed. With `confirm`,
   * the dataset open before stays until it resolves true (false rejects with Cancelled).
   */
  async open(
    files: SourceFile[],
    onProgress: (event: ProgressEvent) => void,
    confirm?: () => Promise<boolean>,
  ): Promise<OpenSummary> {
    this.cancel();
    const connection = this.takeWorker();
    this.opening = connection;
    try {
      const response = await connection.request({ type: 'open', files }, onProgress);
      if (response.type !== 'opened') throw new Error(`unexpected answer ${response.type}`);
      if (confirm !== undefined && !(await confirm())) throw new Cancelled();
      // Another open started while the answer was awaited: this one was cancelled.
      if (this.opening !== connection) throw new Cancelled();
      this.active?.close(new Cancelled());
      this.active = connection;
      return response.summary;
    } catch (error) {
      if (this.opening === connection) connection.close(new Cancelled());
      throw error;
    } finally {
      if (this.opening === connection) this.opening = null;
    }
  }

  /** Stops an open in progress; the dataset open before it stays. */
  cancel(): void {
    const opening = this.opening;
    this.opening = null;
    opening?.close(new Cancelled());
  }

  async addImages(files: SourceFile[]): Promise<OpenSummary> {
    const response = await this.require().request({ type: 'add-images', files });
    if (response.type !== 'images-added') throw new Error(`unexpected answer ${response.type}`);
    return response.summary;
  }

  async imageView(
    subset: number,
    imageIndex: number,
    customColors: Record<string, string>,
  ): Promise<ImageView> {
    const response = await this.require().request({
      type: 'image-view',
      subset,
      imageIndex,
      customColors,
    });
    if (response.type !== 'image-view') throw new Error(`unexpected answer ${response.type}`);
    return response.view;
  }

  async filterImages(subset: number, filter: ImageFilter): Promise<Int32Array> {
    const response = await this.require().request({ type: 'filter-images', subset, filter });
    if (response.type !== 'images-filtered') throw new Error(`unexpected answer ${response.type}`);
    return response.images;
  }

  async picture(subset: number, imageIndex: number): Promise<Blob | null> {
    const response = await this.require().request({ type: 'picture', subset, imageIndex });
    if (response.type !== 'picture') throw new Error(`unexpected answer ${response.type}`);
    return response.picture;
  }

  async edit(subset: number, command: EditCommand): Promise<Edited> {
    const response = await this.require().request({ type: 'edit', subset, command });
    if (response.type !== 'edited') throw new Error(`unexpected answer ${response.type}`);
    return { patch: response.patch, delta: response.delta, inserted: response.inserted };
  }

  async applyPatches(subset: number, patches: SubsetPatch[]): Promise<Edited> {
    const response = await this.require().request({ type: 'apply-patches', subset, patches });
    if (response.type !== 'edited') throw new Error(`unexpected answer ${response.type}`);
    return { patch: response.patch, delta: response.delta, inserted: response.inserted };
  }

  async export(
    format: 'json' | 'zip',
    subset: number,
    settings: ExportRequest,
    onProgress: (event: ProgressEvent) => void,
  ): Promise<{ name: string; blob: Blob; notes?: string[] }[]> {
    const response = await this.require().request(
      { type: 'export', format, subset, settings },
      onProgress,
    );
    if (response.type !== 'exported') throw new Error(`unexpected answer ${response.type}`);
    return response.files;
  }

  async check(
    subset: number,
    onProgress: (event: ProgressEvent) => void,
  ): Promise<{
    findings: FindingInfo[];
    counts: Partial<Record<FindingKind, number>>;
    flagged: Int32Array;
  }> {
    const response = await this.require().request({ type: 'check', subset }, onProgress);
    if (response.type !== 'checked') throw new Error(`unexpected answer ${response.type}`);
    return { findings: response.findings, counts: response.counts, flagged: response.flagged };
  }

  async preflight(subset: number, settings: ExportSettings): Promise<PreflightInfo[]> {
    const response = await this.require().request({ type: 'preflight', subset, settings });
    if (response.type !== 'preflighted') throw new Error(`unexpected answer ${response.type}`);
    return response.findings;
  }

  async stats(subset: number): Promise<DatasetStats> {
    const response = await this.require().request({ type: 'stats', subset });
    if (response.type !== 'stats') throw new Error(`unexpected answer ${response.type}`);
    return response.stats;
  }

  /** Results lists to show over the open dataset (the subset they were made for). */
  async addPredictions(
    subset: number,
    files: SourceFile[],
    onProgress: (event: ProgressEvent) => void,
  ): Promise<{ summary: OpenSummary; subset: number }> {
    const response = await this.require().request(
      { type: 'add-predictions', subset, files },
      onProgress,
    );
    if (response.type !== 'predictions-added')
      throw new Error(`unexpected answer ${response.type}`);
    return { summary: response.summary, subset: response.subset };
  }

  async evaluate(
    subset: number,
    iouType: IouType,
    onProgress: (event: ProgressEvent) => void,
  ): Promise<Extract<Response, { type: 'evaluated' }>> {
    const response = await this.require().request(
      { type: 'evaluate', subset, iouType },
      onProgress,
    );
    if (response.type !== 'evaluated') throw new Error(`unexpected answer ${response.type}`);
    return response;
  }

  async matchThreshold(
    subset: number,
    threshold: number,
  ): Promise<Extract<Response, { type: 'matched' }>> {
    const response = await this.require().request({ type: 'match-threshold', subset, threshold });
    if (response.type !== 'matched') throw new Error(`unexpected answer ${response.type}`);
    return response;
  }

  cancelExport(): void {
    // Not a request with an answer: the export in progress answers 'export cancelled'.
    this.active?.worker.postMessage({ type: 'cancel-export', id: 0 } satisfies Request);
  }

  get hasDataset(): boolean {
    return this.active !== null;
  }

  private require(): Connection {
    if (this.active === null) throw new Error('no dataset is open');
    return this.active;
  }
}
