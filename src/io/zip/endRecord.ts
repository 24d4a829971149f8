/**
 * Where a zip's central directory is: found from the end of the archive by reading the
 * last 16 KiB, then, only if the end record is not there (a long comment), the last
 * 65,557 bytes (the 22-byte record plus the longest possible comment). Zip64 adds at most
 * two small reads (locator, then the 56-byte Zip64 end record) when they are not in the tail.
 * All offsets are bytes from the start of the archive Blob.
 */
import { readBytes, u16, u32, u64 } from './bytes';
import { decodeName } from './names';
import { ZipError } from './zipError';

export type DirectoryLocation = {
  /** Entry count from the end record (16 bits only, unless `zip64`). */
  readonly count: number;
  /** Byte length of the central directory. */
  readonly size: number;
  /** Where the end record says the directory starts. */
  readonly offset: number;
  /** Where the end records start: the directory ends here in a well-formed archive. */
  readonly end: number;
  readonly zip64: boolean;
  readonly comment: string;
  /** The archive's last bytes as read, from `tailStart`: the directory may lie inside. */
  readonly tail: Uint8Array;
  readonly tailStart: number;
};

export type ArchiveFailure = 'not-zip' | 'truncated' | 'corrupt-directory' | 'too-large';
/** Builds the error for an archive-wide problem; `why` continues the archive's name. */
export type Fail = (code: ArchiveFailure, why: string) => ZipError;

const EOCD_SIG = 0x06054b50;
const EOCD_LENGTH = 22;
const TAIL_LENGTH = EOCD_LENGTH + 0xffff;
/** Most zips have no comment: a small first read finds the record, often the directory too. */
const FIRST_TAIL_LENGTH = 16 * 1024;
const ZIP64_LOCATOR_SIG = 0x07064b50;
const ZIP64_LOCATOR_LENGTH = 20;
const ZIP64_EOCD_SIG = 0x06064b50;
const ZIP64_EOCD_LENGTH = 56;
const LOCAL_SIG = 0x04034b50;

/** Finds the end record(s) of the zip in `blob`; rejects with a `ZipError` via `fail`. */
export async function locateDirectory(blob: Blob, fail: Fail): Promise<DirectoryLocation> {
  let tailStart = Math.max(0, blob.size - FIRST_TAIL_LENGTH);
  let tail = await readBytes(blob, tailStart, blob.size);
  let at = findEndRecord(tail);
  if (at < 0 && tailStart > 0) {
    tailStart = Math.max(0, blob.size - TAIL_LENGTH);
    tail = await readBytes(blob, tailStart, blob.size);
    at = findEndRecord(tail);
  }
  if (at < 0) {
    const head = tailStart === 0 ? tail : await readBytes(blob, 0, 4);
    if (head.length >= 4 && u32(head, 0) === LOCAL_SIG) {
      throw fail(
        'truncated',
        'is cut short: it starts like a zip but its end (the central directory) is missing. ' +
          'Was a download or copy interrupted?',
      );
    }
    throw fail('not-zip', 'is not a zip archive (no end-of-central-directory record).');
  }
  const disk = u16(tail, at + 4);
  if (disk !== 0 && disk !== 0xffff) {
    throw fail(
      'corrupt-directory',
      'is one part of a split (multi-volume) zip; join the parts into one archive first.',
    );
  }
  const commentBytes = tail.subarray(at + EOCD_LENGTH, at + EOCD_LENGTH + u16(tail, at + 20));
  const comment = decodeName(commentBytes, false).text;
  const eocd = tailStart + at;
  const classic = {
    count: u16(tail, at + 10),
    size: u32(tail, at + 12),
    offset: u32(tail, at + 16),
    end: eocd,
    zip64: false,
    comment,
    tail,
    tailStart,
  };
  // 0xFFFF entries can be genuine; a saturated size or offset means Zip64 is required.
  const needsZip64 = classic.size === 0xffffffff || classic.offset === 0xffffffff;
  const missing = () => fail('corrupt-directory', 'needs Zip64 end records that are missing.');
  if (eocd < ZIP64_LOCATOR_LENGTH) {
    if (needsZip64) throw missing();
    return classic;
  }
  const locatorStart = eocd - ZIP64_LOCATOR_LENGTH;
  const locator =
    at >= ZIP64_LOCATOR_LENGTH
      ? tail.subarray(at - ZIP64_LOCATOR_LENGTH, at)
      : await readBytes(blob, locatorStart, eocd);
  if (u32(locator, 0) !== ZIP64_LOCATOR_SIG) {
    if (needsZip64) throw missing();
    return classic;
  }
  // The stated offset is tried first; the record normally sits right before the locator,
  // which is where it is when data prepended to the archive has shifted every offset.
  const candidates = [u64(locator, 8), locatorStart - ZIP64_EOCD_LENGTH].filter(
    (o): o is number => o !== null && o >= 0 && o + ZIP64_EOCD_LENGTH <= locatorStart,
  );
  for (const start of candidates) {
    const record =
      start >= tailStart
        ? tail.subarray(start - tailStart, start - tailStart + ZIP64_EOCD_LENGTH)
        : await readBytes(blob, start, start + ZIP64_EOCD_LENGTH);
    if (u32(record, 0) !== ZIP64_EOCD_SIG) continue;
    const count = u64(record, 32);
    const size = u64(record, 40);
    const offset = u64(record, 48);
    if (count === null || size === null || offset === null) break;
    return { count, size, offset, end: start, zip64: true, comment, tail, tailStart };
  }
  throw fail('corrupt-directory', 'has a damaged Zip64 end record.');
}

/** The offset of the end record in `tail`: the last signature whose comment fits, or -1. */
function findEndRecord(tail: Uint8Array): number {
  for (let i = tail.length - EOCD_LENGTH; i >= 0; i--) {
    if (tail[i] !== 0x50 || u32(tail, i) !== EOCD_SIG) continue;
    if (i + EOCD_LENGTH + u16(tail, i + 20) <= tail.length) return i;
  }
  return -1;
}
