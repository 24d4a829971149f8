/**
 * Reading one entry's bytes out of a zip Blob: the local header (for where the data
 * starts), then only that entry's compressed bytes, inflated in bounded pieces.
 *
 * Zip bombs are refused twice: before reading, from the directory's declared sizes
 * (`maxBytes`, `maxRatio`), and while inflating, when output passes the declared size:
 * inflation stops at the next step (see `PUSH_CHUNK`), so a lying directory costs little
 * more than its declared size in memory and time.
 */
import { Inflate } from 'fflate';
import { readBytes, u16, u32 } from './bytes';
import type { CentralEntry } from './centralDirectory';
import { crc32 } from './crc32';
import { formatBytes, ZipError } from './zipError';

export type ReadOptions = {
  /** Largest uncompressed entry read into memory, in bytes. Default 2 GiB. */
  maxBytes?: number;
  /** Largest uncompressed : compressed ratio accepted above `ratioFloor`. Default 1000. */
  maxRatio?: number;
  /** Entries up to this many uncompressed bytes skip the ratio check. Default 1 MiB. */
  ratioFloor?: number;
  /** Check the CRC-32 of what was read. Default true. */
  verifyCrc?: boolean;
};

/** What reading needs from an entry; a `CentralEntry` or a `ZipEntry` has it all. */
export type ReadableEntry = Pick<
  CentralEntry,
  | 'rawName'
  | 'method'
  | 'crc32'
  | 'compressedSize'
  | 'uncompressedSize'
  | 'localHeaderOffset'
  | 'encrypted'
>;

export const DEFAULT_MAX_BYTES = 2 * 1024 ** 3;
const DEFAULT_MAX_RATIO = 1000;
const DEFAULT_RATIO_FLOOR = 1024 ** 2;
const LOCAL_SIG = 0x04034b50;
const LOCAL_LENGTH = 30;
/** Compressed bytes per Blob read: bounds memory for the input side. */
const READ_CHUNK = 8 * 1024 ** 2;
/**
 * Compressed bytes per inflate step. fflate hands over a step's output in one piece, and
 * deflate expands at most 1032:1, so an entry that lies about its size is stopped with at
 * most ~66 MB inflated past its declared size (which is what `out` holds).
 */
const PUSH_CHUNK = 64 * 1024;

const METHOD_NAMES: Readonly<Record<number, string>> = {
  1: 'Shrink',
  6: 'Implode',
  9: 'Deflate64',
  12: 'bzip2',
  14: 'LZMA',
  93: 'Zstandard',
  95: 'XZ',
  96: 'JPEG (WinZip)',
  98: 'PPMd',
  99: 'AES encryption',
};

/**
 * The uncompressed bytes of `entry`, CRC-checked. Rejects with a `ZipError`: 'encrypted',
 * 'unsupported-method', 'too-large', 'bomb', 'truncated', 'corrupt-directory',
 * 'corrupt-data' or 'crc-mismatch'.
 */
export async function readEntry(
  blob: Blob,
  entry: ReadableEntry,
  options: ReadOptions = {},
): Promise<Uint8Array<ArrayBuffer>> {
  checkReadable(entry, options);
  const { start, end } = await dataRange(blob, entry);
  const bytes =
    entry.method === 0 ? await readBytes(blob, start, end) : await inflate(blob, entry, start, end);
  if (options.verifyCrc !== false) {
    const actual = crc32(bytes);
    if (actual !== entry.crc32) {
      throw new ZipError(
        'crc-mismatch',
        `entry "${entry.rawName}" is damaged: its CRC-32 is ${hex(actual)} but the archive ` +
          `says ${hex(entry.crc32)}.`,
        entry.rawName,
      );
    }
  }
  return bytes;
}

/**
 * The content of `entry` as a Blob of MIME `type`. A stored entry is a slice of the archive
 * Blob: nothing is read or copied (so its CRC is not checked; a damaged picture shows as a
 * broken picture). A deflated entry is read with `readEntry` and wrapped.
 */
export async function readEntryAsBlob(
  blob: Blob,
  entry: ReadableEntry,
  options: ReadOptions & { type?: string } = {},
): Promise<Blob> {
  if (entry.method !== 0) {
    return new Blob([await readEntry(blob, entry, options)], { type: options.type ?? '' });
  }
  // No size limits: a slice costs no memory however large the entry is.
  checkReadable(entry, { maxBytes: Infinity, maxRatio: Infinity });
  const { start, end } = await dataRange(blob, entry);
  return blob.slice(start, end, options.type ?? '');
}

/** An entry's data as the archive stores it: to copy into another zip without reading it. */
export type RawEntry = {
  /** Compression method (0 stored, 8 Deflate, 14 LZMA, …). */
  method: number;
  /** General-purpose flag bits 1 and 2 (method options: LZMA's end-of-stream marker). */
  methodFlags: number;
  crc32: number;
  uncompressedSize: number;
  /** The compressed bytes. */
  data: Uint8Array<ArrayBuffer>;
};

/**
 * The entry's compressed bytes, not decompressed and so not checked: for copying an entry
 * this reader cannot inflate (LZMA, bzip2) into another zip as it is. Refuses encrypted
 * entries (their copy would need the archive's key material) and entries over `maxBytes`.
 */
export async function readRawEntry(
  blob: Blob,
  entry: ReadableEntry & { flags: number },
  options: Pick<ReadOptions, 'maxBytes'> = {},
): Promise<RawEntry> {
  const name = entry.rawName;
  if (entry.encrypted || entry.method === 99)
    throw new ZipError('encrypted', `entry "${name}" is encrypted; it cannot be copied.`, name);
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (entry.compressedSize > maxBytes) {
    throw new ZipError(
      'too-large',
      `entry "${name}" is ${formatBytes(entry.compressedSize)}, over the ${formatBytes(maxBytes)} limit.`,
      name,
    );
  }
  const { start, end } = await dataRange(blob, entry);
  return {
    method: entry.method,
    methodFlags: (entry.flags >> 1) & 3,
    crc32: entry.crc32,
    uncompressedSize: entry.uncompressedSize,
    data: await readBytes(blob, start, end),
  };
}

/**
 * Why the entry cannot be read at all, known from the directory alone (encrypted, a
 * compression method other than stored and Deflate), or null.
 */
export function unreadableReason(entry: ReadableEntry): string | null {
  if (!entry.encrypted && (entry.method === 0 || entry.method === 8)) return null;
  try {
    checkReadable(entry, { maxBytes: Infinity, maxRatio: Infinity });
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** Refuses, from the directory alone, entries this reader cannot or should not read. */
function checkReadable(entry: ReadableEntry, options: ReadOptions): void {
  const name = entry.rawName;
  const refuse = (code: 'encrypted' | 'unsupported-method' | 'too-large' | 'bomb', why: string) =>
    new ZipError(code, `entry "${name}" ${why}`, name);
  if (entry.encrypted || entry.method === 99) {
    throw refuse('encrypted', 'is encrypted; cocoscope cannot read encrypted zips.');
  }
  if (entry.method !== 0 && entry.method !== 8) {
    const method = METHOD_NAMES[entry.method] ?? 'unknown';
    throw refuse(
      'unsupported-method',
      `uses compression method ${entry.method} (${method}); cocoscope reads only stored and ` +
        'Deflate entries. Re-create the zip with standard (Deflate) compression.',
    );
  }
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const size = entry.uncompressedSize;
  if (size > maxBytes) {
    throw refuse(
      'too-large',
      `is ${formatBytes(size)} uncompressed, over the ${formatBytes(maxBytes)} limit.`,
    );
  }
  const maxRatio = options.maxRatio ?? DEFAULT_MAX_RATIO;
  if (
    size > (options.ratioFloor ?? DEFAULT_RATIO_FLOOR) &&
    size > maxRatio * entry.compressedSize
  ) {
    const ratio = entry.compressedSize > 0 ? Math.round(size / entry.compressedSize) : Infinity;
    throw refuse(
      'bomb',
      `would expand ${ratio}:1 (${formatBytes(size)} from ${formatBytes(entry.compressedSize)}); ` +
        'refusing it as a likely zip bomb.',
    );
  }
}

/** Where the entry's compressed bytes are, from its local header. */
async function dataRange(
  blob: Blob,
  entry: ReadableEntry,
): Promise<{ start: number; end: number }> {
  const name = entry.rawName;
  const offset = entry.localHeaderOffset;
  const header = await readBytes(blob, offset, offset + LOCAL_LENGTH);
  if (header.length < LOCAL_LENGTH) {
    throw new ZipError('truncated', `entry "${name}" lies past the end of the archive.`, name);
  }
  if (u32(header, 0) !== LOCAL_SIG) {
    throw new ZipError(
      'corrupt-directory',
      `entry "${name}" cannot be found: the directory points at byte ${offset}, where no ` +
        'entry starts.',
      name,
    );
  }
  // The local name and extra lengths may differ from the central ones: use these.
  const start = offset + LOCAL_LENGTH + u16(header, 26) + u16(header, 28);
  const end = start + entry.compressedSize;
  if (end > blob.size) {
    throw new ZipError(
      'truncated',
      `entry "${name}" is cut short: the archive ends ${formatBytes(end - blob.size)} early.`,
      name,
    );
  }
  if (entry.method === 0 && entry.compressedSize !== entry.uncompressedSize) {
    throw new ZipError(
      'corrupt-directory',
      `entry "${name}" is stored uncompressed, yet the directory gives two different sizes.`,
      name,
    );
  }
  return { start, end };
}

/**
 * Inflates [start, end) into a buffer of exactly the declared size, or rejects. The
 * platform's own inflater (DecompressionStream, native zlib) is several times faster than
 * JavaScript's; fflate is the fallback where it is missing.
 */
async function inflate(
  blob: Blob,
  entry: ReadableEntry,
  start: number,
  end: number,
): Promise<Uint8Array<ArrayBuffer>> {
  if (typeof DecompressionStream === 'undefined' || start === end)
    return inflateFflate(blob, entry, start, end);
  const name = entry.rawName;
  const out = new Uint8Array(entry.uncompressedSize);
  let written = 0;
  const reader = blob
    .slice(start, end)
    .stream()
    .pipeThrough(new DecompressionStream('deflate-raw'))
    .getReader();
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      if (written + value.length > out.length) {
        await reader.cancel().catch(() => {});
        throw new ZipError(
          'bomb',
          `entry "${name}" inflates past its declared ${formatBytes(out.length)}; stopped ` +
            'reading it as a likely zip bomb.',
          name,
        );
      }
      out.set(value, written);
      written += value.length;
    }
  } catch (error) {
    if (error instanceof ZipError) throw error;
    const detail = error instanceof Error ? error.message : String(error);
    throw new ZipError('corrupt-data', `entry "${name}" is damaged: ${detail}.`, name);
  }
  if (written !== out.length) {
    throw new ZipError(
      'corrupt-data',
      `entry "${name}" is damaged: it inflates to ${formatBytes(written)}, not the ` +
        `${formatBytes(out.length)} the directory says.`,
      name,
    );
  }
  return out;
}

/** `inflate` in JavaScript (fflate), in steps so a lying entry is stopped early. */
async function inflateFflate(
  blob: Blob,
  entry: ReadableEntry,
  start: number,
  end: number,
): Promise<Uint8Array<ArrayBuffer>> {
  const name = entry.rawName;
  const out = new Uint8Array(entry.uncompressedSize);
  if (start === end && out.length === 0) return out;
  let written = 0;
  const inflater = new Inflate((chunk) => {
    if (written + chunk.length > out.length) {
      throw new ZipError(
        'bomb',
        `entry "${name}" inflates past its declared ${formatBytes(out.length)}; stopped ` +
          'reading it as a likely zip bomb.',
        name,
      );
    }
    out.set(chunk, written);
    written += chunk.length;
  });
  const push = (data: Uint8Array, final: boolean): void => {
    try {
      inflater.push(data, final);
    } catch (error) {
      if (error instanceof ZipError) throw error;
      const detail = error instanceof Error ? error.message : String(error);
      throw new ZipError('corrupt-data', `entry "${name}" is damaged: ${detail}.`, name);
    }
  };
  if (start === end) push(new Uint8Array(0), true); // no deflate stream at all: rejects
  for (let at = start; at < end; at += READ_CHUNK) {
    const piece = await readBytes(blob, at, Math.min(end, at + READ_CHUNK));
    for (let i = 0; i < piece.length; i += PUSH_CHUNK) {
      push(
        piece.subarray(i, i + PUSH_CHUNK),
        at + READ_CHUNK >= end && i + PUSH_CHUNK >= piece.length,
      );
    }
  }
  if (written !== out.length) {
    throw new ZipError(
      'corrupt-data',
      `entry "${name}" is damaged: it inflates to ${formatBytes(written)}, not the ` +
        `${formatBytes(out.length)} the directory says.`,
      name,
    );
  }
  return out;
}

function hex(value: number): string {
  return `0x${value.toString(16).padStart(8, '0')}`;
}
