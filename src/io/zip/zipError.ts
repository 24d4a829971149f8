/**
 * The one error type the zip reader throws. Reading an archive is I/O on a file the user
 * picked, so failures arrive as rejected promises; each carries a `code` a caller can
 * switch over and a message a person can act on, naming the entry when there is one.
 */
export type ZipErrorCode =
  | 'not-zip'
  | 'truncated'
  | 'corrupt-directory'
  /** The entry's compressed bytes do not inflate, or inflate to the wrong length. */
  | 'corrupt-data'
  | 'encrypted'
  | 'unsupported-method'
  | 'crc-mismatch'
  | 'too-large'
  | 'bomb'
  | 'unsafe-path';

export class ZipError extends Error {
  readonly code: ZipErrorCode;
  /** The entry's name as stored in the archive, or null for archive-wide problems. */
  readonly entry: string | null;

  constructor(code: ZipErrorCode, message: string, entry: string | null = null) {
    super(message);
    this.name = 'ZipError';
    this.code = code;
    this.entry = entry;
  }
}

/** "1.5 MB", "812 KB", "37 bytes": sizes in messages, decimal units like file managers. */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} bytes`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1000;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${units[unit] ?? 'TB'}`;
}
