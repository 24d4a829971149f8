/**
 * Reads a JSON file too long for one string (see jsonSplitter.ts): its bytes go to the
 * splitter in slices, so neither the whole text nor (for a plain file) all its bytes are
 * held at once. Progress counts the bytes read.
 */
import { BigJsonError, JsonSplitter } from './jsonSplitter';
import { readSlices } from './readSlices';
import type { VirtualFile } from './virtualFiles';

export { BigJsonError };

export async function readBigJson(
  file: VirtualFile,
  onProgress: (done: number, total: number) => void = () => {},
): Promise<unknown> {
  const splitter = new JsonSplitter();
  let done = 0;
  for await (const chunk of readSlices(file)) {
    if (done === 0) refuseUtf16(chunk);
    splitter.push(chunk);
    done += chunk.length;
    onProgress(done, file.size);
  }
  return splitter.finish();
}

function refuseUtf16(bytes: Uint8Array): void {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
    throw new Error(
      'a UTF-16 JSON file this large cannot be read in a browser; save it as UTF-8 (half the size)',
    );
}
