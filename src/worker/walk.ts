/**
 * N / Shift+N: the annotations of one kind across a subset's images (image order, then
 * view key), and the step from where the user is to the next or previous of them.
 */
import { DetectionStatus, GroundTruthStatus, idKey } from '../coco';
import { freshVerdicts } from './predictions';
import type { Walked, WalkKind, WalkStop } from './protocol';
import { isEdited, type Subset } from './subset';

/**
 * The stops of a walk, in order: `images[j]` and `keys[j]`; `predictions[j]` is 1 where the
 * key is a detection's (false positives), 0 where it is a view key.
 */
export type Stops = { images: Int32Array; keys: Int32Array; predictions: Uint8Array };

/** Every stop of `kind`; `problemKeys`: annotations named by problems or the last checks. */
export function walkStops(subset: Subset, kind: WalkKind, problemKeys: ReadonlySet<number>): Stops {
  if (kind === 'false-positive') return falsePositiveStops(subset);
  if (kind === 'mistake')
    return missesThenFalsePositives(
      annotationStops(subset, 'miss', problemKeys),
      falsePositiveStops(subset),
    );
  return annotationStops(subset, kind, problemKeys);
}

function stopsOf(images: number[], keys: number[], prediction: boolean): Stops {
  return {
    images: Int32Array.from(images),
    keys: Int32Array.from(keys),
    predictions: new Uint8Array(images.length).fill(prediction ? 1 : 0),
  };
}

/** The detections that are false positives, by image then detection. */
function falsePositiveStops(subset: Subset): Stops {
  const images: number[] = [];
  const keys: number[] = [];
  const p = subset.predictions;
  const verdicts = freshVerdicts(subset);
  if (p !== null && verdicts !== null)
    for (let i = 0; i < subset.images.length; i++)
      for (let k = p.offsets[i]!; k < p.offsets[i + 1]!; k++) {
        const at = p.order[k]!;
        if (verdicts.matches.dtStatus[at] === DetectionStatus.falsePositive) {
          images.push(i);
          keys.push(at);
        }
      }
  return stopsOf(images, keys, true);
}

/** Both walks in one, image by image: each image's misses, then its false positives. */
function missesThenFalsePositives(misses: Stops, falsePositives: Stops): Stops {
  const n = misses.images.length + falsePositives.images.length;
  const out: Stops = {
    images: new Int32Array(n),
    keys: new Int32Array(n),
    predictions: new Uint8Array(n),
  };
  let i = 0;
  let j = 0;
  for (let k = 0; k < n; k++) {
    const takeMiss =
      j >= falsePositives.images.length ||
      (i < misses.images.length && misses.images[i]! <= falsePositives.images[j]!);
    const from = takeMiss ? misses : falsePositives;
    const at = takeMiss ? i++ : j++;
    out.images[k] = from.images[at]!;
    out.keys[k] = from.keys[at]!;
    out.predictions[k] = from.predictions[at]!;
  }
  return out;
}

/** The annotations of `kind`, by image then view key. */
function annotationStops(
  subset: Subset,
  kind: Exclude<WalkKind, 'false-positive' | 'mistake'>,
  problemKeys: ReadonlySet<number>,
): Stops {
  const images: number[] = [];
  const keys: number[] = [];
  const verdicts = kind === 'miss' ? freshVerdicts(subset) : null;
  if (kind === 'miss' && verdicts === null) return stopsOf([], [], false);
  // Each source's own image position for each subset image (-1 where it has none).
  const local = subset.sources.map((_, s) => {
    const inverse = new Int32Array(subset.images.length).fill(-1);
    subset.imageMaps[s]!.forEach((i, own) => (inverse[i] = own));
    return inverse;
  });
  const found: number[] = [];
  for (let i = 0; i < subset.images.length; i++) {
    found.length = 0;
    subset.sources.forEach((source, s) => {
      const own = local[s]![i]!;
      if (own < 0) return;
      const { imageOffsets, annotationOrder } = source.dataset.index;
      for (let k = imageOffsets[own]!; k < imageOffsets[own + 1]!; k++) {
        const at = annotationOrder[k]!;
        const key = subset.keyOffsets[s]! + at;
        const record = source.dataset.annotations.at(at)!;
        const wanted =
          kind === 'annotation' ||
          (kind === 'crowd' && record.iscrowd) ||
          (kind === 'edited' && isEdited(source, record)) ||
          (kind === 'problem' && problemKeys.has(key)) ||
          (kind === 'miss' &&
            s === verdicts!.gtSource &&
            verdicts!.matches.gtStatus[at] === GroundTruthStatus.missed);
        if (wanted) found.push(key);
      }
    });
    found.sort((a, b) => a - b);
    for (const key of found) {
      images.push(i);
      keys.push(key);
    }
  }
  return stopsOf(images, keys, false);
}

/**
 * Stops before `from` (by image, then annotations before detections, then key; a null key
 * sorts before the image's stops).
 */
function countBefore(stops: Stops, from: WalkStop): number {
  const fromPrediction = from.prediction === true ? 1 : 0;
  let lo = 0;
  let hi = stops.images.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const i = stops.images[mid]!;
    const prediction = stops.predictions[mid]!;
    const before =
      i < from.imageIndex ||
      (i === from.imageIndex &&
        from.key !== null &&
        (prediction < fromPrediction ||
          (prediction === fromPrediction && stops.keys[mid]! < from.key)));
    if (before) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The stop after (step 1) or before (step -1) `from`, wrapping around the ends. From a
 * stop, the next one; from an image with no selection, its first stop (or the last one
 * before it, going back).
 */
export function stepWalk(stops: Stops, from: WalkStop, step: 1 | -1): Walked {
  const total = stops.images.length;
  if (total === 0) return { stop: null, position: 0, total };
  const at = countBefore(stops, from);
  const onIt =
    at < total &&
    from.key !== null &&
    stops.images[at] === from.imageIndex &&
    stops.keys[at] === from.key &&
    stops.predictions[at] === (from.prediction === true ? 1 : 0);
  let j: number;
  if (step === 1) j = onIt ? at + 1 : at;
  else j = at - 1;
  j = ((j % total) + total) % total;
  return {
    stop: {
      imageIndex: stops.images[j]!,
      key: stops.keys[j]!,
      prediction: stops.predictions[j] === 1,
    },
    position: j + 1,
    total,
  };
}

/** The view keys of annotations named by problems (parse problems carry an id and image). */
export function problemKeysOf(
  subset: Subset,
  problems: readonly { imageIndex: number | null; annotationId: unknown }[],
  findingKeys: ReadonlySet<number>,
): Set<number> {
  const out = new Set(findingKeys);
  for (const p of problems) {
    if (
      p.imageIndex === null ||
      (typeof p.annotationId !== 'number' && typeof p.annotationId !== 'string')
    )
      continue;
    const image = subset.images[p.imageIndex];
    if (image === undefined) continue;
    subset.sources.forEach((source, s) => {
      const at = source.dataset.index.annotationById.get(idKey(p.annotationId as number | string));
      if (at !== undefined) out.add(subset.keyOffsets[s]! + at);
    });
  }
  return out;
}
