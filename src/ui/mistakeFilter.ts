/** The image list's filters and sort by prediction mistakes: what they are called and how they combine. */
import type { ImageFilter, ImageSort } from '../worker/protocol';

export const SORT_LABELS: Record<ImageSort, string> = {
  file: 'file order',
  'false-positives': 'most false positives',
  misses: 'most misses',
  mistakes: 'most mistakes',
};

/**
 * Turns "false positives" or "misses" on or off; both on list images with either. While the
 * list is in file order it is sorted by what the filters show (the Sort select says so).
 */
export function mistakeFilterChange(
  filter: ImageFilter,
  change: { falsePositives?: boolean; misses?: boolean },
): Partial<ImageFilter> {
  const falsePositives = change.falsePositives ?? filter.falsePositives;
  const misses = change.misses ?? filter.misses;
  const sort: ImageSort =
    filter.sort !== 'file' || (!falsePositives && !misses)
      ? filter.sort
      : falsePositives && misses
        ? 'mistakes'
        : falsePositives
          ? 'false-positives'
          : 'misses';
  return { falsePositives, misses, sort };
}

/** The chip of the mistake filters, or null when neither is on. */
export function mistakeFilterLabel(filter: ImageFilter): string | null {
  if (filter.falsePositives && filter.misses) return 'with false positives or misses';
  if (filter.falsePositives) return 'with false positives';
  if (filter.misses) return 'with misses';
  return null;
}
