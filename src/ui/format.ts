/** How the panels write numbers and how long their lists get. */

/** A count with thousands separators, as the status line writes it: `36,781`. */
export const count = (n: number) => n.toLocaleString('en-US');

/** Entries a problem group lists when opened (its count covers all). */
export const ENTRIES_SHOWN = 500;
