/**
 * Entry names: decoding the stored bytes and turning them into safe archive paths.
 *
 * Zip names are UTF-8 only when general-purpose flag bit 11 is set; otherwise the format
 * says IBM code page 437. In practice many writers (macOS Archive Utility among them) store
 * UTF-8 without setting the flag, and COCO `file_name`s are UTF-8, so an unflagged name that
 * is valid UTF-8 and not plain ASCII is read as UTF-8 (`'utf-8-unflagged'`); only bytes that
 * are not valid UTF-8 fall back to CP437. Real CP437 names almost never form valid UTF-8:
 * that needs a lead byte from 0xC2–0xF4 (box drawing, Greek) followed by 0x80–0xBF
 * (accented Latin letters).
 */

export type NameEncoding = 'ascii' | 'utf-8' | 'utf-8-unflagged' | 'cp437' | 'unicode-path-extra';

/** CP437 bytes 0x80–0xFF, in order (0xFF is a no-break space). Bytes below 0x80 are ASCII. */
const CP437_HIGH =
  'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒ' +
  'áíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐' +
  '└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀' +
  'αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0';

const utf8 = new TextDecoder('utf-8');
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function isAscii(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if ((bytes[i] ?? 0) >= 0x80) return false;
  return true;
}

/** Reads `bytes` as CP437. */
export function decodeCp437(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i] ?? 0;
    text += byte < 0x80 ? String.fromCharCode(byte) : (CP437_HIGH[byte - 0x80] ?? '\ufffd');
  }
  return text;
}

/** Decodes a stored name or comment; `flaggedUtf8` is general-purpose flag bit 11. */
export function decodeName(
  bytes: Uint8Array,
  flaggedUtf8: boolean,
): { text: string; encoding: NameEncoding } {
  if (flaggedUtf8) return { text: utf8.decode(bytes), encoding: 'utf-8' };
  if (isAscii(bytes)) return { text: utf8.decode(bytes), encoding: 'ascii' };
  try {
    return { text: strictUtf8.decode(bytes), encoding: 'utf-8-unflagged' };
  } catch {
    return { text: decodeCp437(bytes), encoding: 'cp437' };
  }
}

/** Anything `toEntryPath` would change or flag; most names match none of it. */
const NEEDS_WORK = /^\/|^[A-Za-z]:|\\|\0|\/\/|\/$|(^|\/)\.\.?(\/|$)/;

/**
 * The path an entry is listed under: forward slashes, no empty or `.` segments. A name is
 * unsafe when it would resolve outside the archive's root (a `..` segment, a leading `/`,
 * a drive letter such as `C:`), holds a NUL or is empty; its path is then only slash-normalized,
 * never resolved, and the reader refuses to read it through the archive facade.
 */
export function toEntryPath(rawName: string): { path: string; unsafe: boolean } {
  if (rawName !== '' && !NEEDS_WORK.test(rawName)) return { path: rawName, unsafe: false };
  const slashed = rawName.replace(/\\/g, '/');
  const segments = slashed.split('/');
  const unsafe =
    slashed.startsWith('/') ||
    /^[A-Za-z]:/.test(slashed) ||
    slashed.includes('\0') ||
    segments.includes('..');
  if (unsafe) return { path: slashed, unsafe };
  const path = segments.filter((s) => s !== '' && s !== '.').join('/');
  // A name of only slashes and dots has no path at all: nothing to list it under.
  return { path, unsafe: path === '' };
}
