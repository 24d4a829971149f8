/**
 * Reads a COCO json keeping its bytes (in the slices they were read in) and parsing only
 * what lies outside its `annotations` list; that list's elements are located, not parsed.
 * coco's parser then reads them from the bytes run by run into a stored table (see
 * coco/columnar), so neither the file's whole text nor all its objects are ever held.
 */
import { FileBytes, Prescan, type StoredBytes, type StoredSource } from '../coco/columnar';
import { diskBytesOf } from './diskBytes';
import { JsonSplitter } from './jsonSplitter';
import { readSlices } from './readSlices';
import { readText } from './readText';
import type { VirtualFile } from './virtualFiles';

/**
 * The top level (its `annotations` list empty) and, when it has that list, where its
 * elements are; or, for a UTF-16 file (some Windows tools write them), its text.
 */
export type StoredJson = { root: unknown; stored: StoredSource | null } | { text: string };

export async function readStoredJson(
  file: VirtualFile,
  onProgress: (done: number, total: number) => void = () => {},
): Promise<StoredJson> {
  const split = new StoredSplit(file.size, await diskBytesOf(file));
  let done = 0;
  for await (const chunk of readSlices(file)) {
    if (done === 0 && isUtf16(chunk)) return { text: await readText(file, onProgress) };
    split.push(chunk);
    done += chunk.length;
    onProgress(done, file.size);
  }
  return split.finish();
}

/** Fewer bytes per annotation than COCO files have (train2017: 527), so the prescan rarely grows. */
const BYTES_PER_ANNOTATION = 400;

/**
 * The splitter and the prescan of the annotations list, fed the file's slices in order.
 * The slices are kept only when the file cannot be read back (`disk` null).
 */
class StoredSplit {
  private readonly pieces: Uint8Array[] = [];
  private readonly prescan: Prescan;
  private readonly splitter: JsonSplitter;

  /** `size`: the file's, to size the prescan (an annotation takes a few hundred bytes). */
  constructor(
    size = 0,
    private readonly disk: StoredBytes | null = null,
  ) {
    this.prescan = new Prescan(size / BYTES_PER_ANNOTATION);
    this.splitter = new JsonSplitter(undefined, new Set(['annotations']), this.prescan, (offset) =>
      this.bytes().lineAndColumn(offset),
    );
  }

  push(piece: Uint8Array): void {
    if (this.disk === null) this.pieces.push(piece);
    this.splitter.push(piece);
  }

  finish(): { root: unknown; stored: StoredSource | null } {
    const root = this.splitter.finish();
    const spans = this.splitter.spansOf('annotations');
    if (spans === null) return { root, stored: null };
    return { root, stored: { bytes: this.bytes(), spans, prescan: this.prescan } };
  }

  private bytes(): StoredBytes {
    return this.disk ?? new FileBytes(this.pieces);
  }
}

function isUtf16(bytes: Uint8Array): boolean {
  return (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
}

/** The same, for UTF-8 bytes already in memory (read back from `disk` when given). */
export function splitStoredJson(
  pieces: readonly Uint8Array[],
  disk: StoredBytes | null = null,
): {
  root: unknown;
  stored: StoredSource | null;
} {
  const split = new StoredSplit(0, disk);
  for (const piece of pieces) split.push(piece);
  return split.finish();
}
