/**
 * Run-length encoded binary masks, exactly as pycocotools' `maskApi.c` defines them.
 *
 * Conventions (the whole of COCO's mask semantics hangs on these):
 * - A mask is `height × width` pixels stored **column-major** (Fortran order): pixel
 *   (x, y) is at index `x * height + y`. A row-major mask fed to these functions comes
 *   out transposed; CVAT's own masks are row-major with a border box, so never pass one
 *   here without converting.
 * - `Rle.counts` holds run lengths that **start with the run of zeros** (possibly 0) and
 *   alternate 0-run, 1-run, … The counts sum to `height * width`.
 * - `size` is `[height, width]`, as in the COCO file.
 * - The COCO file stores counts either as a list of numbers (uncompressed, used by crowd
 *   ground truth) or as pycocotools' compressed string (LEB128-like, 6 bits per char,
 *   chars 48..111, each count after the second stored as a difference to the one two
 *   places back). `Rle` is always the uncompressed, decoded form; the string form is
 *   typed `RleString` so the two cannot be mixed up.
 */

/** An uncompressed RLE mask: column-major run lengths starting with zeros. */
export type Rle = { size: [height: number, width: number]; counts: Uint32Array };

/** pycocotools' compressed counts string (what results files and CVAT masks hold). */
export type RleString = string;

/**
 * Where a decoder puts `n` counts (a fresh array by default): a caller making many short-
 * lived masks can hand out views of one buffer instead of an allocation each.
 */
export type CountsAlloc = (n: number) => Uint32Array;

const UINT32 = 0x1_0000_0000;

/** Wraps a (possibly negative) integer to uint32 as C's `(uint)` cast does. */
function toUint32(x: number): number {
  const r = x % UINT32;
  return r < 0 ? r + UINT32 : r;
}

/**
 * Decodes pycocotools' compressed counts string [_mask rleFrString]. A string ending
 * inside a value still yields it: pycocotools reads the terminating NUL (c = -48, which
 * ends the value and sets its sign bit) at that point. Values are wrapped to uint32 as
 * C's `(uint)` cast does.
 */
export function rleFromString(
  counts: RleString,
  height: number,
  width: number,
  alloc?: CountsAlloc,
): Rle {
  const m = decodeIntoScratch(counts);
  let result: Uint32Array;
  if (alloc === undefined) result = scratch.slice(0, m);
  else {
    result = alloc(m);
    for (let j = 0; j < m; j++) result[j] = scratch[j]!;
  }
  releaseScratch();
  return { size: [height, width], counts: result };
}

/**
 * The sum of the runs and of the odd (set) runs of a compressed counts string, without
 * building the counts: checking an RLE against its size allocates nothing.
 */
export function rleStringSums(counts: RleString): { sum: number; area: number } {
  const m = decodeIntoScratch(counts);
  let sum = 0;
  let area = 0;
  for (let j = 0; j < m; j++) {
    sum += scratch[j]!;
    if (j % 2 === 1) area += scratch[j]!;
  }
  releaseScratch();
  return { sum, area };
}

/**
 * Decoded values, as long as the longest string decoded (a value takes at least one
 * char); one grown past `KEPT_SCRATCH` by a huge mask is dropped after it.
 */
let scratch = new Uint32Array(1024);
const KEPT_SCRATCH = 1 << 16;

function releaseScratch(): void {
  if (scratch.length > KEPT_SCRATCH) scratch = new Uint32Array(1024);
}

/**
 * Decodes `counts` into `scratch` and returns how many values it holds. Each value is
 * 5 bits per char, least significant first, while the char has the continuation bit
 * 0x20; the last char's bit 0x10 is the sign; from the third value on, it is a delta to
 * the value two places back. Up to six chars (30 bits) are read with integer operations,
 * as most values are; longer ones go on in `valueTail`.
 */
function decodeIntoScratch(counts: RleString): number {
  const n = counts.length;
  if (scratch.length < n) scratch = new Uint32Array(Math.max(n, 2 * scratch.length));
  const out = scratch;
  let p = 0;
  let m = 0;
  while (p < n) {
    let x = 0;
    let shift = 0;
    let c: number;
    do {
      c = p < n ? counts.charCodeAt(p) - 48 : -48;
      x |= (c & 0x1f) << shift;
      shift += 5;
      p++;
    } while ((c & 0x20) !== 0 && shift < 30);
    if ((c & 0x20) !== 0) {
      const tail = valueTail(counts, p, x);
      x = tail.x;
      p = tail.p;
    } else if ((c & 0x10) !== 0) x -= 1 << shift;
    if (m > 2) x += out[m - 2]!;
    out[m++] = x >>> 0;
  }
  return m;
}

/**
 * A value longer than six chars, from char p on, its first 30 bits `x` read: in floats
 * (exact below 2^53), as the decoder always did; rle.test.ts holds both paths to the
 * transcription of pycocotools' C.
 */
function valueTail(counts: RleString, p: number, x: number): { x: number; p: number } {
  const n = counts.length;
  let f = 2 ** 30;
  let c: number;
  do {
    c = p < n ? counts.charCodeAt(p) - 48 : -48;
    x += (c & 0x1f) * f;
    f *= 32;
    p++;
  } while ((c & 0x20) !== 0);
  return { x: (c & 0x10) !== 0 ? x - f : x, p };
}

/** Encodes counts as pycocotools' compressed string [rleToString]. */
export function rleToString(rle: Rle): RleString {
  const cnts = rle.counts;
  const chars: number[] = [];
  for (let i = 0; i < cnts.length; i++) {
    let x = cnts[i]!;
    if (i > 2) x -= cnts[i - 2]!;
    let more = true;
    while (more) {
      let c = x & 0x1f;
      // Arithmetic shift of a value that may exceed 32 bits: floor division keeps the sign.
      x = Math.floor(x / 32);
      more = (c & 0x10) !== 0 ? x !== -1 : x !== 0;
      if (more) c |= 0x20;
      chars.push(c + 48);
    }
  }
  let s = '';
  for (let i = 0; i < chars.length; i += 8192) {
    s += String.fromCharCode(...chars.slice(i, i + 8192));
  }
  return s;
}

/** An RLE from raw run lengths (a COCO file's uncompressed `counts` list). */
export function rleFromCounts(counts: ArrayLike<number>, height: number, width: number): Rle {
  const c = new Uint32Array(counts.length);
  for (let i = 0; i < counts.length; i++) c[i] = toUint32(Math.trunc(counts[i]!));
  return { size: [height, width], counts: c };
}

/**
 * Decodes to a column-major mask of 0/1 bytes, length height × width [decode].
 * Runs past the end of the mask are cut off (pycocotools would write past its buffer).
 */
export function decodeRle(rle: Rle): Uint8Array {
  const [h, w] = rle.size;
  const total = h * w;
  const mask = new Uint8Array(total);
  let pos = 0;
  const cnts = rle.counts;
  for (let j = 0; j < cnts.length && pos < total; j++) {
    const end = Math.min(total, pos + cnts[j]!);
    if (j % 2 === 1) mask.fill(1, pos, end);
    pos = end;
  }
  return mask;
}

/**
 * Encodes a column-major mask (any non-zero byte counts as "on" only if it equals the
 * previous value's opposite, as in C: runs break wherever the byte value changes)
 * [encode]. Masks are expected to hold 0/1.
 */
export function encodeMask(mask: Uint8Array, height: number, width: number): Rle {
  const a = height * width;
  if (mask.length < a) {
    throw new RangeError(`encodeMask: mask has ${mask.length} bytes, needs ${a}`);
  }
  const counts: number[] = [];
  let p = 0;
  let runStart = 0;
  let j = 0;
  // Skip whole 4-byte words that continue the current run; masks are mostly long runs.
  const aligned = mask.byteOffset % 4 === 0;
  const words = aligned ? new Uint32Array(mask.buffer, mask.byteOffset, a >>> 2) : undefined;
  while (j < a) {
    if (words !== undefined && (j & 3) === 0) {
      const same = p === 0 ? 0 : p * 0x01010101;
      let wi = j >>> 2;
      const wn = words.length;
      while (wi < wn && words[wi] === same) wi++;
      j = wi << 2;
      if (j >= a) break;
    }
    const v = mask[j]!;
    if (v !== p) {
      counts.push(j - runStart);
      runStart = j;
      p = v;
    }
    j++;
  }
  counts.push(a - runStart);
  return { size: [height, width], counts: Uint32Array.from(counts) };
}

/** The number of "on" pixels: the sum of the odd runs [area]. */
export function rleArea(rle: Rle): number {
  let s = 0;
  const c = rle.counts;
  for (let i = 1; i < c.length; i += 2) s += c[i]!;
  return s;
}

/** The tight box `[x, y, w, h]` around the mask, in whole pixels [toBbox]. */
export function rleToBbox(rle: Rle): [number, number, number, number] {
  const [h, w] = rle.size;
  const c = rle.counts;
  const m = Math.floor(c.length / 2) * 2;
  if (m === 0 || h === 0) return [0, 0, 0, 0];
  let xs = w;
  let ys = h;
  let xe = 0;
  let ye = 0;
  let cc = 0;
  let xp = 0;
  for (let j = 0; j < m; j++) {
    cc += c[j]!;
    const t = toUint32(cc - (j % 2));
    const y = t % h;
    const x = (t - y) / h;
    if (j % 2 === 0) xp = x;
    else if (xp < x) {
      ys = 0;
      ye = h - 1;
    }
    xs = Math.min(xs, x);
    xe = Math.max(xe, x);
    ys = Math.min(ys, y);
    ye = Math.max(ye, y);
  }
  return [xs, ys, xe - xs + 1, ye - ys + 1];
}

/**
 * Union (or intersection) of masks of one size [merge]. Masks of different sizes give
 * an empty 0×0 RLE, as pycocotools does.
 */
export function mergeRles(rles: readonly Rle[], intersect = false): Rle {
  const first = rles[0];
  if (first === undefined) return { size: [0, 0], counts: new Uint32Array(0) };
  if (rles.length === 1)
    return { size: [first.size[0], first.size[1]], counts: first.counts.slice() };
  const [h, w] = first.size;
  if (rles.some((r) => r.size[0] !== h || r.size[1] !== w))
    return { size: [0, 0], counts: new Uint32Array(0) };
  // Masks whose runs cover exactly h·w pixels merge to the canonical RLE of their union
  // (or intersection) in any order: pairwise, so n masks cost log n passes, not n. Others
  // are merged one after another, as pycocotools does, so a malformed mask gives its result.
  if (rles.every((r) => coversExactly(r.counts, h * w))) {
    let level = rles.map((r) => r.counts);
    while (level.length > 1) {
      const next: Uint32Array[] = [];
      for (let i = 0; i < level.length; i += 2)
        next.push(i + 1 < level.length ? mergeTwo(level[i]!, level[i + 1]!, intersect) : level[i]!);
      level = next;
    }
    return { size: [h, w], counts: level[0]! };
  }
  let acc = first.counts;
  for (let i = 1; i < rles.length; i++) acc = mergeTwo(acc, rles[i]!.counts, intersect);
  return { size: [h, w], counts: acc };
}

/** The runs sum to `total` pixels, and only the first may be empty (the mask starts set). */
function coversExactly(counts: Uint32Array, total: number): boolean {
  let sum = 0;
  for (let i = 0; i < counts.length; i++) {
    if (counts[i] === 0 && i > 0) return false;
    sum += counts[i]!;
  }
  return sum === total;
}

function mergeTwo(A: Uint32Array, B: Uint32Array, intersect: boolean): Uint32Array {
  // A run ends where one of A's or B's does: at most A.length + B.length of them.
  const out = new Uint32Array(A.length + B.length);
  let len = 0;
  let ca = A[0] ?? 0;
  let cb = B[0] ?? 0;
  let v = false;
  let va = false;
  let vb = false;
  let a = 1;
  let b = 1;
  let cc = 0;
  let ct = 1;
  while (ct > 0) {
    // Runs that do not sum to the same total (a malformed mask) would loop forever here,
    // as in pycocotools' C: stop when one side has nothing left.
    if ((ca === 0 && a >= A.length) || (cb === 0 && b >= B.length)) break;
    const c = Math.min(ca, cb);
    cc += c;
    ct = 0;
    ca -= c;
    if (!ca && a < A.length) {
      ca = A[a++]!;
      va = !va;
    }
    ct += ca;
    cb -= c;
    if (!cb && b < B.length) {
      cb = B[b++]!;
      vb = !vb;
    }
    ct += cb;
    const vp: boolean = v;
    v = intersect ? va && vb : va || vb;
    if (v !== vp || ct === 0) {
      out[len++] = cc;
      cc = 0;
    }
  }
  return out.slice(0, len);
}
