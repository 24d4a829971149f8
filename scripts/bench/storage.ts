/**
 * Bytes per annotation, before and after the columnar store (issue 18): the same file
 * parsed into the object model (every record a parsed object) and into a stored table
 * (columns + the file's bytes, src/coco/columnar), in Node (the same V8 as the worker).
 * Heap and array buffers are read after a full GC, with only the dataset alive.
 */
import { readFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parseCoco, type Dataset } from '../../src/coco';
import { splitStoredJson } from '../../src/io/readStoredJson';
import { fmt, verdict, type Row } from './stats';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/**
 * The heap and array buffers in use after full collections: repeated until the figure no
 * longer falls (a buffer freed by one collection may be counted until a later one; one
 * collection alone once gave the stored table fewer bytes than nothing).
 */
function used(): number {
  const read = () => {
    gc();
    const m = process.memoryUsage();
    return m.heapUsed + m.arrayBuffers;
  };
  let last = read();
  for (let i = 0; i < 8; i++) {
    const now = read();
    if (now >= last) return now;
    last = now;
  }
  return last;
}

/** Memory the dataset `make` returns keeps, in bytes (what it used on the way is freed). */
function kept(make: () => Dataset): { bytes: number; dataset: Dataset } {
  const before = used();
  const dataset = make();
  return { bytes: used() - before, dataset };
}

export function storageRows(path: string, scale: string): Row[] {
  const buffer = readFileSync(path);
  const object = kept(() => parseCoco(buffer.toString('utf8')).dataset!);
  const n = object.dataset.annotations.length;
  const objectBytes = object.bytes;
  object.dataset = null as unknown as Dataset;
  const stored = kept(() => {
    const pieces: Uint8Array[] = [];
    for (let at = 0; at < buffer.length; at += 16 << 20)
      pieces.push(new Uint8Array(buffer.subarray(at, at + (16 << 20))));
    const split = splitStoredJson(pieces);
    return parseCoco(split.root, { stored: split.stored ?? undefined }).dataset!;
  });
  const perObject = objectBytes / n;
  const perStored = stored.bytes / n;
  const fileShare = buffer.length / n;
  return [
    {
      work: `bytes per annotation, ${scale} (${n.toLocaleString('en-US')} annotations, ${fmt.mb(buffer.length)}): object model → stored table (columns + the file's bytes)`,
      measured: `${perObject.toFixed(0)} B → ${perStored.toFixed(0)} B (of which the file's own bytes ${fileShare.toFixed(0)} B, columns and index ${(perStored - fileShare).toFixed(0)} B)`,
      reference: 'issue 18: before and after',
      // The table keeps the file's bytes: less than them is a measuring error, not a win.
      verdict: verdict(perStored < perObject && perStored >= fileShare),
    },
  ];
}
