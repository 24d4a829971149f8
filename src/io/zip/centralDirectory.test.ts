import { describe, it, expect } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { readCentralDirectory } from './centralDirectory';
import { crc32 } from './crc32';
import { locateDirectory } from './endRecord';
import { buildZip, CountingBlob } from './testing/buildZip';
import { ZipError } from './zipError';

const text = (s: string) => strToU8(s);
const blobOf = (bytes: Uint8Array<ArrayBuffer>) => new Blob([bytes]);

async function failure(promise: Promise<unknown>): Promise<ZipError> {
  const error: unknown = await promise.then(
    () => new Error('expected a rejection'),
    (e: unknown) => e,
  );
  if (!(error instanceof ZipError)) throw error;
  return error;
}

describe('readCentralDirectory', () => {
  it('lists every record of an fflate archive with sizes, CRC and method', async () => {
    const a = text('a'.repeat(5000));
    const zip = zipSync(
      {
        'dir/': new Uint8Array(0),
        'dir/a.txt': [a, { level: 6 }],
        'b.bin': [text('bb'), { level: 0 }],
      },
      { mtime: new Date('2024-01-01') },
    );
    const { entries, zip64 } = await readCentralDirectory(blobOf(zip));
    expect(zip64).toBe(false);
    expect(entries.map((e) => [e.rawName, e.isDirectory])).toEqual([
      ['dir/', true],
      ['dir/a.txt', false],
      ['b.bin', false],
    ]);
    expect(entries.map((e) => e.method).slice(1)).toEqual([8, 0]);
    const [, deflated, stored] = entries;
    expect(deflated).toMatchObject({ uncompressedSize: 5000, crc32: crc32(a), encrypted: false });
    expect(deflated?.compressedSize).toBeLessThan(100);
    expect(stored).toMatchObject({ uncompressedSize: 2, compressedSize: 2, index: 2 });
  });

  it('reads Zip64 end records and the Zip64 extra field of each entry', async () => {
    const data = text('zip64 content');
    const zip = buildZip(
      [
        { name: 'first.txt', data: text('x') },
        { name: 'wide.txt', data, zip64: true, method: 8 },
      ],
      { zip64: true },
    );
    const { entries, zip64 } = await readCentralDirectory(blobOf(zip));
    expect(zip64).toBe(true);
    expect(entries[1]).toMatchObject({ rawName: 'wide.txt', uncompressedSize: data.length });
    expect(entries[1]?.localHeaderOffset).toBeGreaterThan(0);
    expect(entries[1]?.compressedSize).toBeLessThan(0xffffffff);
  });

  it('rejects a saturated size with no Zip64 extra field as a corrupt directory', async () => {
    const zip = buildZip([{ name: 'a', data: text('a'), uncompressedSize: 0xffffffff }]);
    const error = await failure(readCentralDirectory(blobOf(zip)));
    expect(error.code).toBe('corrupt-directory');
    expect(error.message).toContain('"a" has a damaged Zip64 field');
  });

  it('decodes names: UTF-8 when flagged, CP437 otherwise, Info-ZIP Unicode Path', async () => {
    const cp437 = new Uint8Array([0x81, 0x62, 0x65, 0x72, 0xe1]); // "über" ß in CP437
    const unicodePath = (stored: Uint8Array, name: string, crc = crc32(stored)) => {
      const utf8 = text(name);
      const extra = new Uint8Array(9 + utf8.length);
      const view = new DataView(extra.buffer);
      view.setUint16(0, 0x7075, true);
      view.setUint16(2, 5 + utf8.length, true);
      extra[4] = 1;
      view.setUint32(5, crc, true);
      extra.set(utf8, 9);
      return extra;
    };
    const zip = buildZip([
      { name: cp437 },
      { name: 'naïve/😀.jpg', utf8: true },
      { name: 'café.jpg' }, // UTF-8 bytes without flag bit 11, as macOS writes them
      { name: text('x.jpg'), centralExtra: unicodePath(text('x.jpg'), 'résumé.jpg') },
      { name: text('y.jpg'), centralExtra: unicodePath(text('y.jpg'), 'stale.jpg', 1234) },
    ]);
    const { entries } = await readCentralDirectory(blobOf(zip));
    expect(entries.map((e) => [e.rawName, e.nameEncoding])).toEqual([
      ['überß', 'cp437'],
      ['naïve/😀.jpg', 'utf-8'],
      ['café.jpg', 'utf-8-unflagged'],
      ['résumé.jpg', 'unicode-path-extra'],
      ['y.jpg', 'ascii'],
    ]);
  });

  it('flags encryption (bit 0) and MS-DOS directory attributes', async () => {
    const zip = buildZip([
      { name: 'secret.txt', data: text('x'), flags: 1 },
      { name: 'folder', externalAttributes: 0x10 },
    ]);
    const { entries } = await readCentralDirectory(blobOf(zip));
    expect(entries.map((e) => [e.encrypted, e.isDirectory])).toEqual([
      [true, false],
      [false, true],
    ]);
  });

  it('finds the end record behind an archive comment, short or up to 64 KiB', async () => {
    const zip = buildZip([{ name: 'a.txt', data: text('a') }], { comment: 'made by hand PK' });
    const { entries, comment } = await readCentralDirectory(blobOf(zip));
    expect(comment).toBe('made by hand PK');
    expect(entries).toHaveLength(1);

    const long = 'x'.repeat(0xffff);
    const blob = new CountingBlob([
      buildZip([{ name: 'b.txt', data: new Uint8Array(40_000) }], { comment: long }),
    ]);
    const listed = await readCentralDirectory(blob);
    expect(listed.comment).toBe(long);
    expect(listed.entries[0]?.rawName).toBe('b.txt');
    expect(blob.bytesRead).toBeLessThanOrEqual(16 * 1024 + 65_557 + 100); // both tail reads
  });

  it('follows offsets shifted by data prepended to the archive', async () => {
    const zip = zipSync({ 'a.txt': text('hello') });
    const shifted = new Uint8Array(300 + zip.length);
    shifted.set(zip, 300);
    const { entries } = await readCentralDirectory(blobOf(shifted));
    expect(entries[0]?.localHeaderOffset).toBe(300);
  });

  it('says "not-zip" for other files and "truncated" for a cut-off zip', async () => {
    const notZip = await failure(readCentralDirectory(blobOf(text('{"images": []}')), 'a.json'));
    expect(notZip.code).toBe('not-zip');
    expect(notZip.message).toBe(
      '"a.json" is not a zip archive (no end-of-central-directory record).',
    );
    expect((await failure(readCentralDirectory(new Blob([])))).code).toBe('not-zip');

    const zip = zipSync({ 'a.txt': new Uint8Array(100_000).fill(7) }, { level: 0 });
    const cut = await failure(readCentralDirectory(blobOf(zip.slice(0, 60_000)), 'cut.zip'));
    expect(cut.code).toBe('truncated');
    expect(cut.message).toContain('"cut.zip" is cut short');
  });

  it('says "corrupt-directory" when a record is damaged or the count disagrees', async () => {
    const zip = zipSync({ 'a.txt': text('a'), 'b.txt': text('b') });
    const damaged = zip.slice();
    const second = positions(damaged, [0x50, 0x4b, 0x01, 0x02])[1] ?? -1;
    damaged[second + 2] = 0x09;
    const error = await failure(readCentralDirectory(blobOf(damaged), 'bad.zip'));
    expect(error.code).toBe('corrupt-directory');
    expect(error.message).toContain('"bad.zip" has a damaged central directory: record 2');

    const miscounted = zip.slice();
    miscounted[miscounted.length - 12] = 3; // total entries: 3, directory holds 2
    expect((await failure(readCentralDirectory(blobOf(miscounted)))).code).toBe(
      'corrupt-directory',
    );
  });

  it('parses 100,000 entries with a handful of reads, each byte of the directory read once', async () => {
    const entries = Array.from({ length: 100_000 }, (_, i) => ({
      name: `images/${String(i).padStart(12, '0')}.jpg`,
      data: new Uint8Array([i & 0xff]),
    }));
    const zip = buildZip(entries, { zip64: true });
    const blob = new CountingBlob([zip]);
    const directory = await readCentralDirectory(blob);
    expect(directory.entries).toHaveLength(100_000);
    expect(directory.entries[99_999]?.rawName).toBe('images/000000099999.jpg');
    // Work, not time (time is npm run bench's): the 16 KiB tail, then the directory itself.
    const { size } = await locateDirectory(new Blob([zip]), () => new ZipError('not-zip', '?'));
    expect(blob.reads).toBeLessThanOrEqual(4);
    expect(blob.bytesRead).toBeLessThanOrEqual(size + 16 * 1024 + 100);
  });
});

/** Where `pattern` starts in `bytes`, every time. */
function positions(bytes: Uint8Array, pattern: number[]): number[] {
  const found: number[] = [];
  for (let i = 0; i + pattern.length <= bytes.length; i++) {
    if (pattern.every((b, k) => bytes[i + k] === b)) found.push(i);
  }
  return found;
}
