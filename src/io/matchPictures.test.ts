import { describe, expect, it } from 'vitest';
import { matchPictures } from './matchPictures';
import { safeEntryPath } from './zip/safeEntryPath';

const ROOTS = ['images/default', 'default', 'images', 'annotations', ''];

function match(names: string[], paths: string[]) {
  return matchPictures(names, paths, ROOTS, 'default');
}

/** The matched path of each image, or null. */
function matched(names: string[], paths: string[]): (string | null)[] {
  const m = match(names, paths);
  return Array.from(m.picture, (j) => (j < 0 ? null : paths[j]!));
}

describe('matchPictures', () => {
  it('matches the picture spelled exactly, whatever order the twins come in', () => {
    const twins = ['images/default/A.png', 'images/default/a.png'];
    expect(matched(['a.png', 'A.png'], twins)).toEqual(twins.slice().reverse());
    expect(matched(['a.png', 'A.png'], twins.slice().reverse())).toEqual(twins.slice().reverse());
    expect(match(['a.png'], twins).ambiguous).toEqual([]);
  });

  it('matches without case only when one picture fits', () => {
    expect(matched(['IMG.JPG'], ['images/default/img.jpg'])).toEqual(['images/default/img.jpg']);
    expect(matched(['img.jpg'], ['pics/IMG.JPG'])).toEqual(['pics/IMG.JPG']);
  });

  it('reports pictures that differ only in case and matches none of them', () => {
    const m = match(['A.PNG'], ['images/default/A.png', 'images/default/a.png']);
    expect(Array.from(m.picture)).toEqual([-1]);
    expect(m.found).toBe(0);
    expect(m.missing).toEqual(['A.PNG']);
    expect(m.ambiguous).toEqual([
      {
        image: 0,
        fileName: 'A.PNG',
        differ: 'case',
        candidates: ['images/default/A.png', 'images/default/a.png'],
      },
    ]);
    expect(m.ambiguousTotal).toBe(1);
  });

  it('reports base names that differ only in case, found in other folders', () => {
    const m = match(['x/Cat.jpg'], ['other/cat.jpg', 'more/CAT.jpg']);
    expect(m.found).toBe(0);
    expect(m.ambiguous[0]?.candidates).toEqual(['other/cat.jpg', 'more/CAT.jpg']);
  });

  it('matches a decomposed (NFD, macOS) picture name to a composed (NFC) file_name and back', () => {
    const nfc = 'caf\u00e9.jpg';
    const nfd = 'cafe\u0301.jpg';
    expect(matched([nfc], [`images/default/${nfd}`])).toEqual([`images/default/${nfd}`]);
    expect(matched([nfd], [`images/default/${nfc}`])).toEqual([`images/default/${nfc}`]);
    // Without case too: É decomposed against é composed.
    expect(
      matched(
        ['\u00c9t\u00e9.png'],
        ['E\u0301te\u0301.PNG'].map((p) => `pics/${p}`),
      ),
    ).toEqual(['pics/E\u0301te\u0301.PNG']);
  });

  it('prefers the exact spelling over another normalization, and reports two of them', () => {
    const nfc = 'images/default/caf\u00e9.jpg';
    const nfd = 'images/default/cafe\u0301.jpg';
    expect(matched(['caf\u00e9.jpg'], [nfd, nfc])).toEqual([nfc]);
    // A third spelling (half composed) fits both equally.
    const m = match(['CAF\u00c9.jpg'], [nfd, nfc]);
    expect(m.found).toBe(0);
    expect(m.ambiguous[0]?.differ).toBe('normalization');
  });

  it('prefers the subset folder among pictures of one base name in several folders', () => {
    const paths = ['train/1.jpg', 'default/1.jpg'];
    expect(matched(['elsewhere/1.jpg'], paths)).toEqual(['default/1.jpg']);
    expect(match(['elsewhere/1.jpg'], paths).ambiguous).toEqual([]);
  });

  it('finds the picture an export wrote for an unsafe name (its safe entry path)', () => {
    const names = ['../../../../outside/x.png', 'http://127.0.0.1:4398/a.png', '/abs/a.png'];
    // What exportZip writes: the safe paths, made distinct (a.png, a (2).png).
    const paths = ['images/default/x.png', 'images/default/a.png', 'images/default/a (2).png'];
    expect(matched(names, paths)).toEqual(paths);
  });

  it('lists what is missing, capped, and counts all of it', () => {
    const m = matchPictures(['a.jpg', 'b.jpg', 'c.jpg'], ['z.jpg'], ROOTS, 'default', 2);
    expect(m.missing).toEqual(['a.jpg', 'b.jpg']);
    expect(m.missingTotal).toBe(3);
  });

  it('matches 118k names to 118k pictures by maps, not by comparing every pair', () => {
    const n = 118_000;
    const names = Array.from({ length: n }, (_, i) => `${String(i).padStart(12, '0')}.JPG`);
    const paths = names.map((name) => `train2017/${name.toLowerCase()}`).reverse();
    const m = matchPictures(names, paths, ['images/train2017', 'train2017', ''], 'train2017');
    expect(m.found).toBe(n);
    expect(m.picture[0]).toBe(n - 1);
  });

  it('keeps plain names unchanged by the safe-path rule', () => {
    expect(safeEntryPath('000000000139.jpg')).toBe('000000000139.jpg');
  });
});
