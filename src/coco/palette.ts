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

/** The palette's colour at `position` (0-based). */
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

/** Where in the palette a category id's colour is: its id for ids 1…, a hash of the id otherwise. */
function slotOf(id: string | number): number {
  if (typeof id === 'number' && Number.isInteger(id) && id >= 0) return id === 0 ? 0 : id - 1;
  let h = 0;
  for (const ch of String(id)) h = (Math.imul(h, 31) + ch.charCodeAt(0)) >>> 0;
  return 1000 + (h % 10000);
}

/**
 * A category's colour: the one the user picked (`custom`, by id as a string), else the
 * palette's for its id. The page and the engine (which paints masks) both call this, so a
 * page need not send a colour for each of 10^6 categories.
 */
export function categoryColor(
  id: string | number,
  custom: Readonly<Record<string, string>> = {},
): string {
  return custom[String(id)] ?? paletteColor(slotOf(id));
}
