/**
 * One picture into an exported zip, stored byte for byte. A picture that cannot be read
 * costs that picture only: an entry of the opened zip in a method cocoscope cannot inflate
 * (LZMA, bzip2) is copied as its zip stores it, method, flags and CRC included, so the
 * export holds it as the source did; anything else unreadable (a damaged entry, a file
 * the browser can no longer read) is left out. Either way the caller gets a note to tell.
 */
import { ZipPassThrough, type Zip, type ZipInputFile } from 'fflate';
import type { VirtualFile } from '../io/virtualFiles';
import { ZipError } from '../io/zip';

/** Adds `file` at `path`; returns null, or a note saying what was done instead. */
export async function copyPicture(
  zip: Zip,
  path: string,
  file: VirtualFile,
): Promise<string | null> {
  let bytes: Uint8Array;
  try {
    bytes = await file.bytes();
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    if (error instanceof ZipError && error.code === 'unsupported-method' && file.raw) {
      try {
        const raw = await file.raw();
        const entry: ZipInputFile = {
          filename: path,
          size: raw.uncompressedSize,
          crc: raw.crc32,
          compression: raw.method,
          flag: raw.methodFlags,
        };
        zip.add(entry);
        entry.ondata!(null, raw.data, true);
        return `${path}: copied as its zip stores it (compression method ${raw.method}), unread: ${why}`;
      } catch (rawError) {
        const detail = rawError instanceof Error ? rawError.message : String(rawError);
        return `${path}: left out: ${why}; copying it as stored failed too: ${detail}`;
      }
    }
    return `${path}: left out: ${why}`;
  }
  const entry = new ZipPassThrough(path);
  zip.add(entry);
  entry.push(bytes, true);
  return null;
}
