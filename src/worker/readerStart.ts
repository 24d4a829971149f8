/**
 * The page's side of the reader worker (reader.worker.ts): started ahead, and handed to
 * an open of a big json with a channel to the engine.
 */
import type { SourceFile } from '../io/sourceFile';

/** From this size a json's slices are read by the reader (the engine stores it from 64 MB too). */
const READER_FROM = 64 << 20;
/**
 * Cores from which the reader also scans the file's later part: the browser's own process
 * reads the file for both, so on 2 cores the two scans only take turns (train2017-scale's
 * first image: 2.27–2.37 s with it, 2.17–2.28 s without, 3 fresh pages each).
 */
const TAIL_SCAN_CORES = 4;

/**
 * For an open with a big json: the reader (reader.worker.ts), the channel end to give the
 * engine, and whether the reader should also scan files' later parts.
 */
export function startReader(
  files: readonly SourceFile[],
  spare: Worker | null,
): { worker: Worker; port: MessagePort; scansTail: boolean } | null {
  const big = files.some((f) => f.file.size >= READER_FROM && /\.json$/i.test(f.path));
  // A reader that could not start would leave the engine waiting for slices: none then.
  if (!big || (spare !== null && failed.has(spare))) return null;
  const worker = spare ?? startReaderWorker();
  if (worker === null) return null;
  const channel = new MessageChannel();
  worker.postMessage({ port: channel.port2 }, [channel.port2]);
  const scansTail = (navigator.hardwareConcurrency ?? 1) >= TAIL_SCAN_CORES;
  return { worker, port: channel.port1, scansTail };
}

/** A worker for `startReader`, started ahead (its module loaded), or null without workers. */
export function startReaderWorker(): Worker | null {
  if (typeof Worker === 'undefined') return null;
  const worker = new Worker(new URL('./reader.worker.ts', import.meta.url), {
    type: 'module',
    name: 'cocoscope reader',
  });
  worker.addEventListener('error', () => failed.add(worker));
  return worker;
}

/** Readers whose script failed to load or run. */
const failed = new WeakSet<Worker>();
