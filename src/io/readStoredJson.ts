/**
 * Reads a COCO json keeping its bytes (in the slices they were read in) and parsing only
 * what lies outside its `annotations` list; that list's elements are located, not parsed.
 * coco's parser then reads them from the bytes run by run into a stored table (see
 * coco/columnar), so neither the file's whole text nor all its objects are ever held.
 */
import {
  DiskBytes,
  FileBytes,
  Prescan,
  type StoredBytes,
  type StoredSource,
  type TailScan,
  type TailScanner,
} from '../coco/columnar';
import { diskBytesOf } from './diskBytes';
import { JsonSplitter } from './jsonSplitter';
import { readSlices, SLICE_BYTES, type ReadRange } from './readSlices';
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
  options: {
    /** Another worker to read the second half meanwhile. */
    tail?: TailScanner | null;
    /** Where records are read back from (default: the file on disk, when it can be). */
    disk?: StoredBytes | null;
    /** Bytes read at once (tests make it small). */
    sliceBytes?: number;
    /** Another worker that reads the slices (see readSlices), when no `tail` reads. */
    readRange?: ReadRange | null;
  } = {},
): Promise<StoredJson> {
  const disk = options.disk !== undefined ? options.disk : await diskBytesOf(file);
  const split = new StoredSplit(file.size, disk);
  const tail = disk === null ? null : (options.tail ?? null);
  // The second half is read by another worker meanwhile, when one is given (see tailScan.ts).
  let ahead = tail === null ? null : new TailAhead(tail(Math.floor(file.size / 2)));
  let done = 0;
  const sliceBytes = options.sliceBytes ?? SLICE_BYTES;
  // The reader worker of `readRange` may be the one `tail` keeps busy: then read here.
  const readRange = ahead === null ? (options.readRange ?? null) : null;
  let slices = readSlices(file, sliceBytes, 0, readRange);
  for (let next = await slices.next(); !next.done; next = await slices.next()) {
    const chunk = next.value;
    if (done === 0 && isUtf16(chunk)) return { text: await readText(file, onProgress) };
    const comma = ahead?.comma ?? null;
    if (ahead !== null && comma !== null && comma >= done && comma < done + chunk.length) {
      const cut = comma + 1 - done;
      split.push(chunk.subarray(0, cut), done);
      const resume = split.endsBetweenElements(comma)
        ? split.adopt(comma, await ahead.result)
        : null;
      ahead = null;
      if (resume !== null) {
        await slices.return(undefined);
        slices = readSlices(file, sliceBytes, resume, readRange);
        done = resume;
        onProgress(done, file.size);
        continue;
      }
      split.push(chunk.subarray(cut), done + cut);
    } else split.push(chunk, done);
    done += chunk.length;
    onProgress(done, file.size);
    // Passed where the other worker started before it said where: it is not waited for.
    if (comma !== null && comma < done) ahead = null;
  }
  return split.finish();
}

/** The other worker's scan as it comes: where it starts, once it says. */
class TailAhead {
  comma: number | null = null;
  readonly result: Promise<TailScan | null>;
  constructor(asked: ReturnType<TailScanner>) {
    this.result = asked.result.catch(() => null);
    void asked.comma.then((comma) => (this.comma = comma));
  }
}

/**
 * Bytes kept on either side of where two slices meet: an element cut there is read again
 * once the file is read (parseStored), from these instead of from disk (train2017-scale:
 * ~30 reads, ~50 ms).
 */
const AROUND_BYTES = 64 << 10;

/** Fewer bytes per annotation than COCO files have (train2017: 527), so the prescan rarely grows. */
const BYTES_PER_ANNOTATION = 400;

/**
 * The splitter and the prescan of the annotations list, fed the file's slices in order.
 * The slices are kept only when the file cannot be read back (`disk` null).
 */
class StoredSplit {
  private readonly pieces: Uint8Array[] = [];
  /** The end of the last piece pushed (see keepAround). */
  private before: { bytes: Uint8Array; end: number } | null = null;
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

  /** `at`: where `piece` starts in the file. */
  push(piece: Uint8Array, at: number): void {
    if (this.disk === null) this.pieces.push(piece);
    else if (this.disk instanceof DiskBytes) this.keepAround(piece, at);
    this.splitter.push(piece);
  }

  /** The end of the piece before and the start of this one (see DiskBytes.keep). */
  private keepAround(piece: Uint8Array, at: number): void {
    if (this.before !== null && this.before.end === at) {
      const head = piece.subarray(0, AROUND_BYTES);
      const joined = new Uint8Array(this.before.bytes.length + head.length);
      joined.set(this.before.bytes);
      joined.set(head, this.before.bytes.length);
      (this.disk as DiskBytes).keep(at - this.before.bytes.length, joined);
    }
    const from = Math.max(0, piece.length - AROUND_BYTES);
    this.before = { bytes: piece.slice(from), end: at + piece.length };
  }

  finish(): { root: unknown; stored: StoredSource | null } {
    const root = this.splitter.finish();
    const spans = this.splitter.spansOf('annotations');
    if (spans === null) return { root, stored: null };
    return { root, stored: { bytes: this.bytes(), spans, prescan: this.prescan } };
  }

  /** See JsonSplitter.endsBetweenElements. */
  endsBetweenElements(comma: number): boolean {
    return this.splitter.endsBetweenElements(comma);
  }

  /**
   * Takes the other worker's elements that follow `comma`: where to read on, or null. (Only
   * when the bytes are read back from disk: kept pieces must hold every byte.)
   */
  adopt(comma: number, tail: TailScan | null): number | null {
    if (this.disk === null || tail === null || tail.comma !== comma || tail.spans.length === 0)
      return null;
    const { first, resume } = this.splitter.adoptElements(tail.spans);
    this.prescan.adopt(tail.columns, first);
    return resume;
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
  let at = 0;
  for (const piece of pieces) {
    split.push(piece, at);
    at += piece.length;
  }
  return split.finish();
}
