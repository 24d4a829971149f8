/**
 * The page's side of the second reading worker (tailScan.worker.ts): started ahead, and
 * handed to an open of a big json with a channel to the engine.
 */
import type { SourceFile } from '../io/sourceFile';

/** From this size a json is read by two workers (the engine stores it from 64 MB too). */
const TAIL_SCAN_FROM = 64 << 20;
/**
 * Cores from which a second worker reads: the browser's own process reads the file for
 * both, so on 2 cores the two scans only take turns (train2017-scale's first image:
 * 2.27–2.37 s with it, 2.17–2.28 s without, 3 fresh pages each).
 */
const TAIL_SCAN_CORES = 4;

function tailScanWanted(): boolean {
  return typeof Worker !== 'undefined' && (navigator.hardwareConcurrency ?? 1) >= TAIL_SCAN_CORES;
}

/**
 * For an open with a big json: a second worker that reads its later part while the engine
 * reads the start (tailScan.worker.ts), and the channel end to give the engine.
 */
export function startTailScan(
  files: readonly SourceFile[],
  spare: Worker | null,
): { worker: Worker; port: MessagePort } | null {
  const big = files.some((f) => f.file.size >= TAIL_SCAN_FROM && /\.json$/i.test(f.path));
  if (!big || !tailScanWanted()) return null;
  const worker = spare ?? startTailWorker();
  if (worker === null) return null;
  const channel = new MessageChannel();
  worker.postMessage({ port: channel.port2 }, [channel.port2]);
  return { worker, port: channel.port1 };
}

/** A worker for `startTailScan`, started ahead (its module loaded), or null without workers. */
export function startTailWorker(): Worker | null {
  if (!tailScanWanted()) return null;
  return new Worker(new URL('./tailScan.worker.ts', import.meta.url), {
    type: 'module',
    name: 'cocoscope reader',
  });
}
