/**
 * A file's bytes in slices, in order: a plain file is read a slice at a time from disk (a
 * 2 GB file is never one buffer); a zip entry is inflated whole (see VirtualFile) and
 * handed out in slices of that buffer.
 */
import type { VirtualFile } from './virtualFiles';

export const SLICE_BYTES = 16 << 20;

/** The slices from byte `from` on (0: the whole file). */
export async function* readSlices(
  file: VirtualFile,
  sliceBytes = SLICE_BYTES,
  from = 0,
): AsyncGenerator<Uint8Array> {
  if (file.inZip) {
    const bytes = await file.bytes();
    for (let at = from; at < bytes.length; at += sliceBytes)
      yield bytes.subarray(at, at + sliceBytes);
    return;
  }
  const blob = await file.blob();
  const read = (at: number) => blob.slice(at, at + sliceBytes).arrayBuffer();
  // The next slice is read from disk while the caller works on this one.
  let next = blob.size > from ? read(from) : null;
  for (let at = from; next !== null; at += sliceBytes) {
    const bytes = new Uint8Array(await next);
    next = at + sliceBytes < blob.size ? read(at + sliceBytes) : null;
    yield bytes;
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
