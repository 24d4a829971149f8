/**
 * Export in the data engine: the current subset's annotation files as json, or every
 * subset in a CVAT COCO 1.1 zip (`annotations/<task>_<subset>.json`, pictures stored byte
 * for byte under `images/<subset>/`). Output streams to a sink (exportSink.ts: a file on
 * disk in the browser), so neither a train2017-scale json nor a zip of thousands of
 * pictures is ever held in memory; pictures are read one at a time.
 */
import { Zip, ZipDeflate } from 'fflate';
import {
  changesNothing,
  exportCocoChunks,
  planExport,
  planSplice,
  SpliceMismatch,
  type ExportSettings,
} from '../coco';
import { SLICE_BYTES } from '../io/readSlices';
import type { VirtualFile } from '../io/virtualFiles';
import { safeEntryPath, safeEntryPaths } from '../io/zip/safeEntryPath';
import { copyPicture } from './copyPicture';
import type { ExportedFile, ExportRequest } from './protocol';
import { ensureSpace, openSink } from './exportSink';
import { spliceFile, splicedWriteBytes } from './exportSplice';
import { findSegmentMap } from './panoptic';
import type { SourceDataset, Subset } from './subset';
import { annotationsOfImage, isEdited } from './subset';
import { zipSubsetName } from './zipSubsetName';

export type ExportProgress = (
  phase: 'writing' | 'pictures',
  file: string,
  done: number,
  total: number,
) => void;

/** Thrown when the user cancels an export in progress. */
export class ExportCancelled extends Error {}

/** `instances_val2017.json`: the task the file's kind names, and the subset. */
export function jsonName(source: SourceDataset, subset: string): string {
  const kind = source.dataset.kind;
  const safe = zipSubsetName(subset);
  return kind === 'results' ? `${safe}.json` : `${kind}_${safe}.json`;
}

/** Lets messages (a cancel) in between chunks of work. */
function breathe(cancelled: () => boolean): Promise<void> {
  return new Promise((resolve, reject) =>
    setTimeout(
      () => (cancelled() ? reject(new ExportCancelled('export cancelled')) : resolve()),
      0,
    ),
  );
}

/**
 * The export of one annotation file. Faithful when it can be: the file's own bytes, with
 * only the records that changed rewritten (coco/faithful). Written anew from the records
 * when there is no file to copy from (one cocoscope made), when the user asked for a new
 * layout (indented), or when the bytes are not what was opened (a UTF-16 file).
 * `checkSpace`: whether to ask for the browser's storage first, once it is known that
 * something is written (a zip's export asked for the whole zip already).
 */
async function writeJson(
  source: SourceDataset,
  settings: ExportSettings,
  name: string,
  cancelled: () => boolean,
  checkSpace: boolean,
): Promise<Blob> {
  const options = planExport(source.dataset, settings, (a) => isEdited(source, a));
  const file = source.file;
  const plan =
    file !== null && settings.indent === 0
      ? planSplice(source.original, source.dataset, options, source.exactIntegers)
      : null;
  // Nothing to change: the export is the file itself, no copy made, no storage needed.
  if (file !== null && plan !== null && changesNothing(plan))
    return (await file.blob()).slice(0, file.size, 'application/json');
  // What is written: a faithful export of a big file refers to most of it instead.
  const writes = file === null ? 0 : plan === null ? file.size : splicedWriteBytes(file, plan);
  if (checkSpace) await ensureSpace(writes, 'the export');
  if (file !== null && plan !== null) {
    const sink = await openSink(name);
    try {
      return await spliceFile(file, plan, sink, () => breathe(cancelled), 'application/json');
    } catch (error) {
      await sink.finish('');
      if (!(error instanceof SpliceMismatch)) throw error;
    }
  }
  const sink = await openSink(name);
  let n = 0;
  for (const chunk of exportCocoChunks(source.dataset, options)) {
    sink.write(chunk);
    if (++n % 50 === 0) await breathe(cancelled);
  }
  return sink.finish('application/json');
}

/** Each annotation file of the subset, as json. */
export async function exportJson(
  subset: Subset,
  settings: ExportSettings,
  progress: ExportProgress,
  cancelled: () => boolean,
): Promise<ExportedFile[]> {
  const out: ExportedFile[] = [];
  for (const source of subset.sources) {
    const name = jsonName(source, subset.name);
    progress('writing', name, out.length, subset.sources.length);
    out.push({ name, blob: await writeJson(source, settings, name, cancelled, true) });
  }
  return out;
}

/**
 * Every subset, CVAT COCO 1.1 layout; pictures (and panoptic maps) copied stored, not
 * recompressed, each under a safe entry path derived from its `file_name` (the json keeps
 * the name). A picture that cannot be read is noted in `notes`, not a failure of the export.
 */
export async function exportZip(
  subsets: readonly Subset[],
  pictures: readonly VirtualFile[],
  settings: ExportRequest,
  progress: ExportProgress,
  cancelled: () => boolean,
  notes: string[] = [],
): Promise<Blob> {
  // The zip, and each json written whole before it goes in (see below).
  const jsonBytes = subsets.reduce(
    (n, s) => n + s.sources.reduce((m, source) => m + (source.file?.size ?? 0), 0),
    0,
  );
  const pictureBytes = settings.includeImages ? pictures.reduce((n, p) => n + p.size, 0) : 0;
  await ensureSpace(2 * jsonBytes + pictureBytes, 'the zip');
  const sink = await openSink('export.zip');
  let failure: unknown = null;
  const zip = new Zip((error, data) => {
    if (error) failure = error;
    else if (failure === null) {
      try {
        sink.write(data);
      } catch (writeError) {
        failure = writeError;
      }
    }
  });
  const check = () => {
    if (failure !== null) throw failure;
  };
  const written = new Set<string>();
  const copy = async (path: string, file: VirtualFile) => {
    if (written.has(path)) return;
    written.add(path);
    const note = await copyPicture(zip, path, file);
    if (note !== null) notes.push(note);
    check();
  };
  for (const subset of subsets) {
    for (const source of subset.sources) {
      const name = `annotations/${jsonName(source, subset.name)}`;
      progress('writing', name, 0, 1);
      // Written whole first (to disk): a faithful export that finds the file changed
      // starts again from the records, which a zip entry already begun could not.
      const json = await writeJson(source, settings, name.replace('/', '-'), cancelled, false);
      const entry = new ZipDeflate(name, { level: 6 });
      zip.add(entry);
      for (let at = 0; at < json.size; at += SLICE_BYTES) {
        entry.push(new Uint8Array(await json.slice(at, at + SLICE_BYTES).arrayBuffer()));
        await breathe(cancelled);
      }
      entry.push(new Uint8Array(0), true);
      check();
      if (source.dataset.panoptic !== null && settings.includeImages) {
        const paths = pictures.map((p) => p.path);
        for (const e of source.dataset.panoptic) {
          const at = findSegmentMap(paths, e.pngFileName);
          if (at >= 0)
            await copy(
              `annotations/panoptic_${zipSubsetName(subset.name)}/${safeEntryPath(e.pngFileName)}`,
              pictures[at]!,
            );
        }
      }
    }
    if (!settings.includeImages) continue;
    const total = subset.images.length;
    // Entry paths from the names the exported json holds, as a reader of it derives them.
    const kept = subset.images.flatMap((_, i) =>
      settings.onlyAnnotatedImages && annotationsOfImage(subset, i).length === 0 ? [] : [i],
    );
    const folder = `images/${zipSubsetName(subset.name)}`;
    const entryPaths = safeEntryPaths(kept.map((i) => subset.images[i]!.fileName));
    for (let k = 0; k < kept.length; k++) {
      const i = kept[k]!;
      const at = subset.pictures[i]!;
      const file = at >= 0 ? pictures[at] : undefined;
      if (file !== undefined) await copy(`${folder}/${entryPaths[k]!}`, file);
      if (k % 20 === 0) {
        progress('pictures', subset.name, i, total);
        await breathe(cancelled);
      }
    }
  }
  zip.end();
  check();
  return sink.finish('application/zip');
}
