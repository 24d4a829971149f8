/**
 * A dataset file rewritten as a stream of its own bytes: the elements of its `images`,
 * `annotations` and `categories` arrays (or of the bare array of a results list) are
 * copied, dropped or replaced one by one as a plan says, new elements are added at the
 * end of their array, and every other byte — `info`, `licenses`, unknown keys, whitespace,
 * a byte order mark — is copied as it is. So an export of an unedited file is its input,
 * byte for byte, and an edit changes only the bytes of the records it touched.
 *
 * The input comes in chunks of any size (a 2 GB file is never one string or one buffer);
 * offsets are bytes of UTF-8. Only the records to replace (and one record per array, the
 * template of the file's style) are ever decoded.
 */
import { strFromU8 } from 'fflate';
import { isWhitespace } from '../columnar/jsonSkip';
import { ArraySplice } from './arraySplice';
import { ByteRouter, concat, gapText, type Emit } from './byteRouter';
import { formatString, formatValue } from './jsonStyle';
import { SpliceMismatch, type CollectionName, type SplicePlan } from './splicePlan';
import { padOf, SpliceStyle } from './spliceStyle';

const NAMES: ReadonlySet<string> = new Set(['images', 'annotations', 'categories']);

function isDelimiter(c: number): boolean {
  return c === 0x2c || c === 0x5d || c === 0x7d || isWhitespace(c);
}

/** Reads the file's bytes and tells the open array (ArraySplice) where its elements are. */
export class JsonSplicer {
  private offset = 0;
  private chunk: Uint8Array = new Uint8Array(0);
  private depth = 0;
  private inString = false;
  private escape = false;
  private inScalar = false;
  /** Bytes before this are copied unread (a run of unread elements); reading goes on at its comma. */
  private resumeAt = 0;
  private readonly bytes: ByteRouter;

  private root: 'none' | 'object' | 'array' | 'done' = 'none';
  private readonly style: SpliceStyle;
  private rootMembers = 0;
  private expectKey = false;
  private keyParts: Uint8Array[] | null = null;
  private keyFrom = 0;
  private key: string | null = null;
  private valueExpected = false;
  /** What the string or scalar being read is: a key, a member value, an element. */
  private reading: 'key' | 'value' | 'element' | null = null;
  private collection: ArraySplice | null = null;
  /** Collection keys met at the root; `spliced`: those whose array was rewritten. */
  private readonly seen = new Set<CollectionName>();
  private readonly spliced = new Set<CollectionName>();

  constructor(
    private readonly plan: SplicePlan,
    private readonly emit: Emit,
  ) {
    this.bytes = new ByteRouter(emit);
    this.style = new SpliceStyle(plan.exactIntegers);
  }

  /** The next bytes of the file. */
  push(chunk: Uint8Array): void {
    this.chunk = chunk;
    this.bytes.startChunk(chunk, this.offset);
    const n = chunk.length;
    const base = this.offset;
    let i = base === 0 && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf ? 3 : 0;
    if (this.resumeAt > base) i = this.landing(this.resumeAt - base);
    while (i < n) {
      if (this.inString) {
        i = this.skipString(i);
        if (i < 0) break;
        continue;
      }
      if (this.inScalar) {
        let j = i;
        while (j < n && !isDelimiter(chunk[j]!)) j++;
        if (j >= n) break;
        this.inScalar = false;
        this.valueEnded(base + j);
        i = j;
        continue;
      }
      const watch = this.collection === null ? 1 : this.collection.depth;
      if (this.depth > watch) {
        i = this.skipDeep(i, watch);
        if (i < 0) break;
        continue;
      }
      const c = chunk[i]!;
      if (isWhitespace(c)) {
        i++;
        continue;
      }
      const at = base + i;
      switch (c) {
        case 0x7b: // {
        case 0x5b: // [
          this.opened(at, c);
          this.depth++;
          break;
        case 0x7d: // }
        case 0x5d: // ]
          this.depth--;
          this.closed(at);
          break;
        case 0x2c: // ,
          if (this.collection === null) {
            if (this.depth === 1) this.rootComma(at);
          } else if (this.depth === this.collection.depth) {
            const to = this.collection.passUnread(at);
            if (to >= 0) {
              this.resumeAt = to;
              i = this.landing(to - base);
              continue;
            }
          }
          break;
        case 0x3a: // :
          if (this.collection === null && this.depth === 1) this.valueExpected = true;
          break;
        case 0x22: // "
          this.stringStarts(at, i);
          this.inString = true;
          break;
        default:
          if (this.root === 'done' || this.root === 'none')
            throw new SpliceMismatch(`unexpected byte at ${at}`);
          this.valueStarts(at, 'scalar');
          this.inScalar = true;
      }
      i++;
    }
    this.endOfChunk();
    this.offset += n;
  }

  /**
   * The first byte not given yet that must be: bytes before it (a run of unread elements)
   * may be copied by the caller instead (see `skipTo`).
   */
  get nextNeeded(): number {
    return Math.max(this.offset, this.resumeAt);
  }

  /** Bytes from here to `to` (at most `nextNeeded`) are not given: the caller copies them itself. */
  skipTo(to: number): void {
    if (to < this.offset || to > this.resumeAt)
      throw new SpliceMismatch(`bytes up to ${to} were passed over, but they must be read`);
    this.bytes.skipUnread(to);
    this.offset = to;
  }

  /** After the last chunk. */
  finish(): void {
    if (this.root !== 'done' || this.inString || this.depth !== 0 || this.resumeAt > this.offset)
      throw new SpliceMismatch('the file ends before its JSON does');
    if (this.inScalar) throw new SpliceMismatch('a file that is one number is not a dataset');
    this.bytes.switchTo('copy', this.offset);
  }

  // Reading: strings and nested values skipped fast.

  /**
   * Where reading goes on in this chunk after a run of unread elements that ends at its
   * byte `i` (the chunk's end when the run goes on past it): the comma there.
   */
  private landing(i: number): number {
    const n = this.chunk.length;
    if (i >= n) return n;
    if (this.chunk[i] !== 0x2c)
      throw new SpliceMismatch(
        `no comma at ${this.offset + i}: the file changed since it was opened`,
      );
    return i;
  }

  /** Skips string bytes from `i`; the index after the closing quote, or -1 at the chunk's end. */
  private skipString(i: number): number {
    const chunk = this.chunk;
    const n = chunk.length;
    let j = i;
    if (this.escape) {
      this.escape = false;
      j++;
    }
    for (; j < n; j++) {
      const c = chunk[j]!;
      if (c === 0x22) break;
      if (c === 0x5c) {
        if (j + 1 < n) j++;
        else this.escape = true;
      }
    }
    if (j >= n) return -1;
    this.inString = false;
    this.stringEnded(this.offset + j + 1, j + 1);
    return j + 1;
  }

  /** Skips nested values until the depth is back to `watch`; the index after, or -1. */
  private skipDeep(i: number, watch: number): number {
    const chunk = this.chunk;
    const n = chunk.length;
    let d = this.depth;
    for (let j = i; j < n; j++) {
      const c = chunk[j]!;
      if (c === 0x22) {
        j++;
        for (; j < n; j++) {
          const s = chunk[j]!;
          if (s === 0x22) break;
          if (s === 0x5c) {
            if (j + 1 < n) j++;
            else this.escape = true;
          }
        }
        if (j >= n) {
          this.depth = d;
          this.inString = true;
          this.reading = null;
          return -1;
        }
      } else if (c === 0x7b || c === 0x5b) d++;
      else if (c === 0x7d || c === 0x5d) {
        d--;
        if (d === watch) {
          this.depth = d;
          this.valueEnded(this.offset + j + 1);
          return j + 1;
        }
      }
    }
    this.depth = d;
    return -1;
  }

  // Events at the levels that matter: the root, its members, the elements of an array.

  private opened(at: number, c: number): void {
    if (this.root === 'none') {
      if (c === 0x5b) {
        this.root = 'array';
        this.openCollection('annotations', at, 1, '');
      } else {
        this.root = 'object';
        this.expectKey = true;
        this.bytes.switchTo('hold', at + 1);
      }
      return;
    }
    if (this.root === 'done') throw new SpliceMismatch(`text after the JSON at ${at}`);
    this.valueStarts(at, c === 0x5b ? 'array' : 'object');
  }

  private valueStarts(at: number, kind: 'array' | 'object' | 'string' | 'scalar'): void {
    const open = this.collection;
    if (open !== null && this.depth === open.depth) {
      open.elementStarts(at);
      this.reading = 'element';
      return;
    }
    if (this.depth === 1 && this.root === 'object') {
      if (!this.valueExpected) throw new SpliceMismatch(`a value without a key at ${at}`);
      this.valueExpected = false;
      this.reading = 'value';
      const key = this.key;
      if (
        kind === 'array' &&
        key !== null &&
        NAMES.has(key) &&
        this.plan.collections[key as CollectionName]
      ) {
        const name = key as CollectionName;
        if (this.seen.has(name)) throw new SpliceMismatch(`"${name}" appears twice`);
        this.openCollection(name, at, 2, padOf(this.style.rootLead ?? ''));
      } else if (key !== null && NAMES.has(key)) {
        this.seen.add(key as CollectionName);
      }
    }
  }

  private stringStarts(at: number, i: number): void {
    if (this.root === 'object' && this.collection === null && this.depth === 1 && this.expectKey) {
      this.style.rootLead ??= this.bytes.release(at);
      this.expectKey = false;
      this.reading = 'key';
      this.keyParts = [];
      this.keyFrom = i;
      return;
    }
    if (this.root === 'none' || this.root === 'done')
      throw new SpliceMismatch(`a string where a dataset should be, at ${at}`);
    this.valueStarts(at, 'string');
  }

  private stringEnded(at: number, i: number): void {
    if (this.reading === 'key') {
      const parts = this.keyParts ?? [];
      parts.push(this.chunk.slice(this.keyFrom, i));
      this.key = JSON.parse(strFromU8(concat(parts))) as string;
      this.keyParts = null;
      this.reading = null;
      return;
    }
    this.valueEnded(at);
  }

  /** A value or element that started at the watched depth ended at `at` (exclusive). */
  private valueEnded(at: number): void {
    const open = this.collection;
    if (open !== null && this.depth === open.depth) {
      open.elementEnds(at);
      this.reading = null;
      return;
    }
    if (this.depth === 1 && this.root === 'object') {
      this.rootMembers++;
      this.bytes.switchTo('hold', at);
    }
    this.reading = null;
  }

  private closed(at: number): void {
    const open = this.collection;
    if (open !== null && this.depth === open.depth - 1) {
      open.close(at);
      this.collection = null;
      if (this.depth === 0) this.root = 'done';
      else this.valueEnded(at + 1);
      return;
    }
    if (this.depth === 0 && this.root === 'object') {
      this.closeRoot(at);
      this.root = 'done';
      return;
    }
    throw new SpliceMismatch(`a bracket that closes nothing at ${at}`);
  }

  private rootComma(at: number): void {
    this.bytes.release(at);
    this.expectKey = true;
  }

  // The elements of an array.

  private openCollection(name: CollectionName, at: number, depth: number, parentPad: string) {
    this.seen.add(name);
    this.spliced.add(name);
    this.bytes.switchTo('hold', at + 1);
    const plan = this.plan.collections[name]!;
    this.collection = new ArraySplice(
      name,
      plan,
      depth,
      parentPad,
      this.bytes,
      this.emit,
      this.style,
    );
  }

  /** Arrays the file lacks but the plan fills are added before the root's closing brace. */
  private closeRoot(at: number): void {
    this.bytes.switchTo('copy', at);
    const gap = gapText(this.bytes.takeHeld());
    const lead = this.style.rootLead ?? gap;
    const memberPad = padOf(lead);
    for (const [name, plan] of Object.entries(this.plan.collections)) {
      if (this.spliced.has(name as CollectionName)) continue;
      const changes = plan.appended.length > 0 || plan.expected > 0;
      if (changes && this.seen.has(name as CollectionName))
        throw new SpliceMismatch(`"${name}" is not a list`);
      if (plan.expected > 0) throw new SpliceMismatch(`"${name}" is missing`);
      if (plan.appended.length === 0) continue;
      const style = this.style.styleFor(null, memberPad);
      const sep = this.rootMembers === 0 ? lead : lead.includes('\n') ? `,${lead}` : style.comma;
      const inner = style.indent === null ? '' : `\n${memberPad}${style.indent}`;
      const items = plan.appended.map((v) =>
        formatValue(v, style, memberPad + (style.indent ?? ''), ''),
      );
      const close = style.indent === null ? '' : `\n${memberPad}`;
      this.emit(
        `${sep}${formatString(name, style)}${style.colon}[${inner}${items.join(`,${inner}`)}${close}]`,
      );
      this.rootMembers++;
    }
    this.emit(gap);
  }

  private endOfChunk(): void {
    if (this.keyParts !== null && this.inString) {
      this.keyParts.push(this.chunk.slice(this.keyFrom));
      this.keyFrom = 0;
    }
    this.bytes.endOfChunk();
  }
}
