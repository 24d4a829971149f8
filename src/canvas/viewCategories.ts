/**
 * Names, colours and skeletons of the categories one image's view uses, looked up by id — not a
 * record of the whole table, which may hold 10^6 categories and change with every edit.
 */
import { categoryColor, type CocoId } from '../coco';
import { categoryById } from '../store/categoryIndex';
import type { CategoryInfo } from '../worker/protocol';

/** Longest name drawn on the canvas: a 10 MB name must not stall the label plates. */
const NAME_MAX = 80;

export type ViewCategories = {
  names: Record<string, string>;
  colors: Record<string, string>;
  skeletons: Record<string, [number, number][] | null>;
};

export function viewCategories(
  categories: readonly CategoryInfo[],
  ids: Iterable<CocoId | null>,
  customColors: Readonly<Record<string, string>>,
): ViewCategories {
  const names: Record<string, string> = {};
  const colors: Record<string, string> = {};
  const skeletons: Record<string, [number, number][] | null> = {};
  for (const id of ids) {
    const c = categoryById(categories, id);
    if (c === undefined || String(c.id) in names) continue;
    names[String(c.id)] = c.name.length > NAME_MAX ? `${c.name.slice(0, NAME_MAX - 1)}…` : c.name;
    colors[String(c.id)] = categoryColor(c.id, customColors);
    skeletons[String(c.id)] = c.skeleton;
  }
  return { names, colors, skeletons };
}
