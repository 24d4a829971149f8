import { describe, expect, it } from 'vitest';
import { safeEntryPath, safeEntryPaths } from './safeEntryPath';
import { toEntryPath } from './names';

describe('safeEntryPath', () => {
  it('keeps plain relative names as they are', () => {
    for (const name of ['a.png', 'sub/dir/000000000139.jpg', 'A.png', 'été.jpg', 'x y (1).png'])
      expect(safeEntryPath(name)).toBe(name);
  });

  it('turns names that leave the folder into their base name', () => {
    expect(safeEntryPath('../../../../../../outside/x.png')).toBe('x.png');
    expect(safeEntryPath('sub/../../x.png')).toBe('x.png');
    expect(safeEntryPath('/abs/b.png')).toBe('b.png');
    expect(safeEntryPath('\\\\server\\share\\b.png')).toBe('b.png');
  });

  it('drops schemes and drive letters', () => {
    expect(safeEntryPath('http://127.0.0.1:4398/a.png')).toBe('a.png');
    expect(safeEntryPath('file:///home/u/a.png')).toBe('a.png');
    expect(safeEntryPath('C:\\pics\\c.png')).toBe('c.png');
    expect(safeEntryPath('c:pics/c.png')).toBe('c.png');
  });

  it('turns backslashes into folders and drops . segments and doubled slashes', () => {
    expect(safeEntryPath('sub\\a.png')).toBe('sub/a.png');
    expect(safeEntryPath('./a.png')).toBe('a.png');
    expect(safeEntryPath('sub//a.png')).toBe('sub/a.png');
  });

  it('replaces colons and control characters, and never gives an empty path', () => {
    expect(safeEntryPath('a:b.png')).toBe('a_b.png');
    expect(safeEntryPath('a\u0000b.png')).toBe('a_b.png');
    expect(safeEntryPath('')).toBe('picture');
    expect(safeEntryPath('../..')).toBe('picture');
    expect(safeEntryPath('http://host/')).toBe('host');
  });

  it('gives paths a zip reader lists as they are and calls safe', () => {
    const names = [
      '../../x.png',
      '/abs/b.png',
      'C:\\c.png',
      'http://h/a.png',
      'a\\b\\c.png',
      '.\\d.png',
      '..',
      'a/./b/../c.png',
    ];
    for (const name of names) {
      const path = `images/default/${safeEntryPath(name)}`;
      expect(toEntryPath(path)).toEqual({ path, unsafe: false });
      expect(path).not.toMatch(/\\|:|(^|\/)\.\.?(\/|$)/);
    }
  });
});

describe('safeEntryPaths', () => {
  it('returns the names themselves when all are safe', () => {
    expect(safeEntryPaths(['a.png', 'b.png'])).toEqual(['a.png', 'b.png']);
  });

  it('makes renamed paths distinct from each other and from kept names, without case', () => {
    expect(
      safeEntryPaths(['a.png', 'http://h/a.png', '../A.png', '/x/a.png', 'b.png', 'C:\\b.png']),
    ).toEqual(['a.png', 'a (2).png', 'A (3).png', 'a (4).png', 'b.png', 'b (2).png']);
  });

  it('gives equal names equal paths (images sharing a picture)', () => {
    expect(safeEntryPaths(['../x.png', 'x.png', '../x.png'])).toEqual([
      'x (2).png',
      'x.png',
      'x (2).png',
    ]);
  });

  it('adds the number before the extension only', () => {
    expect(safeEntryPaths(['noext', '/a/noext', 'dir.v2/f', '../f'])).toEqual([
      'noext',
      'noext (2)',
      'dir.v2/f',
      'f',
    ]);
  });

  it('depends only on the list: a reader and a writer derive the same paths', () => {
    const names = ['../a.png', 'http://h/a.png', 'a.png'];
    expect(safeEntryPaths(names)).toEqual(safeEntryPaths([...names]));
  });
});
