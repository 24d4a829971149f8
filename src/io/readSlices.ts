/**
 * A file's bytes in slices, in order: a plain file is read a slice at a time from disk (a
 * 2 GB file is never one buffer); a zip entry is inflated whole (see VirtualFile) and
 * handed out in slices of that buffer.
 */
import type { VirtualFile } from './virtualFiles';

export const SLICE_BYTES = 16 << 20;

/**
 * Bytes `[start, end)` of a file, read by someone else (another worker). `release`, when
 * there: takes back a slice the caller is done with, whose memory is then freed there.
 */
export type ReadRange = ((start: number, end: number) => Promise<Uint8Array>) & {
  release?: (bytes: Uint8Array) => void;
};

/** Slices asked before the one the caller works on is done, to be read meanwhile. */
const AHEAD = 3;

/**
 * The first slice is small, so that the caller starts its work early; each next one is
 * twice the one before, up to the slice size, so that the caller has work while the next
 * one is read (a 16 MB slice right after the first 1 MB one left the engine idle ~50 ms).
 */
const FIRST_SLICE_BYTES = 1 << 20;

/**
 * The slices from byte `from` on (0: the whole file); the caller is done with a slice once
 * it asks for the next. `readRange`: reads them in another worker (and takes them back). A worker reading a blob itself receives its bytes mostly between its own tasks,
 * so the slices asked ahead arrive largely after the caller's work on this one (453 MB
 * with 36 ms of work per 16 MB, in Chromium: 2.4–3.0 s with one slice asked ahead,
 * 1.8–2.1 s with three, 1.1–1.7 s read by another worker).
 */
export async function* readSlices(
  file: VirtualFile,
  sliceBytes = SLICE_BYTES,
  from = 0,
  readRange: ReadRange | null = null,
): AsyncGenerator<Uint8Array> {
  if (file.inZip) {
    const bytes = await file.bytes();
    for (let at = from; at < bytes.length; at += sliceBytes)
      yield bytes.subarray(at, at + sliceBytes);
    return;
  }
  const blob = await file.blob();
  const read =
    readRange === null
      ? async (start: number, end: number) =>
          new Uint8Array(await blob.slice(start, end).arrayBuffer())
      : readRange;
  // The next slices are read while the caller works on this one.
  const ahead: Promise<Uint8Array>[] = [];
  let asked = from;
  let slices = 0;
  const askAhead = (count: number) => {
    while (ahead.length < count && asked < blob.size) {
      const size = Math.min(sliceBytes, FIRST_SLICE_BYTES * 2 ** slices++);
      const end = Math.min(asked + size, blob.size);
      const reading = read(asked, end);
      asked = end;
      // Seen as failed only when awaited (a slice not awaited may fail unseen).
      reading.catch(() => {});
      ahead.push(reading);
    }
  };
  askAhead(AHEAD);
  while (ahead.length > 0) {
    const bytes = await ahead.shift()!;
    askAhead(AHEAD);
    yield bytes;
    // The caller asks for the next slice: it is done with this one.
    readRange?.release?.(bytes);
  }
}

/**
 * The file's bytes but for the ranges `skipped` (`[from, to)`, in order and apart), in
 * slices of at most `sliceBytes`, each with the byte it starts at; as readSlices, the next
 * slice is read while the caller works on this one.
 */
export async function* readExcept(
  file: VirtualFile,
  skipped: readonly (readonly [number, number])[],
  sliceBytes = SLICE_BYTES,
): AsyncGenerator<{ at: number; bytes: Uint8Array }> {
  const slices: [number, number][] = [];
  const wanted = (from: number, to: number) => {
    for (let at = from; at < to; at += sliceBytes) slices.push([at, Math.min(to, at + sliceBytes)]);
  };
  let done = 0;
  for (const [from, to] of skipped) {
    wanted(done, from);
    done = Math.max(done, to);
  }
  wanted(done, file.size);
  if (file.inZip) {
    const bytes = await file.bytes();
    for (const [from, to] of slices) yield { at: from, bytes: bytes.subarray(from, to) };
    return;
  }
  const blob = await file.blob();
  const read = (k: number) => blob.slice(slices[k]![0], slices[k]![1]).arrayBuffer();
  let next = slices.length > 0 ? read(0) : null;
  for (let k = 0; next !== null; k++) {
    const bytes = new Uint8Array(await next);
    next = k + 1 < slices.length ? read(k + 1) : null;
    yield { at: slices[k]![0], bytes };
  }
}
