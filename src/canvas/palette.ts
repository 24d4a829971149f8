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
