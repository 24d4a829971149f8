/**
 * Reads a file's text with progress. UTF-8 (with or without a byte order mark) and, since
 * some Windows tools write them, UTF-16 files with a BOM. A V8 string holds at most about
 * 536 million characters: bigger files are refused here (the engine reads them with
 * readBigJson, which never makes one string of them).
 */
import type { VirtualFile } from './virtualFiles';

/** The longest text `JSON.parse` can take in V8 (2^29 - 24 characters). */
export const MAX_TEXT_LENGTH = 2 ** 29 - 24;

/** Files up to this size are read in one go; bigger ones as a stream, with progress. */
const READ_WHOLE_BYTES = 64 * 1024 * 1024;

export async function readText(
  file: VirtualFile,
  onProgress: (done: number, total: number) => void = () => {},
): Promise<string> {
  if (file.size > MAX_TEXT_LENGTH) {
    const mb = Math.round(file.size / 1e6);
    throw new Error(
      `the file is ${mb} MB; a browser can parse JSON of at most about ${Math.floor(MAX_TEXT_LENGTH / 1e6)} MB`,
    );
  }
  if (file.inZip) {
    // Inflated straight into one buffer: going through a Blob would copy it twice more.
    const bytes = await file.bytes();
    onProgress(bytes.byteLength, bytes.byteLength);
    return decodeText(bytes);
  }
  const blob = await file.blob();
  if (blob.size <= READ_WHOLE_BYTES) {
    // One native read is quicker than a stream's chunks; such a file takes well under a second.
    const bytes = new Uint8Array(await blob.arrayBuffer());
    onProgress(bytes.byteLength, bytes.byteLength);
    return decodeText(bytes);
  }
  const bytes = new Uint8Array(blob.size);
  let done = 0;
  const reader = blob.stream().getReader();
  for (;;) {
    const { value, done: end } = await reader.read();
    if (end) break;
    bytes.set(value, done);
    done += value.byteLength;
    onProgress(done, bytes.byteLength);
  }
  return decodeText(bytes);
}

/** UTF-8 unless a UTF-16 byte order mark says otherwise. Invalid bytes become U+FFFD. */
export function decodeText(bytes: Uint8Array): string {
  const encoding =
    bytes[0] === 0xff && bytes[1] === 0xfe
      ? 'utf-16le'
      : bytes[0] === 0xfe && bytes[1] === 0xff
        ? 'utf-16be'
        : 'utf-8';
  return new TextDecoder(encoding).decode(bytes);
}
