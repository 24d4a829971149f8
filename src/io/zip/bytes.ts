/**
 * Little-endian field access and ranged reads. Every read of the archive goes through
 * `readBytes`, so what the reader touches is exactly what it slices.
 */

/** Bytes [start, end) of `blob`; shorter than asked when the blob ends first. */
export async function readBytes(
  blob: Blob,
  start: number,
  end: number,
): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await blob.slice(start, end).arrayBuffer());
}

export function u16(bytes: Uint8Array, at: number): number {
  return (bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8);
}

export function u32(bytes: Uint8Array, at: number): number {
  return (
    ((bytes[at] ?? 0) |
      ((bytes[at + 1] ?? 0) << 8) |
      ((bytes[at + 2] ?? 0) << 16) |
      ((bytes[at + 3] ?? 0) << 24)) >>>
    0
  );
}

/**
 * A 64-bit Zip64 field as a number, or null past 2^53 - 1 (8 PiB), which no Blob reaches:
 * such a value can only come from a damaged directory.
 */
export function u64(bytes: Uint8Array, at: number): number | null {
  const high = u32(bytes, at + 4);
  if (high >= 0x200000) return null;
  return high * 0x1_0000_0000 + u32(bytes, at);
}
