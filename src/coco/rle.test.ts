import { describe, expect, it } from 'vitest';
import { polygonToRle } from './polygon';
import { rleFromString, rleStringSums, rleToString, type Rle } from './rle';
import { readCorpusJson } from './testing/corpus';
import { seeded } from './testing/mutate';
import { rleFrString } from './testing/pycocotoolsOracle';
import { randomPolygon } from './testing/randomShapes';

type CountsVector = { counts: string };

function expectSame(got: Rle, want: Rle, input: string): void {
  const equal =
    got.size[0] === want.size[0] &&
    got.size[1] === want.size[1] &&
    got.counts.length === want.counts.length &&
    got.counts.every((c, i) => c === want.counts[i]);
  if (!equal)
    expect({ input, counts: Array.from(got.counts) }).toEqual({
      input,
      counts: Array.from(want.counts),
    });
}

describe('rleFromString equals rleFrString bit for bit', () => {
  it("on pycocotools' reference strings", () => {
    const strings = [
      ...readCorpusJson<CountsVector[]>('reference/polygons.json'),
      ...readCorpusJson<CountsVector[]>('reference/rle.json'),
    ].map((v) => v.counts);
    for (const s of strings) expectSame(rleFromString(s, 7, 9), rleFrString(s, 7, 9), s);
  });

  it('on strings of random polygons and of random counts up to 2^32 - 1', () => {
    const rand = seeded(3);
    for (let i = 0; i < 3000; i++) {
      const w = 1 + Math.floor(rand() * 80);
      const h = 1 + Math.floor(rand() * 80);
      const s = rleToString(polygonToRle(randomPolygon(rand, w, h), h, w));
      expectSame(rleFromString(s, h, w), rleFrString(s, h, w), s);
      const counts = Uint32Array.from({ length: Math.floor(rand() * 20) }, () =>
        Math.floor(rand() ** 4 * 0x1_0000_0000),
      );
      const t = rleToString({ size: [h, w], counts });
      expectSame(rleFromString(t, h, w), rleFrString(t, h, w), t);
    }
  });

  it('on junk: truncated values, chars outside 48..111, long runs of continuation chars', () => {
    const rand = seeded(4);
    for (let i = 0; i < 3000; i++) {
      let junk = '';
      const wide = i % 3 === 0;
      for (let j = Math.floor(rand() * 12); j > 0; j--) {
        junk += String.fromCharCode(
          wide ? Math.floor(rand() * 0x10000) : 48 + Math.floor(rand() * 64),
        );
      }
      expectSame(rleFromString(junk, 7, 9), rleFrString(junk, 7, 9), junk);
    }
    for (const s of ['', 'o', 'oooooooooooo0', 'o'.repeat(300), '`'.repeat(40)]) {
      expectSame(rleFromString(s, 7, 9), rleFrString(s, 7, 9), s);
    }
  });
});

describe('rleStringSums adds up the counts rleFrString decodes', () => {
  const sums = (rle: Rle) => ({
    sum: rle.counts.reduce((a, c) => a + c, 0),
    area: rle.counts.reduce((a, c, i) => (i % 2 === 1 ? a + c : a), 0),
  });

  it('on random counts up to 2^32 - 1, junk and long continuation runs', () => {
    const rand = seeded(5);
    const strings = ['', 'o', 'oooooooooooo0', 'o'.repeat(300), '`'.repeat(40), 'PP1O0'];
    for (let i = 0; i < 2000; i++) {
      const counts = Uint32Array.from({ length: Math.floor(rand() * 30) }, () =>
        Math.floor(rand() ** 4 * 0x1_0000_0000),
      );
      strings.push(rleToString({ size: [1, 1], counts }));
      let junk = '';
      for (let j = Math.floor(rand() * 16); j > 0; j--) {
        junk += String.fromCharCode(40 + Math.floor(rand() * 80));
      }
      strings.push(junk);
    }
    for (const s of strings) expect(rleStringSums(s), s).toEqual(sums(rleFrString(s, 1, 1)));
  });
});
