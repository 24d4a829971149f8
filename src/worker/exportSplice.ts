/**
 * A faithful export's bytes (coco/faithful): the opened file read and spliced as the plan
 * says. The long runs of kept records between edits, which the splicer passes over unread
 * (see coco/faithful/unreadRuns.ts), are not read from disk either: the export refers to
 * them in the opened file. The result is a Blob made of slices of what was written (to
 * disk, see exportSink.ts) and of the opened file, so a train2017-scale export after a
 * few edits reads and writes a few tens of MB instead of 450, and holds none of it.
 */
import { concat, JsonSplicer, SpliceMismatch, type SplicePlan } from '../coco';
import { readExcept } from '../io/readSlices';
import type { VirtualFile } from '../io/virtualFiles';
import type { ExportSink } from './exportSink';

/** Unread runs shorter than this are read and copied: each reference is a part of the Blob. */
const REFER_FROM = 1 << 20;

/**
 * The byte ranges `[from, to)` of `file` the export refers to instead of reading them. (A
 * zip's entry is inflated in memory anyway: its bytes are given whole.)
 */
function referred(file: VirtualFile, plan: SplicePlan): (readonly [number, number])[] {
  if (file.inZip) return [];
  return (plan.collections.annotations?.unread ?? [])
    .filter((run) => run.to - run.from >= REFER_FROM)
    .map((run) => [run.from + 1, run.to] as const);
}

/** About how many bytes the export of `file` spliced as `plan` says writes (what it does not refer to). */
export function splicedWriteBytes(file: VirtualFile, plan: SplicePlan): number {
  return referred(file, plan).reduce((n, [from, to]) => n - (to - from), file.size);
}

/** The export of `file` spliced as `plan` says, written to `sink` but for the parts it refers to. */
export async function spliceFile(
  file: VirtualFile,
  plan: SplicePlan,
  sink: ExportSink,
  breathe: () => Promise<void>,
  type: string,
): Promise<Blob> {
  const source = file.inZip ? null : await file.blob();
  const skipped = referred(file, plan);
  const out = new SplicedOutput(sink, source);
  const splicer = new JsonSplicer(plan, (part) => out.write(part));
  let done = 0;
  for await (const { at, bytes } of readExcept(file, skipped)) {
    if (at === 0 && isUtf16(bytes)) throw new SpliceMismatch('a UTF-16 file is written anew');
    if (at > done) {
      splicer.skipTo(at);
      out.refer(done, at);
    }
    splicer.push(bytes);
    done = at + bytes.length;
    out.flush();
    await breathe();
  }
  splicer.finish();
  return out.finish(type);
}

/**
 * The splicer hands out a part per element and gap (tens of thousands for a val2017-scale
 * file); a write to the export file costs a call into the file system each, so the parts
 * are gathered and written a few megabytes at a time. Bytes of the opened file passed over
 * unread are referred to, not written: the output is then the written parts and those.
 */
class SplicedOutput {
  private parts: Uint8Array[] = [];
  private size = 0;
  private readonly encoder = new TextEncoder();
  /** The gaps between elements (`,\n    `) repeat for every record: each is encoded once. */
  private readonly gaps = new Map<string, Uint8Array>();
  /** Bytes written to the sink so far, and where the part not yet followed by a reference starts. */
  private written = 0;
  private writtenFrom = 0;
  /** In order: `[start, end)` of the sink (`written`) or of the opened file (`source`). */
  private readonly layout: { from: 'written' | 'source'; start: number; end: number }[] = [];

  constructor(
    private readonly sink: ExportSink,
    private readonly source: Blob | null,
  ) {}

  private encode(text: string): Uint8Array {
    if (text.length > 32) return this.encoder.encode(text);
    let bytes = this.gaps.get(text);
    if (bytes === undefined) {
      bytes = this.encoder.encode(text);
      if (this.gaps.size < 256) this.gaps.set(text, bytes);
    }
    return bytes;
  }

  write(part: Uint8Array | string): void {
    const bytes = typeof part === 'string' ? this.encode(part) : part;
    this.parts.push(bytes);
    this.size += bytes.length;
    if (this.size >= 4 << 20) this.flush();
  }

  /** Bytes `[start, end)` of the opened file come next, as they are there. */
  refer(start: number, end: number): void {
    if (this.source === null) throw new Error('only a file on disk can be referred to');
    this.flush();
    if (this.written > this.writtenFrom)
      this.layout.push({ from: 'written', start: this.writtenFrom, end: this.written });
    this.layout.push({ from: 'source', start, end });
    this.writtenFrom = this.written;
  }

  flush(): void {
    if (this.size === 0) return;
    this.sink.write(concat(this.parts));
    this.written += this.size;
    this.parts = [];
    this.size = 0;
  }

  async finish(type: string): Promise<Blob> {
    this.flush();
    if (this.layout.length === 0) return this.sink.finish(type);
    const written = await this.sink.finish('');
    const source = this.source!;
    const parts = this.layout.map(({ from, start, end }) =>
      (from === 'written' ? written : source).slice(start, end),
    );
    if (this.written > this.writtenFrom) parts.push(written.slice(this.writtenFrom, this.written));
    return new Blob(parts, { type });
  }
}

function isUtf16(bytes: Uint8Array): boolean {
  return (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
}
