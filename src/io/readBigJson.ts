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
  // A zip entry is inflated whole (see VirtualFile); a plain file is read a slice at a time.
  let size: number;
  let slice: (from: number, to: number) => Promise<Uint8Array>;
  if (file.inZip) {
    const bytes = await file.bytes();
    size = bytes.length;
    slice = (from, to) => Promise.resolve(bytes.subarray(from, to));
  } else {
    const blob = await file.blob();
    size = blob.size;
    slice = async (from, to) => new Uint8Array(await blob.slice(from, to).arrayBuffer());
  }
  const splitter = new JsonSplitter();
  for (let at = 0; at < size; at += SLICE_BYTES) {
    const chunk = await slice(at, at + SLICE_BYTES);
    if (at === 0) refuseUtf16(chunk);
    splitter.push(chunk);
    onProgress(Math.min(size, at + SLICE_BYTES), size);
  }
  return splitter.finish();
}

function refuseUtf16(bytes: Uint8Array): void {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
    throw new Error(
      'a UTF-16 JSON file this large cannot be read in a browser; save it as UTF-8 (half the size)',
    );
}
