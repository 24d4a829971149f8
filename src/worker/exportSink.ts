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

class OpfsSink implements ExportSink {
  private at = 0;
  private readonly encoder = new TextEncoder();
  constructor(
    private readonly file: FileSystemFileHandle,
    private readonly handle: SyncHandle,
  ) {}

  write(chunk: Uint8Array | string): void {
    const bytes = typeof chunk === 'string' ? this.encoder.encode(chunk) : chunk;
    this.at += this.handle.write(bytes, { at: this.at });
  }

  async finish(type: string): Promise<Blob> {
    this.handle.flush();
    this.handle.close();
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
    return new OpfsSink(file, await create.call(file));
  } catch {
    return new BlobSink();
  }
}
