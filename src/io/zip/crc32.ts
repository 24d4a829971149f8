/**
 * CRC-32 as zip uses it (IEEE 802.3, reflected polynomial 0xEDB88320, init and final xor
 * 0xFFFFFFFF). fflate computes one internally but does not export it. Slicing-by-8: eight
 * 256-entry tables let the loop consume 8 bytes per step, several times faster than the
 * byte-at-a-time table on large images.
 */
const TABLES: Int32Array = buildTables();

function buildTables(): Int32Array {
  const tables = new Int32Array(256 * 8);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    tables[n] = c;
  }
  for (let n = 0; n < 256; n++) {
    let c = tables[n] ?? 0;
    for (let t = 1; t < 8; t++) {
      c = (tables[c & 0xff] ?? 0) ^ (c >>> 8);
      tables[t * 256 + n] = c;
    }
  }
  return tables;
}

/**
 * The CRC-32 of `data`, as an unsigned 32-bit number. Pass the previous result as `crc` to
 * continue over data that arrives in pieces: `crc32(b, crc32(a)) === crc32(a ++ b)`.
 */
export function crc32(data: Uint8Array, crc = 0): number {
  // Every index below is in range by construction (i < length, table offsets < 2048),
  // so the non-null assertions are true and keep branches out of the hot loop.
  const t = TABLES;
  let c = ~crc;
  let i = 0;
  const fast = data.length - (data.length % 8);
  while (i < fast) {
    const lo = c ^ (data[i]! | (data[i + 1]! << 8) | (data[i + 2]! << 16) | (data[i + 3]! << 24));
    const hi = data[i + 4]! | (data[i + 5]! << 8) | (data[i + 6]! << 16) | (data[i + 7]! << 24);
    c =
      t[1792 + (lo & 0xff)]! ^
      t[1536 + ((lo >>> 8) & 0xff)]! ^
      t[1280 + ((lo >>> 16) & 0xff)]! ^
      t[1024 + (lo >>> 24)]! ^
      t[768 + (hi & 0xff)]! ^
      t[512 + ((hi >>> 8) & 0xff)]! ^
      t[256 + ((hi >>> 16) & 0xff)]! ^
      t[hi >>> 24]!;
    i += 8;
  }
  while (i < data.length) {
    c = t[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
    i += 1;
  }
  return ~c >>> 0;
}
