import { describe, it, expect, onTestFinished, vi } from 'vitest';
import { Deflate, deflateSync, strToU8, zipSync } from 'fflate';
import { readCentralDirectory, type CentralEntry } from './centralDirectory';
import { readEntry, readEntryAsBlob, type ReadOptions } from './readEntry';
import { buildZip, CountingBlob, type HandEntry } from './testing/buildZip';
import { ZipError } from './zipError';

/** The archive as a counting Blob plus its first directory entry. */
async function open(
  bytes: Uint8Array<ArrayBuffer>,
): Promise<{ blob: CountingBlob; entries: CentralEntry[] }> {
  const blob = new CountingBlob([bytes]);
  const { entries } = await readCentralDirectory(blob);
  blob.bytesRead = 0;
  return { blob, entries };
}

async function readOnly(entry: HandEntry, options?: ReadOptions): Promise<Uint8Array> {
  const { blob, entries } = await open(buildZip([entry]));
  const [first] = entries;
  if (first === undefined) throw new Error('no entry');
  return readEntry(blob, first, options);
}

async function failure(promise: Promise<unknown>): Promise<ZipError> {
  const error: unknown = await promise.then(
    () => new Error('expected a rejection'),
    (e: unknown) => e,
  );
  if (!(error instanceof ZipError)) throw error;
  return error;
}

/** `megabytes` MiB of zeros, deflated by fflate's streaming Deflate 1 MiB at a time. */
function deflatedZeros(megabytes: number): Uint8Array<ArrayBuffer> {
  const parts: Uint8Array[] = [];
  const deflate = new Deflate({ level: 6 }, (chunk) => parts.push(chunk));
  const mib = new Uint8Array(1 << 20);
  for (let i = 0; i < megabytes; i++) deflate.push(mib, i === megabytes - 1);
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

const text = (s: string) => strToU8(s);

/**
 * Wraps the platform's DecompressionStream for the rest of the test so that what it hands
 * out is counted; returns the count so far (bytes inflated).
 */
function countInflatedBytes(): () => number {
  const Platform = DecompressionStream;
  let count = 0;
  class CountingDecompressionStream {
    readonly writable: WritableStream<BufferSource>;
    readonly readable: ReadableStream<Uint8Array<ArrayBuffer>>;
    constructor(format: CompressionFormat) {
      const inner = new Platform(format);
      this.writable = inner.writable;
      this.readable = inner.readable.pipeThrough(
        new TransformStream<Uint8Array<ArrayBuffer>, Uint8Array<ArrayBuffer>>({
          transform(chunk, controller) {
            count += chunk.length;
            controller.enqueue(chunk);
          },
        }),
      );
    }
  }
  vi.stubGlobal('DecompressionStream', CountingDecompressionStream);
  onTestFinished(() => {
    vi.unstubAllGlobals();
  });
  return () => count;
}

describe('readEntry', () => {
  it('reads stored and deflated entries written by fflate at levels 0 and 6', async () => {
    const json = text(JSON.stringify({ images: Array.from({ length: 500 }, (_, id) => ({ id })) }));
    const jpeg = Uint8Array.from({ length: 70_000 }, (_, i) => (i * 7919) & 0xff);
    const zip = zipSync({ 'a.json': [json, { level: 6 }], 'b.jpg': [jpeg, { level: 0 }] });
    const { blob, entries } = await open(zip);
    expect(entries.map((e) => e.method)).toEqual([8, 0]);
    const [a, b] = entries as [CentralEntry, CentralEntry];
    expect(await readEntry(blob, a)).toEqual(json);
    expect(await readEntry(blob, b)).toEqual(jpeg);
  });

  it('reads entries with data descriptors (sizes zero in the local header)', async () => {
    const data = text('described later '.repeat(100));
    expect(await readOnly({ name: 'd.txt', data, method: 8, dataDescriptor: true })).toEqual(data);
    expect(await readOnly({ name: 's.txt', data, dataDescriptor: true })).toEqual(data);
  });

  it('reads Zip64 entries, including Zip64 data descriptors', async () => {
    const data = text('sixty-four '.repeat(50));
    const entries: HandEntry[] = [
      { name: 'a.txt', data, method: 8, zip64: true },
      { name: 'b.txt', data, zip64: true, dataDescriptor: true },
    ];
    const { blob, entries: listed } = await open(buildZip(entries, { zip64: true }));
    for (const entry of listed) expect(await readEntry(blob, entry)).toEqual(data);
  });

  it('uses the local header’s own extra length to find the data', async () => {
    // The Zip64 entry's local extra (16 bytes) differs from its central one (24 bytes).
    const data = text('offset check');
    expect(await readOnly({ name: 'x', data, zip64: true })).toEqual(data);
  });

  it('refuses encrypted entries, naming them', async () => {
    const error = await failure(readOnly({ name: 'images/a.jpg', data: text('?'), flags: 1 }));
    expect(error.code).toBe('encrypted');
    expect(error.entry).toBe('images/a.jpg');
    expect(error.message).toBe(
      'entry "images/a.jpg" is encrypted; cocoscope cannot read encrypted zips.',
    );
  });

  it('refuses methods other than stored and deflate', async () => {
    const error = await failure(readOnly({ name: 'a.bin', data: text('BZh9'), method: 12 }));
    expect(error.code).toBe('unsupported-method');
    expect(error.message).toContain('entry "a.bin" uses compression method 12 (bzip2)');
  });

  it('detects a CRC mismatch', async () => {
    const error = await failure(readOnly({ name: 'a.txt', data: text('hello'), crc: 0x12345678 }));
    expect(error.code).toBe('crc-mismatch');
    expect(error.message).toMatch(
      /^entry "a.txt" is damaged: its CRC-32 is 0x[0-9a-f]{8} but the archive says 0x12345678\.$/,
    );
    expect(
      await readOnly({ name: 'a.txt', data: text('hello'), crc: 1 }, { verifyCrc: false }),
    ).toEqual(text('hello'));
  });

  it('reports damaged deflate data and a wrong declared size', async () => {
    const garbage = {
      name: 'g',
      method: 8,
      data: text('x'),
      compressed: new Uint8Array([0xff, 0xff, 0xff]),
    };
    expect((await failure(readOnly(garbage))).code).toBe('corrupt-data');
    const short = { name: 's', method: 8, data: text('abc'), uncompressedSize: 10 };
    const error = await failure(readOnly(short));
    expect(error.code).toBe('corrupt-data');
    expect(error.message).toBe(
      'entry "s" is damaged: it inflates to 3 bytes, not the 10 bytes the directory says.',
    );
  });

  it('reports an entry cut off by the end of the archive as truncated', async () => {
    const zip = buildZip([{ name: 'big.bin', data: new Uint8Array(10_000) }]);
    const { entries } = await readCentralDirectory(new Blob([zip]));
    const [entry] = entries as [CentralEntry];
    const cut = new Blob([zip.slice(0, 5_000)]);
    const error = await failure(readEntry(cut, entry));
    expect(error.code).toBe('truncated');
    expect(error.message).toContain('entry "big.bin" is cut short');
  });

  it('refuses a zip bomb from its declared sizes, before reading its data', async () => {
    const compressed = deflatedZeros(20); // 20 MiB of zeros → about 20 KB, over 1000:1
    const { blob, entries } = await open(
      buildZip([
        {
          name: 'bomb.bin',
          method: 8,
          compressed,
          data: new Uint8Array(1),
          uncompressedSize: 20 << 20,
          crc: 0,
        },
      ]),
    );
    const error = await failure(readEntry(blob, entries[0] as CentralEntry));
    expect(error.code).toBe('bomb');
    expect(error.message).toMatch(
      /^entry "bomb.bin" would expand 10\d\d:1 \(21 MB from 2\d KB\); refusing it as a likely zip bomb\.$/,
    );
    expect(blob.bytesRead).toBe(0);
  });

  it('refuses declared sizes alone: 200 MB from 190 KB, or over maxBytes', async () => {
    const liar = {
      name: 'fake.bin',
      method: 8,
      compressed: new Uint8Array(190_000),
      uncompressedSize: 200_000_000,
    };
    expect((await failure(readOnly(liar))).code).toBe('bomb');
    const big = { name: 'big.bin', data: new Uint8Array(3000) };
    const error = await failure(readOnly(big, { maxBytes: 2000 }));
    expect(error.code).toBe('too-large');
    expect(error.message).toBe('entry "big.bin" is 3.0 KB uncompressed, over the 2.0 KB limit.');
  });

  it('stops inflating once output passes the declared size', async () => {
    // Declares 1 MiB from 20 KB (ratio 51, accepted) but inflates to 20 MiB.
    const compressed = deflatedZeros(20);
    const inflated = countInflatedBytes();
    const error = await failure(
      readOnly({
        name: 'liar.bin',
        method: 8,
        compressed,
        data: new Uint8Array(1),
        uncompressedSize: 1 << 20,
      }),
    );
    expect(error.code).toBe('bomb');
    expect(error.message).toContain('inflates past its declared 1.0 MB');
    // The work done: the declared MiB and at most one more, not the 20 MiB the data holds.
    expect(inflated()).toBeGreaterThan(1 << 20);
    expect(inflated()).toBeLessThanOrEqual(2 << 20);
  });

  it('inflates a big entry with the platform inflater (DecompressionStream)', async () => {
    const data = new Uint8Array(12 << 20);
    for (let i = 0; i < data.length; i++) data[i] = (i * 2654435761) >>> 24;
    const compressed = deflateSync(data, { level: 1 });
    const { blob, entries } = await open(
      buildZip([{ name: 'big.bin', method: 8, data, compressed }]),
    );
    expect(typeof DecompressionStream).toBe('function');
    const read = await readEntry(blob, entries[0] as CentralEntry);
    expect(Buffer.compare(read, data)).toBe(0);
  });

  it('without DecompressionStream, inflates with fflate over several 8 MiB reads', async () => {
    vi.stubGlobal('DecompressionStream', undefined);
    onTestFinished(() => {
      vi.unstubAllGlobals();
    });
    const data = new Uint8Array(12 << 20);
    for (let i = 0; i < data.length; i++) data[i] = (i * 2654435761) >>> 24;
    const compressed = deflateSync(data, { level: 0 }); // stored deflate blocks: fast to make
    const { blob, entries } = await open(
      buildZip([{ name: 'big.bin', method: 8, data, compressed }]),
    );
    const read = await readEntry(blob, entries[0] as CentralEntry);
    // Buffer.compare, not toEqual: a deep equal of 12 M elements takes minutes.
    expect(Buffer.compare(read, data)).toBe(0);
    expect(blob.reads).toBeGreaterThanOrEqual(4); // tail, directory, local header, 2 data reads
  });

  it('reads an empty deflated entry', async () => {
    expect(await readOnly({ name: 'e', method: 8, data: new Uint8Array(0) })).toEqual(
      new Uint8Array(0),
    );
    expect(await readOnly({ name: 'e', method: 8, compressed: new Uint8Array(0) })).toEqual(
      new Uint8Array(0),
    );
  });
});

describe('readEntryAsBlob', () => {
  it('slices a stored entry without reading it', async () => {
    const jpeg = Uint8Array.from({ length: 50_000 }, (_, i) => i & 0xff);
    const { blob, entries } = await open(buildZip([{ name: 'a.jpg', data: jpeg }]));
    const part = await readEntryAsBlob(blob, entries[0] as CentralEntry, { type: 'image/jpeg' });
    expect(blob.bytesRead).toBe(30); // the local header only
    expect(part.type).toBe('image/jpeg');
    expect(new Uint8Array(await part.arrayBuffer())).toEqual(jpeg);
  });

  it('inflates a deflated entry into a Blob', async () => {
    const data = text('deflate me '.repeat(40));
    const { blob, entries } = await open(
      buildZip([{ name: 'a.txt', data, method: 8, compressed: deflateSync(data) }]),
    );
    const part = await readEntryAsBlob(blob, entries[0] as CentralEntry, { type: 'text/plain' });
    expect(await part.text()).toBe('deflate me '.repeat(40));
    expect(part.type).toBe('text/plain');
  });
});
