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

/** WCAG 2 relative luminance of a `#rrggbb` colour. */
export function luminance(hex: string): number {
  const channel = (at: number) => {
    const c = parseInt(hex.slice(at, at + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** WCAG 2 contrast ratio of two `#rrggbb` colours (1 … 21). */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/**
 * Black or white text, whichever reads better on `background`: one of the two always
 * reaches 4.58:1 or more (the ratios multiply to 21), so every label is legible.
 */
export function textColorOn(background: string): '#000000' | '#ffffff' {
  if (!/^#[0-9a-f]{6}/i.test(background)) return '#ffffff';
  return contrastRatio(background, '#000000') >= contrastRatio(background, '#ffffff')
    ? '#000000'
    : '#ffffff';
}

/** `#rrggbb` moved `t` (0..1) of the way toward `#rrggbb` `to`. */
function mix(hex: string, to: string, t: number): string {
  const at = (c: string, i: number) => parseInt(c.slice(i, i + 2), 16);
  const channel = (i: number) =>
    Math.round(at(hex, i) + (at(to, i) - at(hex, i)) * t)
      .toString(16)
      .padStart(2, '0');
  return `#${channel(1)}${channel(3)}${channel(5)}`;
}

/**
 * A label plate in a category's colour and its text: black or white by contrast, and the
 * plate darkened or lightened (same hue) until the pair reaches 7:1, so small anti-aliased
 * text on it still reads at 4.5:1 or better.
 */
export function labelColors(color: string): { plate: string; text: '#000000' | '#ffffff' } {
  const text = textColorOn(color);
  if (!/^#[0-9a-f]{6}/i.test(color)) return { plate: '#333333', text: '#ffffff' };
  const away = text === '#ffffff' ? '#000000' : '#ffffff';
  let plate = color.slice(0, 7);
  for (let t = 0.05; contrastRatio(plate, text) < 7 && t <= 1; t += 0.05)
    plate = mix(color, away, t);
  return { plate, text };
}
