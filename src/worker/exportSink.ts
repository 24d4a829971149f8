/**
 * Where an export's bytes go. In the browser: a file in the origin private file system
 * (OPFS), written through a synchronous access handle in this worker, so an 800 MB zip or
 * a 450 MB json is streamed to disk and handed to the download as a disk-backed File —
 * never held in memory. Elsewhere (Node tests, browsers without OPFS): Blob parts folded
 * every few tens of megabytes.
 */

export type ExportSink = {
  write(chunk: Uint8Array | string): void;
  /** The finished file, of the given MIME type. */
  finish(type: string): Promise<Blob>;
};

const FOLD_BYTES = 32 * 1024 * 1024;
const DIRECTORY = 'exports';

class BlobSink implements ExportSink {
  private blob = new Blob([]);
  private parts: BlobPart[] = [];
  private pending = 0;

  write(chunk: Uint8Array | string): void {
    this.parts.push(chunk as BlobPart);
    this.pending += typeof chunk === 'string' ? chunk.length : chunk.byteLength;
    if (this.pending >= FOLD_BYTES) this.fold('');
  }

  private fold(type: string): void {
    this.blob = new Blob([this.blob, ...this.parts], { type });
    this.parts = [];
    this.pending = 0;
  }

  async finish(type: string): Promise<Blob> {
    this.fold(type);
    return this.blob;
  }
}

/** The subset of the OPFS sync access handle this module uses. */
type SyncHandle = {
  write(data: Uint8Array, options: { at: number }): number;
  flush(): void;
  close(): void;
};

/** The export could not be written whole: the disk or the browser's storage is full. */
export class ExportSpaceError extends Error {
  constructor(file: string, written: number, cause: unknown) {
    const why = cause instanceof Error && cause.name !== 'Error' ? ` (${cause.name})` : '';
    super(
      `${file}: the browser's storage is full${why}; ${formatBytes(written)} were written, so nothing was downloaded. Free disk space (or site data of other pages), then export again — your edits are kept.`,
    );
  }
}

function formatBytes(n: number): string {
  if (n < 1e3) return `${n} bytes`;
  if (n < 1e6) return `${(n / 1e3).toFixed(0)} kB`;
  if (n < 1e9) return `${(n / 1e6).toFixed(1)} MB`;
  return `${(n / 1e9).toFixed(2)} GB`;
}

/**
 * Refuses an export that cannot fit: `bytes` is what it will write at most (the sizes of
 * the files it copies from, plus what edits add, are a good guess); the browser's estimate
 * of the space left decides. No estimate (older browsers): the writes themselves check.
 */
export async function ensureSpace(bytes: number, what: string): Promise<void> {
  let estimate: StorageEstimate;
  try {
    estimate = await navigator.storage.estimate();
  } catch {
    return;
  }
  if (estimate.quota === undefined || estimate.usage === undefined) return;
  const left = estimate.quota - estimate.usage;
  if (left < bytes)
    throw new Error(
      `${what} needs about ${formatBytes(bytes)} of the browser's storage, but only ${formatBytes(Math.max(0, left))} is left; free disk space (or site data of other pages), then export again — your edits are kept.`,
    );
}

class OpfsSink implements ExportSink {
  private at = 0;
  private readonly encoder = new TextEncoder();
  constructor(
    private readonly file: FileSystemFileHandle,
    private readonly handle: SyncHandle,
    private readonly name: string,
  ) {}

  write(chunk: Uint8Array | string): void {
    const bytes = typeof chunk === 'string' ? this.encoder.encode(chunk) : chunk;
    let written: number;
    try {
      written = this.handle.write(bytes, { at: this.at });
    } catch (error) {
      this.close();
      throw new ExportSpaceError(this.name, this.at, error);
    }
    // A write that took less than it was given means the disk (or the browser's quota) is
    // full: stop, rather than hand the user a file that ends half way. (Chromium answers a
    // failed write with 2^32 - 1, a -1 read as unsigned.)
    if (written !== bytes.byteLength) {
      this.close();
      const partial = written >= 0 && written < bytes.byteLength ? written : 0;
      throw new ExportSpaceError(this.name, this.at + partial, null);
    }
    this.at += written;
  }

  private closed = false;
  private close(): void {
    if (this.closed) return;
    this.closed = true;
    this.handle.close();
  }

  async finish(type: string): Promise<Blob> {
    if (!this.closed) this.handle.flush();
    this.close();
    const file = await this.file.getFile();
    return type === '' || file.type === type ? file : file.slice(0, file.size, type);
  }
}

/**
 * Removes earlier exports' files, before a new export: their downloads have long been
 * taken (the browser copies a download as it saves it).
 */
export async function clearExports(): Promise<void> {
  try {
    const root = await navigator.storage.getDirectory();
    await root.removeEntry(DIRECTORY, { recursive: true });
  } catch {
    // nothing exported yet, or no OPFS here
  }
}

/** A sink for one export file. */
export async function openSink(name: string): Promise<ExportSink> {
  try {
    const root = await navigator.storage.getDirectory();
    const dir = await root.getDirectoryHandle(DIRECTORY, { create: true });
    const file = await dir.getFileHandle(`${Date.now()}-${name}`, { create: true });
    const create = (file as unknown as { createSyncAccessHandle?: () => Promise<SyncHandle> })
      .createSyncAccessHandle;
    if (typeof create !== 'function') return new BlobSink();
    return new OpfsSink(file, await create.call(file), name);
  } catch {
    return new BlobSink();
  }
}
