import { describe, expect, it } from 'vitest';
import { rleStringSums } from '../rle';
import { seeded } from '../testing/mutate';
import { lastCountsSums, rleBytesSums } from './scanGeometry';

describe('rleBytesSums', () => {
  it("sums a counts string's bytes exactly as rleStringSums sums its characters", () => {
    const rand = seeded(31);
    for (let k = 0; k < 50_000; k++) {
      const length = Math.floor(rand() * (rand() < 0.9 ? 20 : 400));
      // Mostly pycocotools' alphabet ('0' … 'o'), sometimes any printable ASCII.
      const [low, span] = rand() < 0.8 ? [48, 64] : [32, 95];
      const codes = Array.from({ length }, () => low + Math.floor(rand() * span));
      rleBytesSums(Uint8Array.from(codes), 0, length);
      expect(lastCountsSums(), String.fromCharCode(...codes)).toEqual(
        rleStringSums(String.fromCharCode(...codes)),
      );
    }
  });
});
