/**
 * The data engine: owns the opened subsets and the opened files, answers the page's
 * requests. It lives in a worker (engine.worker.ts) so parsing and indexing never block
 * the page, and so a parsed dataset is never cloned across threads.
 */
import { listSources, type Source, type VirtualFile } from '../io/virtualFiles';
import { isPicture } from '../io/layout';
import { buildImageView, problemsOfImage, type ImageViewParts } from './imageView';
import { matchSubset, openFiles, type Progress } from './openFiles';
import type { Readers } from './readerPort';
import { exportJson, exportZip, jsonName, type ExportProgress } from './exportFiles';
import { clearExports } from './exportSink';
import { checkSubset, subsetStats } from './checks';
import { addPredictionFiles, evaluateSubset, rematchSubset } from './predictionRequests';
import { summarizePredictions } from './predictions';
import { preflight, type DatasetStats, type ExportSettings, type IouType } from '../coco';
import { filterImages } from './filterImages';
import { findSegmentMap, segmentMasks, type RgbaImage } from './panoptic';
import { MAX_IMAGE_MASK_PIXELS } from './maskPixels';
import { SentMasks } from './sentMasks';
import {
  categoryInfos,
  changesCategories,
  countPatch,
  touchedImages,
  updateCategoryCounts,
  type Counts,
} from './counts';
import { applySubsetPatch, insertedKeys, planEdit } from './edits';
import { appliedMaskPixels, previewMaskCommand } from './maskEdits';
import {
  ImageFlag,
  withFindingFlags,
  type Checked,
  type EditCommand,
  type MaskCommand,
  type ShownAt,
  type Edited,
  type ExportedFile,
  type ExportRequest,
  type ImageFilter,
  type OpenSummary,
  type PreflightInfo,
  type ProblemInfo,
  type SubsetDelta,
  type SubsetPatch,
  type Walked,
  type WalkKind,
  type WalkStop,
} from './protocol';
import { annotationsOfImage, isEdited, originalAnnotationCount, type Subset } from './subset';
import { summarizeSubset } from './summary';
import { slicePauser } from './slices';
import { zipSubsetName } from './zipSubsetName';
import { readPicture } from './readPicture';
import { problemKeysOf, stepWalk, walkStops } from './walk';

/** The user's colours, by category id (as a string): the others follow the palette. */
type CustomColors = Record<string, string>;

export class Engine {
  private subsets: Subset[] = [];
  private counts: Counts[] = [];
  /** The view keys the last checks of each subset found something on. */
  private findingKeys: Set<number>[] = [];
  private pictures: VirtualFile[] = [];
  private summary: OpenSummary | null = null;
  /** The masks sent to the page as bitmaps, which it may still hold (sentMasks.ts). */
  private readonly sentMasks = new SentMasks();

  /** `readers`: the reader worker for big jsons (see openFiles). */
  async open(
    files: readonly Source[],
    progress: Progress,
    readers: Readers | null = null,
  ): Promise<OpenSummary> {
    const opened = await openFiles(files, progress, readers);
    this.subsets = opened.subsets;
    this.pictures = opened.pictures;
    this.summary = opened.summary;
    this.counts = opened.counts;
    return opened.summary;
  }

  /** Pictures added to the open dataset (a folder or images zip given after the json). */
  async addPictures(files: readonly Source[]): Promise<OpenSummary> {
    const listed = await listSources(files);
    this.pictures = [...this.pictures, ...listed.files.filter((f) => isPicture(f.path))];
    const paths = this.pictures.map((p) => p.path);
    const subsets = this.subsets.map((subset, i) =>
      summarizeSubset(subset, matchSubset(subset, this.pictures, paths), this.counts[i]!),
    );
    const previous = this.summary?.files ?? [];
    this.summary = {
      subsets,
      files: [
        ...previous,
        ...listed.problems.map((p) => ({
          path: p.path,
          role: 'unreadable' as const,
          note: p.message,
        })),
      ],
      pictureCount: this.pictures.length,
    };
    return this.summary;
  }

  /**
   * The image's annotations with their masks' pixels. `decodePng` turns a segment map
   * into RGBA (the worker shell gives it; it needs browser APIs). `held`: the tokens of
   * the masks the page holds as bitmaps, which are not made again.
   */
  async imageView(
    subset: number,
    imageIndex: number,
    customColors: CustomColors,
    decodePng: (blob: Blob) => Promise<RgbaImage>,
    held: ReadonlySet<string> = new Set(),
  ): Promise<ImageViewParts & { problems: ProblemInfo[] }> {
    const s = this.subsets[subset];
    if (s === undefined)
      return {
        annotations: [],
        masks: new Map(),
        maskTokens: new Map(),
        segments: null,
        predictions: [],
        predictionMasks: new Map(),
        problems: [],
        undrawnMasks: 0,
      };
    const problems = problemsOfImage(this.summary?.subsets[subset]?.problems ?? [], imageIndex);
    const parts = buildImageView(s, imageIndex, customColors, this.sentMasks, held);
    if (parts.undrawnMasks > 0)
      problems.push({
        code: 'too-large',
        severity: 'warning',
        file: s.sources[0]?.path ?? '',
        path: '',
        message: `${parts.undrawnMasks} of this image's masks are not drawn: its masks together would take more than ${MAX_IMAGE_MASK_PIXELS / (1024 * 1024)} million pixels (they are kept and exported as they are)`,
        imageIndex,
        annotationId: null,
      });
    if (parts.segments !== null) {
      const at = findSegmentMap(
        this.pictures.map((p) => p.path),
        parts.segments.pngFileName,
      );
      const file = this.pictures[at];
      // An unreadable segment map costs its segments' masks, not the image's annotations.
      const map = file === undefined ? null : await decodePng(await file.blob()).catch(() => null);
      if (map !== null) {
        for (const [key, pixels] of segmentMasks(map, parts.segments.wanted))
          parts.masks.set(key, pixels);
      }
    }
    return { ...parts, problems };
  }

  /** Plans and applies an edit; returns what it did (for undo) and what changed. */
  edit(subset: number, command: EditCommand): Edited {
    const s = this.requireEditable(subset);
    const patch = planEdit(s, command);
    return { patch, delta: this.apply(subset, s, patch), inserted: insertedKeys(s, patch) };
  }

  /**
   * What a mask command would do, without doing it (the pixels come for the canvas, made
   * for it as `shown` draws the image; null: at whole resolution).
   */
  previewEdit(subset: number, command: MaskCommand, shown: ShownAt | null = null) {
    return previewMaskCommand(this.requireEditable(subset), command, shown);
  }

  /** The mask an Apply of `command` will draw, made ahead (maskEdits.ts); null: none. */
  appliedMask(subset: number, command: MaskCommand, colors: CustomColors, shown: ShownAt | null) {
    return appliedMaskPixels(this.requireEditable(subset), command, colors, this.sentMasks, shown);
  }

  /** Every pixel of a mask sent to the page under `token` (sentMasks.ts); null: forgotten. */
  wholeMask(token: string) {
    return this.sentMasks.pixelsOf(token);
  }

  /**
   * Applies patches the page kept (undo, redo, restore), in order. The answer's `patch` is
   * empty: the page holds the patches it sent, and copying a run of 10,000 back to it took
   * longer than applying them.
   */
  applyPatches(subset: number, patches: readonly SubsetPatch[]): Edited {
    const s = this.requireEditable(subset);
    const all = patches.flat();
    return { patch: [], delta: this.apply(subset, s, all), inserted: insertedKeys(s, all) };
  }

  private requireEditable(subset: number): Subset {
    const s = this.subsets[subset];
    if (s === undefined) throw new Error('no dataset is open');
    if (s.sources.some((src) => src.dataset.kind === 'panoptic')) {
      throw new Error('panoptic segments live in PNG maps; cocoscope cannot edit them yet');
    }
    return s;
  }

  private apply(index: number, subset: Subset, patch: SubsetPatch): SubsetDelta {
    applySubsetPatch(subset, patch);
    const counts = this.counts[index]!;
    const touched = countPatch(counts, patch);
    const table = this.summary!.subsets[index]!.images;
    const images = [...touchedImages(subset, patch)].map((i) => {
      const anns = annotationsOfImage(subset, i).map(([s, at]) => ({
        source: subset.sources[s]!,
        record: subset.sources[s]!.dataset.annotations.at(at)!,
      }));
      let flags =
        table.flags[i]! & (ImageFlag.hasFile | ImageFlag.hasProblems | ImageFlag.hasFindings);
      if (anns.some((a) => a.record.iscrowd)) flags |= ImageFlag.hasCrowd;
      // Edited: an annotation changed or added, or one deleted (fewer than the files held).
      if (
        anns.some((a) => isEdited(a.source, a.record)) ||
        anns.length !== originalAnnotationCount(subset, i)
      )
        flags |= ImageFlag.edited;
      table.annotationCounts[i] = anns.length;
      table.flags[i] = flags;
      return { index: i, annotationCount: anns.length, flags };
    });
    const summary = this.summary!.subsets[index]!;
    summary.annotationCount = counts.annotations;
    summary.crowdCount = counts.crowd;
    const tableChanged = changesCategories(patch);
    if (tableChanged) summary.categories = categoryInfos(subset, counts);
    const categoryCounts = tableChanged
      ? []
      : updateCategoryCounts(subset, counts, summary.categories, touched);
    this.refreshPredictions(index);
    return {
      subset: index,
      annotationCount: counts.annotations,
      crowdCount: counts.crowd,
      categories: tableChanged ? summary.categories : null,
      categoryCounts,
      images,
      predictions: summary.predictions,
    };
  }

  private exportCancelled = false;

  /** The subset's annotation files (json), or every subset with pictures (zip). */
  async export(
    format: 'json' | 'zip',
    subset: number,
    settings: ExportRequest,
    progress: ExportProgress,
  ): Promise<ExportedFile[]> {
    this.exportCancelled = false;
    const cancelled = () => this.exportCancelled;
    await clearExports();
    if (format === 'json') {
      const s = this.subsets[subset];
      if (s === undefined) throw new Error('no dataset is open');
      if (s.sources.length === 1) return exportJson(s, settings, progress, cancelled);
      // Several files of one subset (instances, person_keypoints, …): one download, a zip
      // of them in CVAT's layout, which every reader opens as the same subset.
      const json = { ...settings, includeImages: false };
      const blob = await exportZip([s], [], json, progress, cancelled);
      return [{ name: `annotations_${zipSubsetName(s.name)}.zip`, blob }];
    }
    const notes: string[] = [];
    const blob = await exportZip(this.subsets, this.pictures, settings, progress, cancelled, notes);
    const name = this.subsets.length === 1 ? `${this.subsets[0]!.name}.zip` : 'dataset.zip';
    return [{ name: `coco_${name}`, blob, notes }];
  }

  /**
   * The deeper checks of a subset; other requests are answered while they run. The images
   * with findings are flagged in the image table (what the "problems" filter looks at).
   */
  async check(subset: number, progress: (done: number, total: number) => void): Promise<Checked> {
    const s = this.subsets[subset];
    if (s === undefined) throw new Error('no dataset is open');
    const result = await checkSubset(s, progress, slicePauser());
    this.findingKeys[subset] = new Set(
      result.findings.flatMap((f) => (f.key === null ? [] : [f.key])),
    );
    const table = this.summary?.subsets[subset]?.images;
    if (this.subsets[subset] === s && table !== undefined)
      table.flags = withFindingFlags(table.flags, result.flagged);
    return result;
  }

  /** N / Shift+N: the next (or previous) annotation of `kind` after `from`, across images. */
  walk(subset: number, kind: WalkKind, from: WalkStop, step: 1 | -1): Walked {
    const s = this.subsets[subset];
    if (s === undefined) return { stop: null, position: 0, total: 0 };
    const problems =
      kind === 'problem'
        ? problemKeysOf(
            s,
            this.summary?.subsets[subset]?.problems ?? [],
            this.findingKeys[subset] ?? new Set(),
          )
        : new Set<number>();
    return stepWalk(walkStops(s, kind, problems), from, step);
  }

  stats(subset: number): DatasetStats {
    const s = this.subsets[subset];
    if (s === undefined) throw new Error('no dataset is open');
    return subsetStats(s);
  }

  /** What CVAT, Datumaro and pycocotools would refuse or change in the subset's export. */
  preflight(subset: number, settings: ExportSettings): PreflightInfo[] {
    const s = this.subsets[subset];
    if (s === undefined) return [];
    return s.sources.flatMap((source) =>
      preflight(source.dataset, settings).map((f) => ({ ...f, file: jsonName(source, s.name) })),
    );
  }

  cancelExport(): void {
    this.exportCancelled = true;
  }

  /** Results lists given while a dataset is open: each shown over the subset it was made for. */
  async addPredictions(
    preferred: number,
    files: readonly Source[],
    progress: Progress,
  ): Promise<{ summary: OpenSummary; subset: number }> {
    const attached = await addPredictionFiles(this.subsets, preferred, files, progress);
    for (const at of new Set(attached)) this.refreshPredictions(at);
    return { summary: this.summary!, subset: attached.at(-1)! };
  }

  /** Evaluates in slices: other requests are answered meanwhile. */
  async evaluate(
    subset: number,
    iouType: IouType,
    progress: (done: number, total: number) => void,
  ) {
    const s = this.requireSubset(subset);
    const result = await evaluateSubset(s, iouType, progress);
    if (this.subsets[subset] !== s) throw new Error('another dataset was opened meanwhile');
    this.refreshPredictions(subset);
    return result;
  }

  matchThreshold(subset: number, threshold: number) {
    const result = rematchSubset(this.requireSubset(subset), threshold);
    this.refreshPredictions(subset);
    return result;
  }

  private refreshPredictions(index: number): void {
    const subset = this.subsets[index]!;
    const summary = this.summary!.subsets[index]!;
    summary.predictions =
      subset.predictions === null ? null : summarizePredictions(subset, subset.predictions);
  }

  private requireSubset(subset: number): Subset {
    const s = this.subsets[subset];
    if (s === undefined) throw new Error('no dataset is open');
    return s;
  }

  filterImages(subset: number, filter: ImageFilter): Int32Array {
    const s = this.subsets[subset];
    const table = this.summary?.subsets[subset]?.images;
    return s === undefined || table === undefined
      ? new Int32Array(0)
      : filterImages(s, table, filter);
  }

  /** The image's picture, or null when none was found or it cannot be read. */
  async picture(subset: number, imageIndex: number): Promise<Blob | null> {
    return (await this.pictureOf(subset, imageIndex)).picture;
  }

  /**
   * The image's picture, or why it cannot be read (an LZMA zip entry, a damaged one): an
   * unreadable picture is that picture's problem, never its image's annotations'.
   */
  async pictureOf(
    subset: number,
    imageIndex: number,
  ): Promise<{ picture: Blob | null; error: string | null }> {
    const at = this.subsets[subset]?.pictures[imageIndex] ?? -1;
    const file = at >= 0 ? this.pictures[at] : undefined;
    return file === undefined ? { picture: null, error: null } : readPicture(file);
  }
}
