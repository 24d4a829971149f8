import { describe, it, expect } from 'vitest';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { crc32 } from './crc32';
import { readCentralDirectory } from './centralDirectory';

describe('crc32', () => {
  it('gives the standard check value for "123456789"', () => {
    expect(crc32(strToU8('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
  });

  it('continues over pieces exactly as over the whole', () => {
    const data = strToU8('the quick brown fox jumps over the lazy dog, twice over');
    for (const cut of [0, 1, 7, 8, 9, 31, data.length]) {
      expect(crc32(data.subarray(cut), crc32(data.subarray(0, cut)))).toBe(crc32(data));
    }
  });

  it('agrees with the CRCs fflate writes, at every length mod 8', async () => {
    const files: Record<string, Uint8Array> = {};
    for (let n = 0; n < 40; n++) {
      files[`f${n}`] = Uint8Array.from({ length: n * 13 + (n % 8) }, (_, i) => (i * 31 + n) & 0xff);
    }
    const zip = zipSync(files);
    expect(Object.keys(unzipSync(zip))).toHaveLength(40);
    const { entries } = await readCentralDirectory(new Blob([zip]));
    for (const entry of entries) {
      expect(crc32(files[entry.rawName] ?? new Uint8Array(1))).toBe(entry.crc32);
    }
  });
});
