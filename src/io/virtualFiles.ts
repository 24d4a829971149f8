/**
 * One view over everything the user opened: plain files and the entries of zips, each a
 * `VirtualFile` with a path and lazy reads. A zip is listed from its central directory
 * and an entry is read only when asked for, so a 1 GB images zip costs its directory.
 */
import { isZip } from './layout';
import { openZip, unreadableReason, type RawEntry, type ZipArchive, type ZipEntry } from './zip';

export type VirtualFile = {
  /** Forward-slash path; a zip's entries are prefixed by nothing (their own paths). */
  readonly path: string;
  /** Uncompressed size in bytes. */
  readonly size: number;
  /** The zip (or file) it comes from, for messages. */
  readonly origin: string;
  /** A plain file streams from disk; a zip entry is inflated whole when read. */
  readonly inZip: boolean;
  /** Why it cannot be read, when its zip's directory already says (encrypted, LZMA). */
  readonly unreadable?: string | null;
  /** The bytes, inflated if needed. */
  bytes(): Promise<Uint8Array>;
  /** A Blob of the content: a slice of the opened file when stored, no copy. */
  blob(): Promise<Blob>;
  /** A zip entry's bytes as its zip stores them (compressed), to copy one that cannot be read. */
  raw?: () => Promise<RawEntry>;
};

export type Source = { path: string; file: Blob };

/** A note about a file that could not be listed (a corrupt zip, say). */
export type SourceProblem = { path: string; message: string };

export function fromFile(source: Source): VirtualFile {
  const { file, path } = source;
  return {
    path: normalizePath(path),
    size: file.size,
    origin: path,
    inZip: false,
    bytes: async () => new Uint8Array(await file.arrayBuffer()),
    blob: async () => file,
  };
}

function fromZipEntry(archive: ZipArchive, entry: ZipEntry, origin: string): VirtualFile {
  return {
    path: entry.path,
    size: entry.uncompressedSize,
    origin: `${origin}: ${entry.path}`,
    inZip: true,
    unreadable: unreadableReason(entry),
    bytes: () => archive.read(entry),
    blob: () => archive.readAsBlob(entry),
    raw: () => archive.readRaw(entry),
  };
}

/** Lists every file: plain files as they are, zips by their entries (one level deep). */
export async function listSources(
  sources: readonly Source[],
): Promise<{ files: VirtualFile[]; archives: string[]; problems: SourceProblem[] }> {
  const files: VirtualFile[] = [];
  const archives: string[] = [];
  const problems: SourceProblem[] = [];
  for (const source of sources) {
    if (!isZip(source.path)) {
      files.push(fromFile(source));
      continue;
    }
    try {
      const archive = await openZip(source.file, source.path);
      archives.push(source.path);
      for (const entry of archive.entries) {
        if (isZip(entry.path)) {
          problems.push({
            path: `${source.path}: ${entry.path}`,
            message: 'a zip inside the zip is not opened; extract it and open it on its own',
          });
          continue;
        }
        if (entry.unsafe) {
          problems.push({
            path: `${source.path}: ${entry.rawName}`,
            message: 'entry path leaves the archive (../ or absolute); skipped',
          });
          continue;
        }
        files.push(fromZipEntry(archive, entry, source.path));
      }
    } catch (error) {
      problems.push({
        path: source.path,
        message: error instanceof Error ? error.message : String(error),
      });
    }
  }
  return { files, archives, problems };
}

/** Forward slashes, no leading `./` or `/`. */
export function normalizePath(path: string): string {
  return path.replace(/\\/g, '/').replace(/^(\.\/|\/)+/, '');
}
