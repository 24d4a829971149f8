/**
 * Reads a JSON file too long for one string (see jsonSplitter.ts): its bytes go to the
 * splitter in slices, so neither the whole text nor (for a plain file) all its bytes are
 * held at once. Progress counts the bytes read.
 */
import { BigJsonError, JsonSplitter } from './jsonSplitter';
import type { VirtualFile } from './virtualFiles';

const SLICE_BYTES = 16 << 20;

export { BigJsonError };

export async function readBigJson(
  file: VirtualFile,
  onProgress: (done: number, total: number) => void = () => {},
): Promise<unknown> {
  const splitter = new JsonSplitter();
  if (file.inZip) {
    const bytes = await file.bytes();
    refuseUtf16(bytes);
    for (let at = 0; at < bytes.length; at += SLICE_BYTES) {
      splitter.push(bytes.subarray(at, at + SLICE_BYTES));
      onProgress(Math.min(bytes.length, at + SLICE_BYTES), bytes.length);
    }
    return splitter.finish();
  }
  const blob = await file.blob();
  for (let at = 0; at < blob.size; at += SLICE_BYTES) {
    const slice = new Uint8Array(await blob.slice(at, at + SLICE_BYTES).arrayBuffer());
    if (at === 0) refuseUtf16(slice);
    splitter.push(slice);
    onProgress(Math.min(blob.size, at + SLICE_BYTES), blob.size);
  }
  return splitter.finish();
}

function refuseUtf16(bytes: Uint8Array): void {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
    throw new Error(
      'a UTF-16 JSON file this large cannot be read in a browser; save it as UTF-8 (half the size)',
    );
}
