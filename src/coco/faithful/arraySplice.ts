/**
 * The write decisions for one array of a file being spliced (see splicer.ts, which reads
 * the bytes and calls these at each element's start and end): each element is copied,
 * dropped or rewritten as the plan says, the gaps between the survivors are the file's
 * own, and records the user added are written after the last, in the file's style.
 */
import { strFromU8 } from 'fflate';
import { concat, gapText, type ByteRouter, type Emit, type Mode } from './byteRouter';
import { formatValue, type JsonStyle } from './jsonStyle';
import { rewriteValue } from './rewriteValue';
import { DROP, KEEP, REPLACE, SpliceMismatch, type CollectionName } from './splicePlan';
import type { CollectionPlan } from './splicePlan';
import { padOf, type SpliceStyle } from './spliceStyle';
import { parseSpans, type SpanNode } from './spanTree';

export class ArraySplice {
  /** Elements read so far (the index of the next one). */
  private k = 0;
  private emitted = 0;
  private lastEmitted = -2;
  /** The gap before the first element, and between the first two. */
  private lead: string | null = null;
  private sep: string | null = null;
  private code = KEEP;
  private style: JsonStyle | null = null;
  /** The next of `plan.unread`. */
  private nextRun = 0;

  constructor(
    readonly name: CollectionName,
    private readonly plan: CollectionPlan,
    /** Depth of its elements (1 for a results list, 2 in a dataset object). */
    readonly depth: number,
    /** Indentation of the line holding the array's key (its closing bracket's line). */
    private readonly parentPad: string,
    private readonly bytes: ByteRouter,
    private readonly emit: Emit,
    private readonly learnt: SpliceStyle,
  ) {}

  /** An element starts at byte `at`: route its bytes, and write the gap before it. */
  elementStarts(at: number): void {
    const k = this.k;
    const code = k < this.plan.codes.length ? this.plan.codes[k]! : KEEP;
    this.code = code;
    const template = k === 0;
    const mode: Mode =
      code === KEEP
        ? template
          ? 'copyHold'
          : 'copy'
        : code === REPLACE || template
          ? 'hold'
          : 'skip';
    this.bytes.switchTo(mode, at);
    const gap = gapText(this.bytes.takeHeld());
    if (k === 0) this.lead = gap;
    else this.sep ??= gap;
    if (code === DROP) return;
    if (this.emitted === 0) this.emit(this.lead ?? '');
    else this.emit(this.lastEmitted === k - 1 ? gap : this.separator());
    this.emitted++;
    this.lastEmitted = k;
  }

  /** The element ended before byte `at`: write its replacement, learn the template. */
  elementEnds(at: number): void {
    const k = this.k++;
    const captured = this.bytes.mode === 'hold' || this.bytes.mode === 'copyHold';
    this.bytes.switchTo('hold', at);
    if (!captured) return;
    const text = strFromU8(concat(this.bytes.takeHeld()));
    const node = spansOrNull(text);
    if (k === 0 && node !== null) this.learnt.addTemplate(this.name, node);
    if (this.code === REPLACE) {
      const value = this.plan.replacements.get(k);
      this.emit(rewriteValue(value, node, this.styleNow(), this.elementPad(), ''));
    }
  }

  /**
   * The comma at byte `at` follows element `k - 1`: when a run of unread elements starts
   * after it (see unreadRuns.ts), the gap before the comma is written, the run's elements
   * are counted as copied, and the byte where reading goes on is returned (the comma before
   * the run's last element); the bytes up to there are routed as copied. -1: no run here.
   */
  passUnread(at: number): number {
    const run = this.plan.unread?.[this.nextRun];
    if (run === undefined || run.first !== this.k) return -1;
    this.nextRun++;
    if (run.from !== at)
      throw new SpliceMismatch(`"${this.name}" is not where it was when the file was opened`);
    if (this.lastEmitted !== this.k - 1)
      throw new Error(`an unread run must follow an element written, not ${this.k - 1}`);
    this.bytes.switchTo('copy', at);
    this.emit(gapText(this.bytes.takeHeld()));
    this.emitted += run.last - run.first;
    this.lastEmitted = run.last - 1;
    this.k = run.last;
    return run.to;
  }

  /** The closing bracket is at byte `at`: append the added records, keep the closing gap. */
  close(at: number): void {
    this.bytes.switchTo('copy', at);
    const gap = gapText(this.bytes.takeHeld());
    if (this.k === 0) this.lead = gap;
    if (this.k !== this.plan.expected)
      throw new SpliceMismatch(
        `"${this.name}" holds ${this.k} elements, not the ${this.plan.expected} that were opened`,
      );
    const empty = this.k === 0;
    const style = this.styleNow();
    const pad = this.elementPad();
    for (const value of this.plan.appended) {
      const lead = empty ? (style.indent === null ? '' : `\n${pad}`) : (this.lead ?? '');
      this.emit(this.emitted === 0 ? lead : this.separator());
      this.emit(formatValue(value, style, pad, ''));
      this.emitted++;
    }
    if (empty && this.emitted === 0)
      this.emit(gap); // `[ ]` stays as it was
    else if (this.emitted > 0)
      this.emit(empty ? (style.indent === null ? '' : `\n${this.parentPad}`) : gap);
  }

  private separator(): string {
    if (this.sep !== null) return this.sep;
    const lead = this.lead ?? '';
    return lead.includes('\n') ? `,${lead}` : this.styleNow().comma;
  }

  private elementPad(): string {
    const lead = this.lead ?? '';
    if (lead.includes('\n')) return padOf(lead);
    const indent = this.learnt.styleFor(null, this.parentPad).indent;
    return this.k === 0 && indent !== null ? this.parentPad + indent : this.parentPad;
  }

  private styleNow(): JsonStyle {
    const lead = this.lead ?? '';
    this.style ??= this.learnt.styleFor(
      this.learnt.templateOf(this.name),
      lead.includes('\n') ? padOf(lead) : this.parentPad,
    );
    return this.style;
  }
}

function spansOrNull(text: string): SpanNode | null {
  try {
    return parseSpans(text);
  } catch {
    return null;
  }
}
