/** Category colours for the canvas and panels: the palette (coco/palette.ts) over the user's picks. */
import { categoryColor } from '../coco';

export { categoryColor, paletteColor } from '../coco';

/** Colours by category id (as a string key); `custom` holds the ones the user picked. */
export function categoryColors(
  categories: readonly { id: string | number }[],
  custom: Readonly<Record<string, string>> = {},
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of categories) out[String(c.id)] = categoryColor(c.id, custom);
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
