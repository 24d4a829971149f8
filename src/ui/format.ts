/** How the panels write numbers and how long their lists get. */

/** A count with thousands separators, as the status line writes it: `36,781`. */
export const count = (n: number) => n.toLocaleString('en-US');

/** Entries a problem group lists when opened (its count covers all). */
export const ENTRIES_SHOWN = 500;

/** A size as a person reads it: `716 kB`, `23.4 MB`. */
export function formatBytes(n: number): string {
  if (n < 1e3) return `${n} bytes`;
  if (n < 1e6) return `${Math.round(n / 1e3)} kB`;
  if (n < 1e9) return `${(n / 1e6).toFixed(1)} MB`;
  return `${(n / 1e9).toFixed(2)} GB`;
}

/**
 * A name cut to what a control can show (a category name may be 10 MB): the start, then
 * `…`. The whole name goes in a `title`.
 */
export function shortText(text: string, max = 120): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
