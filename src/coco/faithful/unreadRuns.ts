/**
 * Where a splicer may copy kept elements without reading them: when the file's element
 * spans are known (a stored table's, see coco/columnar), a run of kept elements between
 * two edits is the file's bytes from one comma to another, whatever they hold. At
 * train2017 scale (860k annotations, a handful edited) that is nearly the whole file, which
 * is then neither parsed nor, in the browser, even read (see worker/exportSplice.ts).
 */
import { DROP, KEEP, type UnreadRun } from './splicePlan';

/** Runs shorter than this are read as usual: a jump costs a part of the output. */
export const MIN_UNREAD_BYTES = 64 << 10;

/**
 * The runs of kept elements of an array that a splicer may pass over unread. `codes`: the
 * plan's, per element; `spans`: `[start, end)` of each element in the file's bytes, each
 * ending at the comma after it (as the splitter and elementSpans record them).
 *
 * A run starts no earlier than element 2 (elements 0 and 1 teach the splicer the file's
 * style and separator) and after an element that is written (so the gap before it is the
 * file's own); it stops one element short of the run's end (that element is read, so the
 * gap after it is routed as the splicer decides).
 */
export function unreadRuns(
  codes: Uint8Array,
  spans: Float64Array,
  minBytes = MIN_UNREAD_BYTES,
): UnreadRun[] {
  const count = codes.length;
  if (spans.length !== 2 * count) return [];
  const runs: UnreadRun[] = [];
  let start = 0;
  while (start < count) {
    if (codes[start] !== KEEP) {
      start++;
      continue;
    }
    let end = start + 1;
    while (end < count && codes[end] === KEEP) end++;
    let first = Math.max(start, 2);
    if (first === start && first > 0 && codes[first - 1] === DROP) first++;
    const last = end - 1;
    if (last > first) {
      // The comma after an element is where its span ends (its start may skip blanks).
      const from = spans[2 * first - 1]!;
      const to = spans[2 * last - 1]!;
      if (to - from >= minBytes) runs.push({ first, last, from, to });
    }
    start = end;
  }
  return runs;
}
