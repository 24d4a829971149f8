import { describe, it, expect } from 'vitest';
import { execFileSync } from 'node:child_process';
import { decodeCp437, decodeName, toEntryPath } from './names';

describe('decodeCp437', () => {
  it('maps the high half like code page 437', () => {
    expect(decodeCp437(new Uint8Array([0x80, 0x81, 0x9b, 0xb0, 0xe1, 0xff]))).toBe('Çü¢░ß\u00a0');
    expect(decodeCp437(new Uint8Array([0x41, 0x2f, 0x7e]))).toBe('A/~');
  });

  it('matches Python’s cp437 codec for all 128 high bytes', () => {
    let python: string;
    try {
      python = execFileSync('python3', [
        '-c',
        'import sys; sys.stdout.buffer.write(bytes(range(128, 256)).decode("cp437").encode("utf-8"))',
      ]).toString('utf8');
    } catch {
      return; // no Python here: the spot checks above still hold
    }
    const high = Uint8Array.from({ length: 128 }, (_, i) => 128 + i);
    expect(decodeCp437(high)).toBe(python);
  });
});

describe('decodeName', () => {
  it('reads flagged names as UTF-8 and unflagged invalid UTF-8 as CP437', () => {
    const utf8 = new TextEncoder().encode('über');
    expect(decodeName(utf8, true)).toEqual({ text: 'über', encoding: 'utf-8' });
    expect(decodeName(utf8, false)).toEqual({ text: 'über', encoding: 'utf-8-unflagged' });
    expect(decodeName(new Uint8Array([0x81]), false)).toEqual({ text: 'ü', encoding: 'cp437' });
  });
});

describe('toEntryPath', () => {
  it('normalizes separators and drops empty and "." segments', () => {
    expect(toEntryPath('images\\train\\a.jpg')).toEqual({
      path: 'images/train/a.jpg',
      unsafe: false,
    });
    expect(toEntryPath('./a//b/./c.json')).toEqual({ path: 'a/b/c.json', unsafe: false });
    expect(toEntryPath('plain/name.jpg')).toEqual({ path: 'plain/name.jpg', unsafe: false });
    expect(toEntryPath('..a/b..c/...')).toEqual({ path: '..a/b..c/...', unsafe: false });
  });

  it('flags names that would leave the archive, without resolving them', () => {
    for (const name of [
      '../evil.txt',
      'a/../../evil',
      '/etc/passwd',
      'C:\\x.txt',
      'a\0b',
      '..',
      './',
    ]) {
      expect(toEntryPath(name).unsafe).toBe(true);
    }
    expect(toEntryPath('a\\..\\..\\evil').path).toBe('a/../../evil');
  });
});
