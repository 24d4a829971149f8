import { describe, it, expect } from 'vitest';
import { execFileSync } from 'node:child_process';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { locateDirectory } from './endRecord';
import { buildZip, CountingBlob } from './testing/buildZip';
import { ZipError } from './zipError';
import { mimeTypeOf, openZip } from './zipReader';

const text = (s: string) => strToU8(s);

function hasPython(): boolean {
  try {
    execFileSync('python3', ['-c', 'import zipfile'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

async function failure(promise: Promise<unknown>): Promise<ZipError> {
  const error: unknown = await promise.then(
    () => new Error('expected a rejection'),
    (e: unknown) => e,
  );
  if (!(error instanceof ZipError)) throw error;
  return error;
}

describe('openZip', () => {
  it('lists file entries only, in directory order, and finds them by path', async () => {
    const zip = zipSync({
      'coco/': {},
      'coco/annotations/instances.json': [text('{"images":[]}'), { level: 6 }],
      'coco/images/b.jpg': [text('jpeg b'), { level: 0 }],
      'coco/images/a.jpg': [text('jpeg a'), { level: 0 }],
    });
    const archive = await openZip(new Blob([zip]), 'coco.zip');
    expect(archive.name).toBe('coco.zip');
    expect(archive.entries.map((e) => e.path)).toEqual([
      'coco/annotations/instances.json',
      'coco/images/b.jpg',
      'coco/images/a.jpg',
    ]);
    const json = archive.find('coco/annotations/instances.json');
    expect(json).toMatchObject({
      uncompressedSize: 13,
      method: 8,
      unsafe: false,
      duplicate: false,
    });
    expect(json && new TextDecoder().decode(await archive.read(json))).toBe('{"images":[]}');
    expect(archive.find('./coco\\images//a.jpg')?.path).toBe('coco/images/a.jpg');
    expect(archive.find('coco/images')).toBeUndefined();
  });

  it('normalizes stored names: backslashes, "./", doubled slashes', async () => {
    const zip = buildZip([{ name: 'images\\train\\1.jpg' }, { name: './a//b.json' }]);
    const archive = await openZip(new Blob([zip]), 'w.zip');
    expect(archive.entries.map((e) => [e.rawName, e.path])).toEqual([
      ['images\\train\\1.jpg', 'images/train/1.jpg'],
      ['./a//b.json', 'a/b.json'],
    ]);
  });

  it('keeps "../" and absolute entries listed but flagged, unfindable and unread', async () => {
    const zip = buildZip([
      { name: '../evil.txt', data: text('pwned') },
      { name: '/etc/passwd', data: text('root') },
      { name: 'ok.txt', data: text('fine') },
    ]);
    const archive = await openZip(new Blob([zip]), 'evil.zip');
    expect(archive.entries.map((e) => [e.path, e.unsafe])).toEqual([
      ['../evil.txt', true],
      ['/etc/passwd', true],
      ['ok.txt', false],
    ]);
    expect(archive.find('../evil.txt')).toBeUndefined();
    expect(archive.find('evil.txt')).toBeUndefined();
    expect(archive.find('etc/passwd')).toBeUndefined();
    const [evil] = archive.entries;
    if (evil === undefined) throw new Error('missing entry');
    const error = await failure(archive.read(evil));
    expect(error.code).toBe('unsafe-path');
    expect(error.entry).toBe('../evil.txt');
    expect(error.message).toContain('entry "../evil.txt" points outside the archive');
    expect((await failure(archive.readAsBlob(evil))).code).toBe('unsafe-path');
  });

  it('flags duplicate paths and finds the last, as extracting would leave it', async () => {
    const zip = buildZip([
      { name: 'a.json', data: text('first') },
      { name: 'b.json', data: text('other') },
      { name: './a.json', data: text('second') },
    ]);
    const archive = await openZip(new Blob([zip]), 'dup.zip');
    expect(archive.entries.map((e) => [e.path, e.duplicate])).toEqual([
      ['a.json', true],
      ['b.json', false],
      ['a.json', true],
    ]);
    const found = archive.find('a.json');
    expect(found?.index).toBe(2);
    expect(found && new TextDecoder().decode(await archive.read(found))).toBe('second');
  });

  it('lists a CP437-named entry the way DOS-era tools wrote it', async () => {
    const name = new Uint8Array([...text('f'), 0x81, ...text('r.txt')]); // "für.txt"
    const archive = await openZip(new Blob([buildZip([{ name, data: text('x') }])]), 'dos.zip');
    expect(archive.entries[0]).toMatchObject({ path: 'für.txt', nameEncoding: 'cp437' });
  });

  it('rejects what it cannot list with a message naming the archive', async () => {
    const error = await failure(openZip(new Blob([text('not a zip at all')]), 'photo.jpg'));
    expect(error).toBeInstanceOf(ZipError);
    expect(error.code).toBe('not-zip');
    expect(error.entry).toBeNull();
    expect(error.message).toContain('"photo.jpg" is not a zip archive');
  });

  it('returns stored pictures as typed slices of the archive', async () => {
    const jpeg = Uint8Array.from({ length: 4096 }, (_, i) => (i * 13) & 0xff);
    const zip = zipSync({ 'img/a.JPG': [jpeg, { level: 0 }], 'ann.json': text('{}') });
    const blob = new CountingBlob([zip]);
    const archive = await openZip(blob, 'pics.zip');
    const entry = archive.find('img/a.JPG');
    if (entry === undefined) throw new Error('missing entry');
    const before = blob.bytesRead;
    const picture = await archive.readAsBlob(entry);
    expect(blob.bytesRead - before).toBe(30);
    expect(picture.type).toBe('image/jpeg');
    expect(new Uint8Array(await picture.arrayBuffer())).toEqual(jpeg);
    expect(mimeTypeOf('a/b.png')).toBe('image/png');
    expect(mimeTypeOf('README')).toBe('');
  });

  it('opens a 50 MB archive and reads one small entry touching a tiny fraction', async () => {
    const files: Zippable = {};
    const picture = Uint8Array.from({ length: 1 << 20 }, (_, i) => (i * 2654435761) >>> 24);
    for (let i = 0; i < 50; i++) files[`images/${i}.jpg`] = [picture, { level: 0 }];
    const annotations = text(JSON.stringify({ images: [{ id: 1, file_name: '0.jpg' }] }));
    files['annotations/instances.json'] = [annotations, { level: 6 }];
    const zip = zipSync(files);
    expect(zip.length).toBeGreaterThan(50 * 2 ** 20);

    const blob = new CountingBlob([zip]);
    const archive = await openZip(blob, 'big.zip');
    const entry = archive.find('annotations/instances.json');
    if (entry === undefined) throw new Error('missing entry');
    expect(await archive.read(entry)).toEqual(annotations);
    const fraction = blob.bytesRead / zip.length;
    console.info(
      `read ${blob.bytesRead} of ${zip.length} bytes (${(fraction * 100).toFixed(4)}%) in ${blob.reads} reads`,
    );
    expect(fraction).toBeLessThan(0.001);
  });

  it('opens 100,000 entries with a handful of reads, and finds one by its path', async () => {
    const names = Array.from({ length: 100_000 }, (_, i) => ({ name: `images/${i}.jpg` }));
    const zip = buildZip(names, { zip64: true });
    const blob = new CountingBlob([zip]);
    const archive = await openZip(blob, 'many.zip');
    expect(archive.entries).toHaveLength(100_000);
    expect(archive.find('images/99999.jpg')?.index).toBe(99_999);
    // Work, not time (time is npm run bench's): the tail, then the directory, once.
    expect(blob.reads).toBeLessThanOrEqual(4);
    const { size } = await locateDirectory(new Blob([zip]), () => new ZipError('not-zip', '?'));
    expect(blob.bytesRead).toBeLessThanOrEqual(size + 16 * 1024 + 100);
  });

  it.runIf(hasPython())('reads archives written by Python’s zipfile (reference)', async () => {
    // Written to a pipe, zipfile cannot seek back, so every entry gets a data descriptor;
    // force_zip64 adds Zip64 local extras and descriptors; over 65,535 entries makes it
    // write Zip64 end records.
    const script = [
      'import sys, zipfile',
      "with zipfile.ZipFile(sys.stdout.buffer, 'w', zipfile.ZIP_DEFLATED) as z:",
      "    with z.open('big.bin', 'w', force_zip64=True) as f: f.write(bytes(range(256)) * 40)",
      "    z.writestr('naïve.txt', 'unicode name')",
      "    for i in range(70000): z.writestr(f'n/{i}.txt', str(i), zipfile.ZIP_STORED)",
    ].join('\n');
    const zip = new Uint8Array(execFileSync('python3', ['-c', script], { maxBuffer: 1 << 28 }));
    const archive = await openZip(new Blob([zip]), 'python.zip');
    expect(archive.zip64).toBe(true);
    expect(archive.entries).toHaveLength(70_002);
    const big = archive.find('big.bin');
    expect(big).toMatchObject({ uncompressedSize: 10240, method: 8 });
    expect((big?.flags ?? 0) & 0x8).toBe(0x8);
    const expected = Uint8Array.from({ length: 10240 }, (_, i) => i & 0xff);
    expect(big && (await archive.read(big))).toEqual(expected);
    const unicode = archive.find('naïve.txt');
    expect(unicode?.nameEncoding).toBe('utf-8');
    expect(unicode && new TextDecoder().decode(await archive.read(unicode))).toBe('unicode name');
    const last = archive.find('n/69999.txt');
    expect(last && new TextDecoder().decode(await archive.read(last))).toBe('69999');
  });
});
