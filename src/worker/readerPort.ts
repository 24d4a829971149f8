/**
 * The engine's side of the channel to the reader worker (reader.worker.ts): asks it for
 * slices of a big json, and (from 4 cores) to scan a file's later part, and gives what
 * it answers to io's reader as a ReadRange and a TailScanner.
 */
import type { TailScan, TailScanner } from '../coco/columnar';
import type { ReadRange } from '../io/readSlices';

/**
 * engine → reader: scan `file` from byte `from` on; or send bytes `[start, end)`; or take
 * back bytes it sent, so that their memory is freed in the reader (see `ranges`).
 */
export type ReaderAsk =
  | { id: number; file: Blob; from: number }
  | { id: number; file: Blob; start: number; end: number }
  | { release: ArrayBuffer };
/** reader → engine: where a scan starts (once), then what it read; or the bytes asked. */
export type ReaderAnswer =
  | { id: number; comma: number | null }
  | { id: number; scan: TailScan | null }
  | { id: number; bytes: Uint8Array | null };

/** What the reader does for an open (see openFiles). */
export type Readers = {
  /** Reads a file's slices. */
  ranges: (file: Blob) => ReadRange;
  /** Scans a file's later part, or null (below 4 cores the reader only reads slices). */
  tail: ((file: Blob) => TailScanner) | null;
};

export function readersOn(port: MessagePort, scansTail: boolean): Readers {
  let nextId = 1;
  const waiting = new Map<number, (answer: ReaderAnswer) => void>();
  port.onmessage = (event: MessageEvent<ReaderAnswer>) => waiting.get(event.data.id)?.(event.data);
  const ask = (message: ReaderAsk & { id: number }, onAnswer: (answer: ReaderAnswer) => void) => {
    waiting.set(message.id, onAnswer);
    port.postMessage(message);
  };
  // A slice read is moved back to the reader once used, so that the engine's heap does not
  // count the freed slices, whose weight made V8 collect it while it scanned (train2017-scale
  // in Chromium: 6 major collections in the engine during its open, 3 with this).
  const release = (bytes: Uint8Array) => {
    const buffer = bytes.buffer;
    if (buffer instanceof ArrayBuffer && bytes.byteLength === buffer.byteLength)
      port.postMessage({ release: buffer } satisfies ReaderAsk, [buffer]);
  };
  const ranges = (file: Blob): ReadRange => {
    const read: ReadRange = (start, end) =>
      new Promise((resolve, reject) => {
        const id = nextId++;
        ask({ id, file, start, end }, (answer) => {
          waiting.delete(id);
          if ('bytes' in answer && answer.bytes !== null) resolve(answer.bytes);
          // The reader could not: the engine reads the slice itself.
          else
            file
              .slice(start, end)
              .arrayBuffer()
              .then((b) => resolve(new Uint8Array(b)), reject);
        });
      });
    read.release = release;
    return read;
  };
  const tail =
    (file: Blob): TailScanner =>
    (from) => {
      const id = nextId++;
      let found: (comma: number | null) => void = () => {};
      let done: (scan: TailScan | null) => void = () => {};
      const comma = new Promise<number | null>((resolve) => (found = resolve));
      const result = new Promise<TailScan | null>((resolve) => (done = resolve));
      ask({ id, file, from }, (answer) => {
        if ('comma' in answer) found(answer.comma);
        else if ('scan' in answer) {
          waiting.delete(id);
          found(null);
          done(answer.scan);
        }
      });
      return { comma, result };
    };
  return { ranges, tail: scansTail ? tail : null };
}
