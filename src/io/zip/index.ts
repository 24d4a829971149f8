/**
 * Random-access zip reading over a Blob: list an archive from its central directory and
 * read single entries, never the whole archive. `openZip` is the facade; the lower-level
 * functions are exported for callers that already hold a directory entry.
 */
export { openZip, mimeTypeOf, type ZipArchive, type ZipEntry } from './zipReader';
export {
  readEntry,
  readEntryAsBlob,
  readRawEntry,
  unreadableReason,
  DEFAULT_MAX_BYTES,
  type RawEntry,
  type ReadOptions,
  type ReadableEntry,
} from './readEntry';
export { readCentralDirectory, type CentralDirectory, type CentralEntry } from './centralDirectory';
export { decodeCp437, toEntryPath, type NameEncoding } from './names';
export { ZipError, type ZipErrorCode } from './zipError';
export { crc32 } from './crc32';
