/**
 * Test-only: the engine client the store talks to, run in Node. Each request is recorded
 * (`requests`) and answered by a real Engine in this process (no worker), so answers are
 * what the page would get; a test can hold a method's answers (`hold`) to act while they
 * are on their way (press Undo while an edit is in flight), then `release` them, or make
 * the next request of a method fail (`failNext`). Requests and answers are copied on the
 * way, as messages to and from a worker are: the store never shares an object with the engine.
 */
import { Cancelled, EngineFailure, type ProgressEvent } from '../../worker/client';
import { Engine } from '../../worker/engine';
import { setMask } from '../../worker/annotationBody';
import type { MaskPixels } from '../../worker/maskPixels';
import type { MaskImage, SourceFile } from '../../worker/protocol';
import type { EngineApi } from '../deps';

type Method = Exclude<keyof EngineApi, 'hasDataset' | 'cancel' | 'cancelExport'>;
type Args<M extends Method> = Parameters<EngineApi[M]>;
type Answer<M extends Method> = Awaited<ReturnType<EngineApi[M]>>;

/** A request as the fake received it. */
export type Recorded<M extends Method = Method> = {
  method: M;
  args: Args<M>;
  /** Answered (or failed) already. */
  settled: boolean;
  /** Gives the held answer now. */
  release: () => void;
};

export class FakeEngine implements EngineApi {
  /** Every request, in the order the store made them. */
  readonly requests: Recorded[] = [];
  /** cancel() and cancelExport() calls. */
  cancels = 0;
  exportCancels = 0;
  private engine: Engine | null = null;
  private opening: Engine | null = null;
  private readonly held = new Set<Method>();
  private readonly failures = new Map<Method, Error>();
  private readonly watchers: (() => void)[] = [];

  get hasDataset(): boolean {
    return this.engine !== null;
  }

  /** Answers to `method` wait until released (each by `release()`, or all by `release(method)`). */
  hold(method: Method): void {
    this.held.add(method);
  }

  /** Gives every held answer to `method` (in order), and answers its next requests at once. */
  release(method: Method): void {
    this.held.delete(method);
    for (const r of this.requests) if (r.method === method && !r.settled) r.release();
  }

  /** The next request of `method` fails: with `failure`, or an engine failure saying it. */
  failNext(method: Method, failure: string | Error): void {
    this.failures.set(
      method,
      typeof failure === 'string'
        ? new EngineFailure({ file: '', place: '', message: failure })
        : failure,
    );
  }

  /** The requests of `method` made so far. */
  of<M extends Method>(method: M): Recorded<M>[] {
    return this.requests.filter((r): r is Recorded<M> => r.method === method) as Recorded<M>[];
  }

  /** Resolves with the `n`th request of `method` (1-based) once the store has made it. */
  async nth<M extends Method>(method: M, n: number): Promise<Recorded<M>> {
    for (;;) {
      const found = this.of(method)[n - 1];
      if (found !== undefined) return found;
      await new Promise<void>((resolve) => this.watchers.push(resolve));
    }
  }

  /**
   * Records a request and answers it with `work`, run at once (the engine handles requests
   * in the order they come); the answer is given now unless the method is held.
   */
  private request<M extends Method>(
    method: M,
    args: Args<M>,
    work: () => Answer<M> | Promise<Answer<M>>,
  ): Promise<Answer<M>> {
    const failure = this.failures.get(method);
    this.failures.delete(method);
    const outcome: Promise<Answer<M>> =
      failure !== undefined
        ? Promise.reject(failure)
        : Promise.resolve()
            .then(work)
            .then((answer) => structuredClone(answer));
    outcome.catch(() => {});
    return new Promise<Answer<M>>((resolve, reject) => {
      const recorded: Recorded<M> = {
        method,
        args,
        settled: false,
        release: () => {
          if (recorded.settled) return;
          recorded.settled = true;
          outcome.then(resolve, reject);
        },
      };
      this.requests.push(recorded as unknown as Recorded);
      if (!this.held.has(method)) recorded.release();
      for (const notify of this.watchers.splice(0)) notify();
    });
  }

  /** The data of a request as the worker would receive it: a copy. */
  private static copy<T>(data: T): T {
    return structuredClone(data);
  }

  private active(): Engine {
    if (this.engine === null) throw new Error('no dataset is open');
    return this.engine;
  }

  async open(
    files: SourceFile[],
    onProgress: (event: ProgressEvent) => void,
    confirm?: () => Promise<boolean>,
  ) {
    // Like the client: each open in a fresh engine, which replaces the active one if it opens.
    const fresh = new Engine();
    this.opening = fresh;
    const summary = await this.request('open', [files, onProgress, confirm], () =>
      fresh.open(FakeEngine.copy(files), (phase, file, done, total) =>
        onProgress({ phase, file, done, total }),
      ),
    );
    if (confirm !== undefined && !(await confirm())) throw new Cancelled();
    if (this.opening !== fresh) throw new Cancelled();
    this.opening = null;
    this.engine = fresh;
    return summary;
  }

  cancel(): void {
    this.cancels++;
    this.opening = null;
  }

  addImages(files: SourceFile[]) {
    return this.request('addImages', [files], () =>
      this.active().addPictures(FakeEngine.copy(files)),
    );
  }

  filterImages(...args: Args<'filterImages'>) {
    return this.request('filterImages', args, () =>
      this.active().filterImages(...FakeEngine.copy(args)),
    );
  }

  /** The engine's edit (the view the page asks for with it is asked for on its own here). */
  edit(...args: Args<'edit'>) {
    const [subset, command] = FakeEngine.copy(args);
    return this.request('edit', args, () => this.active().edit(subset, command));
  }

  /**
   * The preview's numbers as the engine gives them; its pixels as a stand-in bitmap (its
   * size, and a `close` added after the copy: a function is not cloned).
   */
  async previewEdit(...args: Args<'previewEdit'>) {
    const answer = await this.request('previewEdit', args, () => {
      // The mask made ahead for the Apply (`customColors`) is the worker shell's.
      const [subset, command, shown] = FakeEngine.copy(args);
      const { preview, pixels } = this.active().previewEdit(subset, command, shown);
      if (pixels === null) return { ...preview, image: null };
      const { x, y, width, height } = pixels.placed ?? pixels;
      const bitmap = { width: pixels.width, height: pixels.height } as ImageBitmap;
      return {
        ...preview,
        image: { bitmap, x, y, width, height },
      };
    });
    if (answer.image !== null) answer.image.bitmap.close = () => {};
    return answer;
  }

  applyPatches(...args: Args<'applyPatches'>) {
    return this.request('applyPatches', args, () =>
      this.active().applyPatches(...FakeEngine.copy(args)),
    );
  }

  export(...args: Args<'export'>) {
    const [format, subset, settings, onProgress] = args;
    return this.request('export', args, () =>
      this.active().export(format, subset, FakeEngine.copy(settings), (phase, file, done, total) =>
        onProgress({ phase, file, done, total }),
      ),
    );
  }

  cancelExport(): void {
    this.exportCancels++;
    this.engine?.cancelExport();
  }

  check(...args: Args<'check'>) {
    const [subset, onProgress] = args;
    return this.request('check', args, () =>
      this.active().check(subset, (done, total) =>
        onProgress({ phase: 'checking', file: '', done, total }),
      ),
    );
  }

  stats(...args: Args<'stats'>) {
    return this.request('stats', args, () => this.active().stats(...args));
  }

  /** The view as the worker sends it, with stand-ins for the mask bitmaps (Node has none). */
  imageView(...args: Args<'imageView'>) {
    const [subset, imageIndex, customColors, held] = args;
    return this.request('imageView', args, async () => {
      const parts = await this.active().imageView(
        subset,
        imageIndex,
        customColors,
        () => Promise.reject(new Error('no PNG decoder in the store tests')),
        new Set(held),
      );
      const bitmap = (px: MaskPixels): MaskImage => ({
        bitmap: { width: px.width, height: px.height } as ImageBitmap,
        x: px.x,
        y: px.y,
        width: px.width,
        height: px.height,
      });
      for (const [i, px] of parts.masks) setMask(parts.annotations[i]!, bitmap(px));
      for (const [i, px] of parts.predictionMasks) setMask(parts.predictions[i]!, bitmap(px));
      const picture = await this.active().pictureOf(subset, imageIndex);
      return {
        subset,
        imageIndex,
        annotations: parts.annotations,
        picture: picture.picture,
        pictureError: picture.error,
        problems: parts.problems,
        predictions: parts.predictions,
        maskTokens: [...parts.maskTokens].map(([i, token]): [number, string] => [
          parts.annotations[i]!.key,
          token,
        ]),
      };
    });
  }

  walk(...args: Args<'walk'>) {
    return this.request('walk', args, () => this.active().walk(...args));
  }

  addPredictions(...args: Args<'addPredictions'>) {
    const [subset, files, onProgress] = args;
    return this.request('addPredictions', args, () =>
      this.active().addPredictions(subset, FakeEngine.copy(files), (phase, file, done, total) =>
        onProgress({ phase, file, done, total }),
      ),
    );
  }

  evaluate(...args: Args<'evaluate'>) {
    const [subset, iouType, onProgress] = args;
    return this.request('evaluate', args, async () => ({
      type: 'evaluated' as const,
      id: 0,
      ...(await this.active().evaluate(subset, iouType, (done, total) =>
        onProgress({ phase: 'evaluating', file: iouType, done, total }),
      )),
    }));
  }

  matchThreshold(...args: Args<'matchThreshold'>) {
    return this.request('matchThreshold', args, () => ({
      type: 'matched' as const,
      id: 0,
      ...this.active().matchThreshold(...args),
    }));
  }
}
