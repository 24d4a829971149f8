/**
 * Test support: a small zip writer for the archives fflate will not make (Zip64 records,
 * data descriptors, CP437 names, lying sizes, odd methods), and a Blob that counts what is
 * read from it. Not used by the app.
 */
import { deflateSync } from 'fflate';
import { crc32 } from '../crc32';

export type HandEntry = {
  /** A string is written as UTF-8; bytes are written verbatim (for CP437 names). */
  name: string | Uint8Array;
  /** The uncompressed content. */
  data?: Uint8Array;
  /** 0 stored (default) or 8 deflate; any other number is written with `data` as is. */
  method?: number;
  /** Extra general-purpose flags, ORed in (1 = encrypted). */
  flags?: number;
  /** Set flag bit 11 (UTF-8 name). */
  utf8?: boolean;
  /** Flag bit 3: zero CRC and sizes in the local header, a descriptor after the data. */
  dataDescriptor?: boolean;
  /** Saturate the 32-bit sizes and offset and put the real ones in a Zip64 extra field. */
  zip64?: boolean;
  /** Already-compressed bytes, instead of deflating `data`. */
  compressed?: Uint8Array;
  /** Lies for the central directory. */
  crc?: number;
  uncompressedSize?: number;
  compressedSize?: number;
  centralExtra?: Uint8Array;
  externalAttributes?: number;
};

export type HandZipOptions = {
  /** Write Zip64 end-of-central-directory record and locator. */
  zip64?: boolean;
  comment?: string;
};

const encoder = new TextEncoder();

/** Appends little-endian fields to one growing buffer (100k entries make no garbage). */
class Writer {
  private buffer = new Uint8Array(1 << 16);
  private view = new DataView(this.buffer.buffer);
  length = 0;
  private room(n: number): number {
    if (this.length + n > this.buffer.length) {
      const grown = new Uint8Array(Math.max(this.buffer.length * 2, this.length + n));
      grown.set(this.buffer.subarray(0, this.length));
      this.buffer = grown;
      this.view = new DataView(grown.buffer);
    }
    const at = this.length;
    this.length += n;
    return at;
  }
  bytes(data: Uint8Array): void {
    const at = this.room(data.length); // first: it may replace the buffer
    this.buffer.set(data, at);
  }
  u16(v: number): void {
    const at = this.room(2);
    this.view.setUint16(at, v, true);
  }
  u32(v: number): void {
    const at = this.room(4);
    this.view.setUint32(at, v >>> 0, true);
  }
  u64(v: number): void {
    const at = this.room(8);
    this.view.setBigUint64(at, BigInt(v), true);
  }
  result(): Uint8Array<ArrayBuffer> {
    return this.buffer.slice(0, this.length);
  }
}

function zip64Extra(values: number[]): Uint8Array {
  const w = new Writer();
  w.u16(0x0001);
  w.u16(values.length * 8);
  for (const v of values) w.u64(v);
  return w.result();
}

/** Writes a whole archive: local headers and data, central directory, end records. */
export function buildZip(
  entries: HandEntry[],
  options: HandZipOptions = {},
): Uint8Array<ArrayBuffer> {
  const out = new Writer();
  const central = new Writer();
  for (const entry of entries) {
    const name = typeof entry.name === 'string' ? encoder.encode(entry.name) : entry.name;
    const data = entry.data ?? new Uint8Array(0);
    const method = entry.method ?? 0;
    const compressed = entry.compressed ?? (method === 8 ? deflateSync(data) : data);
    const flags = (entry.flags ?? 0) | (entry.utf8 ? 0x800 : 0) | (entry.dataDescriptor ? 0x8 : 0);
    const crc = entry.crc ?? crc32(data);
    const size = entry.uncompressedSize ?? data.length;
    const csize = entry.compressedSize ?? compressed.length;
    const offset = out.length;
    const wide = entry.zip64 === true;
    const descriptor = entry.dataDescriptor === true;

    const localExtra = wide ? zip64Extra(descriptor ? [0, 0] : [size, csize]) : new Uint8Array(0);
    out.u32(0x04034b50);
    out.u16(wide ? 45 : 20);
    out.u16(flags);
    out.u16(method);
    out.u32(0); // DOS time and date
    out.u32(descriptor ? 0 : crc);
    out.u32(wide ? 0xffffffff : descriptor ? 0 : csize);
    out.u32(wide ? 0xffffffff : descriptor ? 0 : size);
    out.u16(name.length);
    out.u16(localExtra.length);
    out.bytes(name);
    out.bytes(localExtra);
    out.bytes(compressed);
    if (descriptor) {
      out.u32(0x08074b50);
      out.u32(crc);
      if (wide) [csize, size].forEach((v) => out.u64(v));
      else [csize, size].forEach((v) => out.u32(v));
    }

    const extra = new Uint8Array([
      ...(wide ? zip64Extra([size, csize, offset]) : []),
      ...(entry.centralExtra ?? []),
    ]);
    central.u32(0x02014b50);
    central.u16(wide ? 45 : 20); // made by: MS-DOS host
    central.u16(wide ? 45 : 20);
    central.u16(flags);
    central.u16(method);
    central.u32(0);
    central.u32(crc);
    central.u32(wide ? 0xffffffff : csize);
    central.u32(wide ? 0xffffffff : size);
    central.u16(name.length);
    central.u16(extra.length);
    central.u16(0); // comment
    central.u16(0); // disk
    central.u16(0); // internal attributes
    central.u32(entry.externalAttributes ?? 0);
    central.u32(wide ? 0xffffffff : offset);
    central.bytes(name);
    central.bytes(extra);
  }
  const directoryOffset = out.length;
  const directory = central.result();
  out.bytes(directory);
  const count = entries.length;
  if (options.zip64) {
    const record = out.length;
    out.u32(0x06064b50);
    out.u64(44); // size of the rest of this record
    out.u16(45);
    out.u16(45);
    out.u32(0);
    out.u32(0);
    out.u64(count);
    out.u64(count);
    out.u64(directory.length);
    out.u64(directoryOffset);
    out.u32(0x07064b50);
    out.u32(0);
    out.u64(record);
    out.u32(1);
  }
  const comment = encoder.encode(options.comment ?? '');
  out.u32(0x06054b50);
  out.u16(0);
  out.u16(0);
  out.u16(options.zip64 ? 0xffff : count & 0xffff);
  out.u16(options.zip64 ? 0xffff : count & 0xffff);
  out.u32(options.zip64 ? 0xffffffff : directory.length);
  out.u32(options.zip64 ? 0xffffffff : directoryOffset);
  out.u16(comment.length);
  out.bytes(comment);
  return out.result();
}

/**
 * A Blob that counts the bytes actually read (`arrayBuffer()` of its slices), so a test
 * can check that listing or reading one entry does not read the archive.
 */
export class CountingBlob extends Blob {
  bytesRead = 0;
  reads = 0;

  override slice(start?: number, end?: number, type?: string): Blob {
    const part = super.slice(start, end, type);
    const read = part.arrayBuffer.bind(part);
    part.arrayBuffer = async () => {
      const buffer = await read();
      this.bytesRead += buffer.byteLength;
      this.reads += 1;
      return buffer;
    };
    return part;
  }
}
