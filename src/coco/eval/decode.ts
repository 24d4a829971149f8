/**
 * `rleFromString` (pycocotools' `rleFrString`) with the same output bit for bit, without
 * its intermediate list: the evaluator decodes every detection mask of a results file.
 * Counts are written straight into their typed array after one pass that counts them.
 */
import type { Rle } from '../rle';

const UINT32 = 0x1_0000_0000;

export function decodeRleString(counts: string, height: number, width: number): Rle {
  const n = counts.length;
  let values = 0;
  for (let p = 0; p < n; p++) if (((counts.charCodeAt(p) - 48) & 0x20) === 0) values++;
  // A string ending inside a value still yields it (pycocotools reads the NUL after it).
  if (n > 0 && ((counts.charCodeAt(n - 1) - 48) & 0x20) !== 0) values++;
  const out = new Uint32Array(values);
  let p = 0;
  let m = 0;
  while (p < n) {
    let x = 0;
    let f = 1;
    let c: number;
    do {
      c = p < n ? counts.charCodeAt(p) - 48 : -48;
      x += (c & 0x1f) * f;
      f *= 32;
      p++;
    } while ((c & 0x20) !== 0);
    if ((c & 0x10) !== 0) x -= f;
    if (m > 2) x += out[m - 2]!;
    const r = x % UINT32;
    out[m++] = r < 0 ? r + UINT32 : r;
  }
  return { size: [height, width], counts: m === values ? out : out.slice(0, m) };
}
