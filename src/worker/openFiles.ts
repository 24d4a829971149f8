/**
 * The open flow, off the main thread: list what was dropped (zips by their directory),
 * read and parse every annotation json with progress, group the files into subsets and
 * find each image's picture.
 */
import { findExactIntegers, hasUnsafeIds, idKey, parseCoco, type StoredSource } from '../coco';
import { describeAnnotationFile, isJson, isPicture, pictureRoots } from '../io/layout';
import { matchPictures, type AmbiguousPicture } from '../io/matchPictures';
import { BigJsonError, readBigJson } from '../io/readBigJson';
import { readStoredJson } from '../io/readStoredJson';
import { MAX_TEXT_LENGTH, readText } from '../io/readText';
import { listSources, type Source, type VirtualFile } from '../io/virtualFiles';
import type {
  EngineError,
  OpenPhase,
  OpenSummary,
  PictureProblemCode,
  ProblemInfo,
} from './protocol';
import { buildSubset, originalsOf, type SourceDataset, type Subset } from './subset';
import { attachPredictions, subsetFor } from './predictions';
import { summarizeSubset } from './summary';
import type { Readers } from './readerPort';
import { countAll, type Counts } from './counts';

export type Progress = (phase: OpenPhase, file: string, done: number, total: number) => void;

export type Opened = {
  subsets: Subset[];
  /** Annotations per category and crowd, per subset (kept up to date by the engine). */
  counts: Counts[];
  pictures: VirtualFile[];
  summary: OpenSummary;
};

/** A failure the user is shown: the file, the place in it, what is wrong. */
export class OpenError extends Error {
  constructor(readonly detail: EngineError) {
    super(`${detail.file}${detail.place ? ` (${detail.place})` : ''}: ${detail.message}`);
  }
}

/** `readers`: a worker that reads big jsons' slices (and maybe later parts) meanwhile, or null. */
export async function openFiles(
  sources: readonly Source[],
  progress: Progress,
  readers: Readers | null = null,
): Promise<Opened> {
  progress('listing', sources[0]?.path ?? '', 0, sources.length);
  const listed = await listSources(sources);
  const summaryFiles: OpenSummary['files'] = listed.problems.map((p) => ({
    path: p.path,
    role: 'unreadable',
    note: p.message,
  }));
  const jsons = listed.files.filter((f) => isJson(f.path));
  const pictures = listed.files.filter((f) => isPicture(f.path));
  const parsed: SourceDataset[] = [];
  const failures: EngineError[] = [];
  for (const file of jsons) {
    const result = await parseFile(file, progress, readers);
    if ('error' in result) {
      failures.push(result.error);
      summaryFiles.push({ path: file.origin, role: 'unreadable', note: result.error.message });
    } else {
      parsed.push(result.source);
      summaryFiles.push({ path: file.origin, role: 'annotations' });
    }
  }
  if (parsed.length === 0) {
    const first =
      failures[0] ??
      listed.problems.map((p) => ({ file: p.path, place: '', message: p.message }))[0];
    throw new OpenError(
      first ?? {
        file: sources.length === 1 ? sources[0]!.path : `${sources.length} files`,
        place: '',
        message: noAnnotationsMessage(pictures.length),
        code: 'no-annotations',
      },
    );
  }
  progress('matching', '', 0, 1);
  const subsets = attachResults(groupIntoSubsets(parsed));
  const picturePaths = pictures.map((p) => p.path);
  const counts = subsets.map(countAll);
  const summaries = subsets.map((subset, i) =>
    summarizeSubset(subset, matchSubset(subset, pictures, picturePaths), counts[i]!),
  );
  return {
    subsets,
    counts,
    pictures,
    summary: { subsets: summaries, files: summaryFiles, pictureCount: pictures.length },
  };
}

function noAnnotationsMessage(pictureCount: number): string {
  return pictureCount > 0
    ? `no annotation file (.json) among these files, only ${pictureCount} pictures; open a dataset first, then add its pictures`
    : 'no annotation file (.json) or zip among these files';
}

export async function parseFile(
  file: VirtualFile,
  progress: Progress,
  readers: Readers | null = null,
): Promise<{ source: SourceDataset } | { error: EngineError }> {
  let input: unknown;
  let text: string | null = null;
  let stored: StoredSource | undefined;
  try {
    const onRead = (done: number, total: number) => progress('reading', file.path, done, total);
    if (file.size >= STORED_FROM_BYTES) {
      // Big files keep their bytes and only columns per annotation (coco/columnar).
      const blob = readers === null || file.inZip ? null : await file.blob();
      const read = await readStoredJson(file, onRead, {
        tail: blob === null ? null : (readers!.tail?.(blob) ?? null),
        readRange: blob === null ? null : readers!.ranges(blob),
      });
      if ('text' in read) input = text = read.text;
      else {
        input = read.root;
        stored = read.stored ?? undefined;
      }
    } else if (file.size > MAX_TEXT_LENGTH) input = await readBigJson(file, onRead);
    else input = text = await readText(file, onRead);
  } catch (error) {
    return {
      error: {
        file: file.origin,
        place: '',
        message:
          error instanceof BigJsonError
            ? `not valid JSON at line ${error.line}, column ${error.column}: ${error.message}`
            : error instanceof Error
              ? error.message
              : String(error),
      },
    };
  }
  progress('parsing', file.path, 0, 1);
  const result = parseCoco(input, {
    fileName: file.path,
    stored,
    onProgress: (done, total) => progress('indexing', file.path, done, total),
  });
  if (result.dataset === null) {
    const fatal = result.problems[0];
    return {
      error: {
        file: file.origin,
        place: fatal?.path ?? '',
        message: fatal?.message ?? 'not a COCO file',
      },
    };
  }
  return {
    source: {
      path: file.origin,
      file,
      original: result.dataset,
      // Only files with such ids pay for the search (a pass over the text).
      exactIntegers:
        text !== null && hasUnsafeIds(result.dataset) ? findExactIntegers(text) : new Map(),
      originals: originalsOf(result.dataset),
      dataset: result.dataset,
      problems: result.problems,
      problemCounts: result.problemCounts,
    },
  };
}

/**
 * Files from this size keep their annotations as columns and bytes (see coco/columnar);
 * smaller ones are parsed whole, whose JSON errors V8 describes best. From about 8 MB of
 * COCO-like json the stored table is the quicker (engine thread time in Chromium, medians:
 * 3.7 MB 43 ms parsed whole, 59 stored; 8 MB 81 and 80; val2017-scale, 23 MB, 191 and 139;
 * a dense 2.6 MB file of long polygons 35 and 54). The unit tests also run the engine's
 * with every file stored (vite.config.ts, project "stored").
 */
const STORED_FROM_BYTES = Number(import.meta.env?.VITE_STORED_FROM_BYTES ?? 16 << 20);

/**
 * Files of one subset name are shown together when their tasks differ (instances +
 * person_keypoints); a second file of the same task, or a results list, is its own subset.
 */
function groupIntoSubsets(sources: SourceDataset[]): Subset[] {
  const groups = new Map<string, SourceDataset[]>();
  for (const source of sources) {
    const layout = describeAnnotationFile(stripArchive(source.path));
    let name = source.dataset.kind === 'results' ? baseNameOf(source.path) : layout.subset;
    const group = groups.get(name);
    if (group?.some((other) => other.dataset.kind === source.dataset.kind))
      name = `${name} · ${baseNameOf(source.path)}`;
    groups.set(name, [...(groups.get(name) ?? []), source]);
  }
  return [...groups]
    .sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }))
    .map(([name, list]) => buildSubset(name, list));
}

/**
 * A results list opened with the ground truth it was made for is shown over it (as its
 * predictions) instead of as a subset of its own; one that names none of the images, or
 * opened alone, stays a subset.
 */
function attachResults(subsets: Subset[]): Subset[] {
  const kept: Subset[] = [];
  for (const subset of subsets) {
    const results = subset.sources.every((s) => s.dataset.kind === 'results');
    const source = subset.sources[0]!;
    const at = results ? subsetFor(subsets, source, -1) : null;
    const target = at === null ? undefined : subsets[at];
    if (target !== undefined && target.predictions === null)
      target.predictions = attachPredictions(target, source.path, source.dataset);
    else kept.push(subset);
  }
  return kept;
}

/** Problems listed per kind, at most (the counts cover all). */
const PICTURE_PROBLEMS_LISTED = 1000;

function matchSubset(
  subset: Subset,
  pictures: readonly VirtualFile[],
  picturePaths: readonly string[] = pictures.map((p) => p.path),
): {
  names: string[];
  found: number;
  unreadable: number;
  problems: ProblemInfo[];
  problemCounts: Partial<Record<PictureProblemCode, number>>;
} {
  const primary = subset.sources[0]!;
  const layout = describeAnnotationFile(stripArchive(primary.path));
  const match = matchPictures(
    subset.images.map((im) => im.fileName),
    picturePaths,
    pictureRoots(layout),
    layout.subset,
    PICTURE_PROBLEMS_LISTED,
  );
  subset.pictures.set(match.picture);
  const problems = match.ambiguous.map((a) => ambiguityProblem(subset, a));
  // Pictures found that their zip's directory already says cannot be read.
  let unreadable = 0;
  match.picture.forEach((at, i) => {
    const why = at >= 0 ? pictures[at]?.unreadable : null;
    if (why === null || why === undefined) return;
    if (unreadable++ < PICTURE_PROBLEMS_LISTED) {
      const image = subset.images[i]!;
      problems.push({
        ...imageProblem(subset, i),
        code: 'picture-unreadable',
        message: `${image.fileName}: its picture ${picturePaths[at]} cannot be read: ${why}`,
      });
    }
  });
  return {
    names: match.missing,
    found: match.found,
    unreadable,
    problems,
    problemCounts: {
      ...(match.ambiguousTotal > 0 ? { 'picture-ambiguous': match.ambiguousTotal } : {}),
      ...(unreadable > 0 ? { 'picture-unreadable': unreadable } : {}),
    },
  };
}

/** A picture problem of image `i`, linked to it, with the JSON path of its file_name. */
function imageProblem(subset: Subset, i: number): Omit<ProblemInfo, 'code' | 'message'> {
  const image = subset.images[i]!;
  // The image's place in the first file that holds it, for the JSON path.
  let file = subset.sources[0]!;
  let local: number | undefined;
  for (const source of subset.sources) {
    local = source.dataset.index.imageById.get(idKey(image.id));
    file = source;
    if (local !== undefined) break;
  }
  return {
    severity: 'warning',
    file: file.path,
    path: local === undefined ? 'file_name' : `images[${local}].file_name`,
    imageIndex: i,
    annotationId: null,
  };
}

/** `a.png: 2 pictures differ only in case: images/default/A.png, images/default/a.png; matched none`. */
function ambiguityProblem(subset: Subset, a: AmbiguousPicture): ProblemInfo {
  const how = a.differ === 'case' ? 'case' : 'Unicode normalization';
  return {
    ...imageProblem(subset, a.image),
    code: 'picture-ambiguous',
    message:
      `${a.fileName}: ${a.candidates.length} pictures differ only in ${how}: ` +
      `${a.candidates.join(', ')}; matched none (rename one of them, or the file_name)`,
  };
}

/** `data.zip: annotations/x.json` → `annotations/x.json`. */
function stripArchive(origin: string): string {
  const i = origin.indexOf(': ');
  return i < 0 ? origin : origin.slice(i + 2);
}

function baseNameOf(origin: string): string {
  const path = stripArchive(origin);
  return path.slice(path.lastIndexOf('/') + 1).replace(/\.json$/i, '');
}

export { matchSubset };
