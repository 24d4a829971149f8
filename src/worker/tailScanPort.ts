/**
 * The engine's side of the channel to the second worker that reads a big json's later
 * part (tailScan.worker.ts): asks it to read a file from some byte on, and gives what it
 * answers to io's reader as a TailScanner.
 */
import type { TailScan } from '../coco/columnar';
import type { TailScanners } from './openFiles';

/** engine → second worker: read `file` from byte `from` on. */
export type TailAsk = { id: number; file: Blob; from: number };
/** second worker → engine: where it starts (once), then what it read. */
export type TailAnswer =
  { id: number; comma: number | null } | { id: number; scan: TailScan | null };

export function tailScannerOn(port: MessagePort): TailScanners {
  let nextId = 1;
  const waiting = new Map<number, (answer: TailAnswer) => void>();
  port.onmessage = (event: MessageEvent<TailAnswer>) => waiting.get(event.data.id)?.(event.data);
  return (file) => (from) => {
    const id = nextId++;
    let found: (comma: number | null) => void = () => {};
    let done: (scan: TailScan | null) => void = () => {};
    const comma = new Promise<number | null>((resolve) => (found = resolve));
    const result = new Promise<TailScan | null>((resolve) => (done = resolve));
    waiting.set(id, (answer) => {
      if ('comma' in answer) found(answer.comma);
      else {
        waiting.delete(id);
        found(null);
        done(answer.scan);
      }
    });
    port.postMessage({ id, file, from } satisfies TailAsk);
    return { comma, result };
  };
}
