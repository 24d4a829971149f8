/**
 * Export in the data engine: the current subset's annotation files as json, or every
 * subset in a CVAT COCO 1.1 zip (`annotations/<task>_<subset>.json`, pictures stored byte
 * for byte under `images/<subset>/`). Output streams to a sink (exportSink.ts: a file on
 * disk in the browser), so neither a train2017-scale json nor a zip of thousands of
 * pictures is ever held in memory; pictures are read one at a time.
 */
import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import { exportCocoChunks, planExport, type ExportSettings } from '../coco';
import type { VirtualFile } from '../io/virtualFiles';
import type { ExportRequest } from './protocol';
import { openSink } from './exportSink';
import { findSegmentMap } from './panoptic';
import type { SourceDataset, Subset } from './subset';
import { annotationsOfImage, isEdited } from './subset';
import { zipSubsetName } from './zipSubsetName';

export type ExportedFile = { name: string; blob: Blob };
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

async function* jsonChunks(
  source: SourceDataset,
  settings: ExportSettings,
  cancelled: () => boolean,
): AsyncGenerator<string> {
  const options = planExport(source.dataset, settings, (a) => isEdited(source, a));
  let n = 0;
  for (const chunk of exportCocoChunks(source.dataset, options)) {
    yield chunk;
    if (++n % 50 === 0) await breathe(cancelled);
  }
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
    const sink = await openSink(name);
    for await (const chunk of jsonChunks(source, settings, cancelled)) sink.write(chunk);
    out.push({ name, blob: await sink.finish('application/json') });
  }
  return out;
}

/** Every subset, CVAT COCO 1.1 layout; pictures (and panoptic maps) copied stored, not recompressed. */
export async function exportZip(
  subsets: readonly Subset[],
  pictures: readonly VirtualFile[],
  settings: ExportRequest,
  progress: ExportProgress,
  cancelled: () => boolean,
): Promise<Blob> {
  const sink = await openSink('export.zip');
  let failure: Error | null = null;
  const zip = new Zip((error, data) => {
    if (error) failure = error;
    else sink.write(data);
  });
  const encoder = new TextEncoder();
  const written = new Set<string>();
  const copy = async (path: string, file: VirtualFile) => {
    if (written.has(path)) return;
    written.add(path);
    const entry = new ZipPassThrough(path);
    zip.add(entry);
    entry.push(await file.bytes(), true);
  };
  for (const subset of subsets) {
    for (const source of subset.sources) {
      const name = `annotations/${jsonName(source, subset.name)}`;
      progress('writing', name, 0, 1);
      const entry = new ZipDeflate(name, { level: 6 });
      zip.add(entry);
      for await (const chunk of jsonChunks(source, settings, cancelled))
        entry.push(encoder.encode(chunk));
      entry.push(new Uint8Array(0), true);
      if (source.dataset.panoptic !== null && settings.includeImages) {
        const paths = pictures.map((p) => p.path);
        for (const e of source.dataset.panoptic) {
          const at = findSegmentMap(paths, e.pngFileName);
          if (at >= 0)
            await copy(
              `annotations/panoptic_${zipSubsetName(subset.name)}/${e.pngFileName}`,
              pictures[at]!,
            );
        }
      }
    }
    if (!settings.includeImages) continue;
    const total = subset.images.length;
    for (let i = 0; i < total; i++) {
      const at = subset.pictures[i]!;
      const file = at >= 0 ? pictures[at] : undefined;
      const skip = settings.onlyAnnotatedImages && annotationsOfImage(subset, i).length === 0;
      if (file !== undefined && !skip)
        await copy(`images/${zipSubsetName(subset.name)}/${subset.images[i]!.fileName}`, file);
      if (i % 20 === 0) {
        progress('pictures', subset.name, i, total);
        await breathe(cancelled);
      }
    }
  }
  zip.end();
  if (failure !== null) throw failure;
  return sink.finish('application/zip');
}
