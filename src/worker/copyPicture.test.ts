import { describe, expect, it } from 'vitest';
import { Zip } from 'fflate';
import { listSources, type VirtualFile } from '../io/virtualFiles';
import { openZip } from '../io/zip';
import { buildZip } from '../io/zip/testing/buildZip';
import { copyPicture } from './copyPicture';

const bytes = (s: string) => new TextEncoder().encode(s);

/** The opened files of a zip built by hand, by path. */
async function opened(zip: Uint8Array<ArrayBuffer>): Promise<Map<string, VirtualFile>> {
  const { files } = await listSources([{ path: 'in.zip', file: new Blob([zip]) }]);
  return new Map(files.map((f) => [f.path, f]));
}

/** Copies each file into a new zip; returns the zip's bytes and the notes. */
async function copyAll(files: [string, VirtualFile][]) {
  const chunks: Uint8Array[] = [];
  const zip = new Zip((error, data) => {
    if (error) throw error;
    chunks.push(data);
  });
  const notes: (string | null)[] = [];
  for (const [path, file] of files) notes.push(await copyPicture(zip, path, file));
  zip.end();
  return { zip: new Blob(chunks as BlobPart[]), notes };
}

describe('copyPicture', () => {
  // Not real LZMA: the reader never looks inside, the copy must not either.
  const lzma = bytes('\x09\x14\x05\x00]\x00\x00\x80\x00not inflatable by fflate');

  const source = buildZip([
    { name: 'images/default/a.png', data: bytes('red picture') },
    {
      name: 'images/default/b.png',
      data: bytes('blue picture'),
      compressed: lzma,
      method: 14,
      flags: 2,
    },
    {
      name: 'images/default/c.png',
      data: bytes('broken'),
      method: 8,
      compressed: bytes('\xff\xff'),
    },
  ]);

  it('copies a readable picture stored, and says nothing', async () => {
    const files = await opened(source);
    const { zip, notes } = await copyAll([
      ['images/default/a.png', files.get('images/default/a.png')!],
    ]);
    expect(notes).toEqual([null]);
    const archive = await openZip(zip, 'out.zip');
    expect(archive.entries[0]!.method).toBe(0);
    expect(new TextDecoder().decode(await archive.read(archive.entries[0]!))).toBe('red picture');
  });

  it('copies an LZMA entry as its zip stores it (method, flags, CRC), and says so', async () => {
    const files = await opened(source);
    const b = files.get('images/default/b.png')!;
    await expect(b.bytes()).rejects.toThrow(/method 14 \(LZMA\)/);
    const { zip, notes } = await copyAll([
      ['images/default/a.png', files.get('images/default/a.png')!],
      ['images/default/b.png', b],
    ]);
    expect(notes[0]).toBeNull();
    expect(notes[1]).toMatch(
      /^images\/default\/b\.png: copied as its zip stores it \(compression method 14\)/,
    );
    const archive = await openZip(zip, 'out.zip');
    const copied = archive.find('images/default/b.png')!;
    const original = (await openZip(new Blob([source]), 'in.zip')).find('images/default/b.png')!;
    expect(copied.method).toBe(14);
    expect(copied.crc32).toBe(original.crc32);
    expect(copied.uncompressedSize).toBe(original.uncompressedSize);
    expect(copied.flags & 0b110).toBe(0b010);
    expect((await archive.readRaw(copied)).data).toEqual(lzma);
    // The picture before it is intact.
    expect(
      new TextDecoder().decode(await archive.read(archive.find('images/default/a.png')!)),
    ).toBe('red picture');
  });

  it('leaves out a damaged picture and says why, the others copied', async () => {
    const files = await opened(source);
    const { zip, notes } = await copyAll([
      ['images/default/c.png', files.get('images/default/c.png')!],
      ['images/default/a.png', files.get('images/default/a.png')!],
    ]);
    expect(notes[0]).toMatch(
      /^images\/default\/c\.png: left out: entry "images\/default\/c\.png" is damaged/,
    );
    expect(notes[1]).toBeNull();
    const archive = await openZip(zip, 'out.zip');
    expect(archive.entries.map((e) => e.path)).toEqual(['images/default/a.png']);
  });

  it('leaves out a plain file the browser cannot read any more', async () => {
    const gone: VirtualFile = {
      path: 'x.png',
      size: 3,
      origin: 'x.png',
      inZip: false,
      bytes: () => Promise.reject(new Error('NotReadableError: the file changed')),
      blob: () => Promise.reject(new Error('NotReadableError: the file changed')),
    };
    const { notes } = await copyAll([['images/default/x.png', gone]]);
    expect(notes).toEqual(['images/default/x.png: left out: NotReadableError: the file changed']);
  });
});
