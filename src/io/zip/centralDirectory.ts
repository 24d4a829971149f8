/**
 * A zip's central directory, read without reading the archive: the end records (see
 * `endRecord.ts`), then the whole directory in one slice (none when it lies in the tail
 * already read), parsed record by record.
 *
 * Offsets and sizes are bytes within the archive Blob. Zip64 values are plain numbers;
 * anything past 2^53 is treated as a damaged directory.
 */
import { readBytes, u16, u32, u64 } from './bytes';
import { crc32 } from './crc32';
import { locateDirectory, type Fail } from './endRecord';
import { decodeName, type NameEncoding } from './names';
import { ZipError } from './zipError';

/** One central directory record, as stored (names decoded, Zip64 fields applied). */
export type CentralEntry = {
  /** Position in the central directory, from 0. */
  readonly index: number;
  /** The decoded stored name, before any path normalization. */
  readonly rawName: string;
  readonly nameEncoding: NameEncoding;
  /** Compression method: 0 stored, 8 deflate; anything else is listed but not read. */
  readonly method: number;
  /** General-purpose bit flags: bit 0 encrypted, bit 3 data descriptor, bit 11 UTF-8. */
  readonly flags: number;
  /** CRC-32 of the uncompressed bytes, unsigned. */
  readonly crc32: number;
  /** Bytes. With a data descriptor (bit 3) these are still right: they come from here. */
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  /** Where the entry's local file header starts in the archive. */
  readonly localHeaderOffset: number;
  readonly isDirectory: boolean;
  /** Flag bit 0: traditional PKWARE or AES encryption. */
  readonly encrypted: boolean;
};

export type CentralDirectory = {
  /** Every record, directories included, in directory order. */
  readonly entries: CentralEntry[];
  readonly comment: string;
  readonly zip64: boolean;
};

const CENTRAL_SIG = 0x02014b50;
const CENTRAL_LENGTH = 46;
const DIGITAL_SIGNATURE_SIG = 0x05054b50;
const ZIP64_EXTRA = 0x0001;
const UNICODE_PATH_EXTRA = 0x7075;
const SATURATED = 0xffffffff;
/** A directory this big (≈ 10 million entries) is refused rather than read into memory. */
const MAX_DIRECTORY_BYTES = 1 << 30;
const utf8 = new TextDecoder('utf-8');

/**
 * Reads the central directory of the zip in `blob`; `archiveName` appears only in error
 * messages. Rejects with a `ZipError`: 'not-zip', 'truncated', 'corrupt-directory' or
 * 'too-large'.
 */
export async function readCentralDirectory(
  blob: Blob,
  archiveName = 'the archive',
): Promise<CentralDirectory> {
  const fail: Fail = (code, why) => new ZipError(code, `"${archiveName}" ${why}`);
  const loc = await locateDirectory(blob, fail);
  if (loc.size > MAX_DIRECTORY_BYTES) {
    const mib = Math.round(loc.size / 2 ** 20);
    throw fail('too-large', `has a ${mib} MiB central directory, too big to list.`);
  }
  if (loc.offset + loc.size > blob.size) {
    throw fail('truncated', 'is cut short: its central directory runs past the end of the file.');
  }
  if (loc.count * CENTRAL_LENGTH > loc.size || loc.offset + loc.size > loc.end) {
    throw fail(
      'corrupt-directory',
      'has a damaged end record: the directory size, offset and entry count disagree.',
    );
  }
  let directory =
    loc.offset >= loc.tailStart
      ? loc.tail.subarray(loc.offset - loc.tailStart, loc.offset - loc.tailStart + loc.size)
      : await readBytes(blob, loc.offset, loc.offset + loc.size);
  // Data prepended to a zip, such as a self-extracting program, shifts every offset by
  // its length. The directory always ends where the end records start, so look there too.
  let shift = 0;
  const gap = loc.end - (loc.offset + loc.size);
  if (gap > 0 && loc.size > 0 && u32(directory, 0) !== CENTRAL_SIG) {
    const moved = await readBytes(blob, loc.end - loc.size, loc.end);
    if (u32(moved, 0) === CENTRAL_SIG) [directory, shift] = [moved, gap];
  }
  const entries = parseEntries(directory, shift, (why) =>
    fail('corrupt-directory', `has a damaged central directory: ${why}`),
  );
  // Writers without Zip64 store the count modulo 65,536; the directory's bytes decide.
  const matches = loc.zip64
    ? entries.length === loc.count
    : (entries.length & 0xffff) === (loc.count & 0xffff);
  if (!matches) {
    throw fail(
      'corrupt-directory',
      `has a damaged central directory: it holds ${entries.length} entries but its end record says ${loc.count}.`,
    );
  }
  return { entries, comment: loc.comment, zip64: loc.zip64 };
}

function parseEntries(
  directory: Uint8Array,
  shift: number,
  corrupt: (why: string) => ZipError,
): CentralEntry[] {
  const entries: CentralEntry[] = [];
  let p = 0;
  while (p < directory.length) {
    const signature = u32(directory, p);
    if (signature === DIGITAL_SIGNATURE_SIG) break;
    const index = entries.length;
    if (p + CENTRAL_LENGTH > directory.length || signature !== CENTRAL_SIG) {
      throw corrupt(`record ${index + 1} is not where the previous one ends.`);
    }
    const flags = u16(directory, p + 8);
    const nameLength = u16(directory, p + 28);
    const extraLength = u16(directory, p + 30);
    const nameEnd = p + CENTRAL_LENGTH + nameLength;
    const next = nameEnd + extraLength + u16(directory, p + 32);
    if (next > directory.length) throw corrupt(`record ${index + 1} runs past its end.`);

    const nameBytes = directory.subarray(p + CENTRAL_LENGTH, nameEnd);
    const name = decodeName(nameBytes, (flags & 0x800) !== 0);
    const fields = applyExtras(directory.subarray(nameEnd, nameEnd + extraLength), nameBytes, {
      rawName: name.text,
      nameEncoding: name.encoding,
      uncompressedSize: u32(directory, p + 24),
      compressedSize: u32(directory, p + 20),
      localHeaderOffset: u32(directory, p + 42),
    });
    if (fields === null) throw corrupt(`entry "${name.text}" has a damaged Zip64 field.`);
    const { rawName, uncompressedSize } = fields;
    const madeByDos = u16(directory, p + 4) >> 8 === 0;
    const dosDirectory = (u32(directory, p + 38) & 0x10) !== 0 && madeByDos;
    // Every field spelled out, in one order: one object shape for all entries keeps a
    // 100k-entry directory fast (spreads here cost several times the whole parse).
    entries.push({
      index,
      rawName,
      nameEncoding: fields.nameEncoding,
      method: u16(directory, p + 10),
      flags,
      crc32: u32(directory, p + 16),
      compressedSize: fields.compressedSize,
      uncompressedSize,
      localHeaderOffset: fields.localHeaderOffset + shift,
      isDirectory:
        rawName.endsWith('/') || rawName.endsWith('\\') || (dosDirectory && uncompressedSize === 0),
      encrypted: (flags & 1) !== 0,
    });
    p = next;
  }
  return entries;
}

type ExtraFields = {
  rawName: string;
  nameEncoding: NameEncoding;
  uncompressedSize: number;
  compressedSize: number;
  localHeaderOffset: number;
};

/**
 * Applies the extra fields the reader understands: Zip64 (0x0001) sizes and offset, and
 * the Info-ZIP Unicode Path (0x7075), updating `fields` in place. Null when a saturated
 * field has no Zip64 value.
 */
function applyExtras(
  extra: Uint8Array,
  nameBytes: Uint8Array,
  fields: ExtraFields,
): ExtraFields | null {
  const out = fields;
  for (let e = 0; e + 4 <= extra.length;) {
    const tag = u16(extra, e);
    const data = extra.subarray(e + 4, e + 4 + u16(extra, e + 2));
    e += 4 + data.length;
    if (tag === ZIP64_EXTRA) {
      // Only the fields saturated in the fixed record are present, in this order.
      let f = 0;
      const wide = (value: number): number | null => {
        if (value !== SATURATED) return value;
        f += 8;
        return f <= data.length ? u64(data, f - 8) : null;
      };
      const uncompressed = wide(out.uncompressedSize);
      const compressed = wide(out.compressedSize);
      const offset = wide(out.localHeaderOffset);
      if (uncompressed === null || compressed === null || offset === null) return null;
      out.uncompressedSize = uncompressed;
      out.compressedSize = compressed;
      out.localHeaderOffset = offset;
    } else if (tag === UNICODE_PATH_EXTRA && data.length >= 5 && data[0] === 1) {
      // Valid only while the CRC of the stored name matches: an editor that renamed the
      // entry without knowing this field leaves a stale one behind.
      if (u32(data, 1) === crc32(nameBytes)) {
        out.rawName = utf8.decode(data.subarray(5));
        out.nameEncoding = 'unicode-path-extra';
      }
    }
  }
  const saturated = [out.uncompressedSize, out.compressedSize, out.localHeaderOffset];
  return saturated.includes(SATURATED) ? null : out;
}
