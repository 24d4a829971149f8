/**
 * Category colours: stable across images, sessions, edits and datasets (they follow the
 * category's id, not its position, so deleting a category recolours nothing else), and
 * distinguishable — a hand-picked set for the first ids, then hues spread by the golden
 * angle. A colour the user picked overrides it.
 */
const BASE = [
  '#e6194b',
  '#3cb44b',
  '#4363d8',
  '#f58231',
  '#911eb4',
  '#42d4f4',
  '#f032e6',
  '#bfef45',
  '#fabed4',
  '#469990',
  '#dcbeff',
  '#9a6324',
  '#fffac8',
  '#800000',
  '#aaffc3',
  '#808000',
  '#ffd8b1',
  '#000075',
  '#ffe119',
  '#a9a9a9',
];

export function paletteColor(position: number): string {
  const base = BASE[position];
  if (base !== undefined) return base;
  const hue = (position * 137.508) % 360;
  const light = 45 + ((position >> 1) % 3) * 10;
  return hslToHex(hue, 70, light);
}

function hslToHex(h: number, s: number, l: number): string {
  const a = (s / 100) * Math.min(l / 100, 1 - l / 100);
  const f = (n: number) => {
    const k = (n + h / 30) % 12;
    const c = l / 100 - a * Math.max(-1, Math.min(k - 3, 9 - k, 1));
    return Math.round(c * 255)
      .toString(16)
      .padStart(2, '0');
  };
  return `#${f(0)}${f(8)}${f(4)}`;
}

/** Colours by category id (as a string key), for a dataset's categories in file order. */
function slotOf(id: string | number): number {
  if (typeof id === 'number' && Number.isInteger(id) && id >= 0) return id === 0 ? 0 : id - 1;
  let h = 0;
  for (const ch of String(id)) h = (Math.imul(h, 31) + ch.charCodeAt(0)) >>> 0;
  return 1000 + (h % 10000);
}

/** Colours by category id (as a string key); `custom` holds the ones the user picked. */
export function categoryColors(
  categories: readonly { id: string | number }[],
  custom: Readonly<Record<string, string>> = {},
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of categories)
    out[String(c.id)] = custom[String(c.id)] ?? paletteColor(slotOf(c.id));
  return out;
}

/** Colour for annotations whose category is unknown. */
export const UNKNOWN_COLOR = '#ff00ff';

/** `#rrggbb` with an alpha (0..1) appended: `#rrggbbaa`. */
export function withAlpha(hex: string, alpha: number): string {
  const a = Math.round(Math.max(0, Math.min(1, alpha)) * 255)
    .toString(16)
    .padStart(2, '0');
  return `${hex.slice(0, 7)}${a}`;
}
