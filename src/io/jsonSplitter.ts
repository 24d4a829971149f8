/**
 * JSON too long for one string. V8 holds at most about 536 million characters in a
 * string, so `JSON.parse` cannot take a 600 MB instances file whole; pycocotools can, and
 * users have such files. The splitter is fed the file's bytes in chunks and cuts the
 * elements of the top-level arrays (`images`, `annotations`, … or a bare results list)
 * into runs of a few MB, each parsed by `JSON.parse`; what lies outside those arrays (info,
 * licenses, …) is parsed once at the end. The value is the one `JSON.parse` would give for
 * the whole text, and an error says its line and column in the file.
 */
import {
  CLOSE_ARRAY,
  CLOSE_OBJECT,
  COMMA,
  NEWLINE,
  OPEN_ARRAY,
  OPEN_OBJECT,
  QUOTE,
} from '../coco/columnar/jsonBytes';
import { parseJsonText } from '../coco/json';
import {
  backslashBefore,
  indexOr,
  passed,
  passOver,
  skipBlanks,
  STRUCTURAL,
  WHITESPACE,
} from './splitterBytes';
import { BigJsonError, Bytes, ElementSpans, type ElementScanner } from './splitterParts';

export type { ElementScanner };
export { BigJsonError };

/** Elements are parsed in runs of about this many bytes (a few MB: one JSON.parse each). */
const RUN_BYTES = 4 << 20;

const BOM = [0xef, 0xbb, 0xbf];

/**
 * A top-level array whose elements are parsed in runs, or (`spans`) only located: the
 * byte range of each element in the file, whitespace around it included.
 */
type Streamed = {
  key: string | null;
  member: number;
  elements: unknown[];
  runs: number;
  spans: ElementSpans | null;
};

export class JsonSplitter {
  private readonly decoder = new TextDecoder('utf-8');
  /** Bytes of the document outside the streamed arrays' elements. */
  private readonly skeleton = new Bytes();
  /** Bytes of the run of elements being gathered. */
  private readonly run = new Bytes();
  private readonly keyBytes = new Bytes();
  private readonly streamed: Streamed[] = [];
  /** The top-level object's members, in order, by key (for duplicate keys: the last wins). */
  private readonly lastMember = new Map<string, number>();
  private members = 0;
  private current: Streamed | null = null;
  private root: 'none' | 'object' | 'array' = 'none';
  private ended = false;
  private depth = 0;
  private inString = false;
  private escaped = false;
  private inKey = false;
  private expectKey = false;
  /** Where the key being read starts in the current chunk. */
  private keyFrom = 0;
  /** The key of the top-level member being read. */
  private lastKey: string | null = null;
  /** Bytes consumed before the current chunk. */
  private offset = 0;
  private line = 1;
  private lineStart = 0;
  private runLine = 1;
  private runColumn = 1;
  /** Bytes of a byte order mark seen at the start. */
  private bom = 0;
  /** Whether bytes were passed over without counting their lines (see `scanner`). */
  private linesStale = false;
  /** Where the run being gathered starts in the file. */
  private runOffset = 0;

  /**
   * `runBytes`: how many bytes of elements go to one `JSON.parse` (tests make it small).
   * `located`: top-level arrays (by key) whose elements are not parsed, only located
   * (`spansOf`); the value `finish` gives holds them as empty arrays.
   */
  constructor(
    private readonly runBytes = RUN_BYTES,
    private readonly located: ReadonlySet<string> = new Set(),
    /**
     * Reads located elements as they come (coco/columnar's prescan), or null. Lines are not
     * counted in what it reads: an error's line and column then come from `locate` (the
     * owner keeps the bytes).
     */
    private readonly scanner: ElementScanner | null = null,
    private readonly locate: (offset: number) => { line: number; column: number } = () => ({
      line: 0,
      column: 0,
    }),
  ) {}

  /** The elements' byte ranges of a located array (the last one of that key). */
  spansOf(key: string): Float64Array | null {
    const member = this.lastMember.get(key);
    const s = this.streamed.find((x) => x.key === key && x.member === member);
    return s?.spans?.take() ?? null;
  }

  /**
   * Whether the bytes pushed so far end with the comma at file offset `comma`, and that
   * comma separates two elements of a located array (see coco/columnar's tailScan.ts).
   */
  endsBetweenElements(comma: number): boolean {
    const spans = this.current?.spans;
    return (
      spans != null &&
      !this.inString &&
      this.depth === (this.root === 'array' ? 1 : 2) &&
      this.offset === comma + 1 &&
      spans.from === comma + 1
    );
  }

  /**
   * Takes elements located by another reader, which follow at once (`spans`, as this
   * splitter records them, the first starting where `endsBetweenElements` held). Returns
   * the first's element number, and the file offset to push from next: the last element's
   * end, its comma or the `]`.
   */
  adoptElements(spans: Float64Array): { first: number; resume: number } {
    const located = this.current!.spans!;
    const first = located.count;
    const last = spans.length / 2 - 1;
    located.pushAll(spans.subarray(0, 2 * last));
    located.from = spans[2 * last]!;
    this.offset = spans[2 * last + 1]!;
    this.linesStale = true;
    return { first, resume: this.offset };
  }

  /** Feeds the next bytes of the file. */
  push(chunk: Uint8Array): void {
    let i = 0;
    const n = chunk.length;
    // A UTF-8 byte order mark (its bytes may come in separate chunks).
    while (i < n && this.offset + i < 3 && this.bom === this.offset + i) {
      if (chunk[i] !== BOM[this.bom]) break;
      this.bom++;
      i++;
    }
    if (this.bom > 0 && this.bom < 3 && i < n) this.fail('a broken byte order mark', i);
    // Where the bytes not yet copied start (to the skeleton, or to the run in an array).
    let from = i;
    let { depth, inString, escaped } = this;
    // Next quote and backslash at or after i, found once per stretch of string.
    let quote = -1;
    let backslash = -1;
    while (i < n) {
      if (inString) {
        if (escaped) {
          escaped = false;
          i++;
          continue;
        }
        if (quote < i) quote = indexOr(chunk, QUOTE, i, n);
        // A backslash is looked for only up to the quote: a search to the chunk's end
        // for one that is not there cost a pass over the whole file.
        if (backslash < i) backslash = backslashBefore(chunk, i, quote);
        if (quote < backslash) {
          i = quote + 1;
          inString = false;
          if (this.inKey) this.endKey(chunk, quote);
        } else if (backslash < n) {
          i = backslash + 1;
          escaped = true;
        } else i = n;
        continue;
      }
      if (depth > 0) {
        i = passOver(chunk, i, n, depth);
        depth = passed.depth;
        if (i === n) break;
      }
      const c = chunk[i]!;
      if (STRUCTURAL[c] === 0) {
        // Outside the value only whitespace may stand (before it, or after its end).
        if (depth === 0 && !WHITESPACE.has(c)) this.unexpected(i);
        i++;
        continue;
      }
      if (this.ended && c !== NEWLINE) this.unexpected(i);
      const atArray = this.current !== null && depth === (this.root === 'array' ? 1 : 2);
      switch (c) {
        case NEWLINE:
          this.line++;
          this.lineStart = this.offset + i + 1;
          break;
        case QUOTE:
          if (this.root === 'none') this.unexpected(i);
          inString = true;
          if (depth === 1 && this.root === 'object' && this.expectKey) {
            this.inKey = true;
            this.expectKey = false;
            this.keyFrom = i + 1;
          }
          break;
        case COMMA:
          if (atArray && this.current!.spans !== null) {
            this.endElement(i);
            // Elements a scanner reads whole are passed over in that one read.
            if (this.scanner !== null) i = this.scanElements(chunk, i, n);
          } else if (atArray) {
            if (this.run.length + (i - from) >= this.runBytes) {
              this.run.append(chunk, from, i);
              this.flushRun(false, i);
              from = i + 1;
            }
          } else if (depth === 1 && this.root === 'object') this.expectKey = true;
          break;
        case OPEN_ARRAY:
        case OPEN_OBJECT:
          if (depth === 0) {
            this.root = c === OPEN_OBJECT ? 'object' : 'array';
            this.expectKey = this.root === 'object';
            if (this.root === 'array') {
              this.skeleton.append(chunk, from, i + 1);
              from = i + 1;
              this.startArray(null, i + 1);
            }
          } else if (depth === 1 && this.root === 'object' && c === OPEN_ARRAY) {
            this.skeleton.append(chunk, from, i + 1);
            from = i + 1;
            this.startArray(this.lastKey, i + 1);
          }
          depth++;
          break;
        case CLOSE_ARRAY:
        case CLOSE_OBJECT:
          if (depth === 0) this.unexpected(i);
          if (atArray && this.current!.spans !== null) {
            if (c !== CLOSE_ARRAY) this.fail('an array is closed with "}"', i);
            this.endElement(i);
            from = i;
            this.current = null;
          } else if (atArray) {
            if (c !== CLOSE_ARRAY) this.fail('an array is closed with "}"', i);
            this.run.append(chunk, from, i);
            this.flushRun(true, i);
            from = i;
            this.current = null;
          }
          depth--;
          if (depth === 0) {
            if ((c === CLOSE_ARRAY) !== (this.root === 'array')) this.unexpected(i);
            this.ended = true;
          }
          break;
      }
      i++;
    }
    if (this.current === null) this.skeleton.append(chunk, from, n);
    else if (this.current.spans === null) this.run.append(chunk, from, n);
    if (this.inKey) this.keyBytes.append(chunk, this.keyFrom, n);
    this.keyFrom = 0;
    this.depth = depth;
    this.inString = inString;
    this.escaped = escaped;
    this.offset += n;
  }

  /** The parsed value, once every byte was pushed. */
  finish(): unknown {
    if (this.root === 'none') throw new BigJsonError('the file is empty', this.line, 1);
    if (!this.ended || this.inString)
      throw new BigJsonError(
        'the JSON ends before it is complete (a truncated file?)',
        this.line,
        this.offset - this.lineStart + 1,
      );
    const text = this.decoder.decode(this.skeleton.take());
    const parsed = parseJsonText(text);
    if (!parsed.ok) throw new BigJsonError(parsed.message, parsed.line, parsed.column);
    const value = parsed.value;
    if (this.root === 'array') return this.streamed[0]!.elements;
    for (const s of this.streamed) {
      if (this.lastMember.get(s.key!) !== s.member) continue;
      Object.defineProperty(value, s.key!, {
        value: s.elements,
        writable: true,
        enumerable: true,
        configurable: true,
      });
    }
    return value;
  }

  private endKey(chunk: Uint8Array, quote: number): void {
    this.keyBytes.append(chunk, this.keyFrom, quote);
    this.inKey = false;
    const raw = this.decoder.decode(this.keyBytes.take());
    const parsed = parseJsonText(`"${raw}"`);
    this.lastKey = parsed.ok ? String(parsed.value) : raw;
    this.lastMember.set(this.lastKey, this.members++);
  }

  private startArray(key: string | null, at: number): void {
    const spans =
      key !== null && this.located.has(key) ? new ElementSpans(this.scanner?.expected) : null;
    if (spans !== null) spans.from = this.offset + at;
    this.current = { key, member: this.members - 1, elements: [], runs: 0, spans };
    this.streamed.push(this.current);
    this.markRun(at);
  }

  private markRun(at: number): void {
    this.runLine = this.line;
    this.runColumn = this.offset + at - this.lineStart + 1;
    this.runOffset = this.offset + at;
  }

  /**
   * After the comma at `chunk[comma]` of a located array: elements the scanner reads whole
   * and that a comma follows are recorded and passed over. Returns the index of the last
   * comma passed (where the byte loop goes on).
   */
  private scanElements(chunk: Uint8Array, comma: number, n: number): number {
    const spans = this.current!.spans!;
    let at = comma;
    for (;;) {
      const from = skipBlanks(chunk, at + 1, n);
      if (from >= n) break;
      const end = this.scanner!.scan(chunk, from, n, this.offset, spans.count);
      if (end < 0) break;
      const next = skipBlanks(chunk, end, n);
      if (next >= n || chunk[next] !== COMMA) {
        this.scanner!.drop();
        break;
      }
      this.linesStale = true;
      this.endElement(next);
      at = next;
    }
    return at;
  }

  /**
   * A located element ends at byte `at` of the chunk: a comma, or the array's end. The
   * elements are not checked here: `[ ]` gives one blank span, and `JSON.parse` of the
   * spans (coco/columnar) finds what is not valid JSON.
   */
  private endElement(at: number): void {
    const spans = this.current!.spans!;
    const end = this.offset + at;
    spans.push(spans.from, end);
    spans.from = end + 1;
  }

  /** Parses the gathered run of elements; `last` when the array closes at byte `at`. */
  private flushRun(last: boolean, at: number): void {
    const s = this.current!;
    const text = this.decoder.decode(this.run.take());
    if (text.trim() === '') {
      if (!last || s.runs > 0) this.fail('an array element is missing (two commas in a row?)', at);
      return;
    }
    const parsed = parseJsonText(`[${text}]`);
    if (!parsed.ok) {
      if (this.linesStale) {
        const at = this.locate(this.runOffset + Math.max(0, parsed.offset - 1));
        throw new BigJsonError(parsed.message, at.line, at.column);
      }
      const line = this.runLine + parsed.line - 1;
      const column = parsed.line === 1 ? this.runColumn + parsed.column - 2 : parsed.column;
      throw new BigJsonError(parsed.message, line, column);
    }
    const elements = parsed.value as unknown[];
    for (let k = 0; k < elements.length; k++) s.elements.push(elements[k]);
    s.runs++;
    this.markRun(at + 1);
  }

  private unexpected(at: number): never {
    if (this.ended) this.fail('unexpected text after the end of the JSON value', at);
    if (this.root === 'none') this.fail('the file holds neither a JSON object nor an array', at);
    this.fail('unexpected character', at);
  }

  private fail(message: string, at: number): never {
    if (this.linesStale) {
      const where = this.locate(this.offset + at);
      throw new BigJsonError(message, where.line, where.column);
    }
    throw new BigJsonError(message, this.line, this.offset + at - this.lineStart + 1);
  }
}
