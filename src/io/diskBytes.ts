/**
 * The opened file as the store of what the user did not change: a plain file's bytes are
 * read back from disk when a record is asked for (FileReaderSync, which only workers have),
 * instead of being kept. A zip's entry is inflated, so its bytes are kept instead.
 */
import { DiskBytes } from '../coco/columnar';
import type { VirtualFile } from './virtualFiles';

/**
 * Smaller files keep their bytes: a read from disk costs a trip to the browser's process,
 * which passes that read records one by one (evaluation, replaying a session's edits) feel,
 * while the memory saved is small.
 */
export const READ_BACK_FROM = 64 << 20;

/** FileReaderSync (TypeScript's DOM library does not declare it). */
type SyncReader = { readAsArrayBuffer(blob: Blob): ArrayBuffer };

/** The file read back from disk, or null where that cannot be done (a zip entry, no worker). */
export async function diskBytesOf(file: VirtualFile): Promise<DiskBytes | null> {
  const Reader = (globalThis as { FileReaderSync?: new () => SyncReader }).FileReaderSync;
  if (file.inZip || file.size < READ_BACK_FROM || Reader === undefined) return null;
  const blob = await file.blob();
  const reader = new Reader();
  return new DiskBytes(blob.size, (start, end) => {
    try {
      return new Uint8Array(reader.readAsArrayBuffer(blob.slice(start, end)));
    } catch (error) {
      throw new FileGoneError(file.origin, error);
    }
  });
}

/** The opened file cannot be read any more: moved, deleted or rewritten since it was opened. */
export class FileGoneError extends Error {
  constructor(path: string, cause: unknown) {
    super(
      `${path} can no longer be read: it was moved, deleted or changed on disk after it was opened (a big file's records are read from disk when they are needed)`,
      { cause },
    );
  }
}
