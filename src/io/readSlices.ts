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
