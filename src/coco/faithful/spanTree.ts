/**
 * A JSON text as a tree that keeps its text: every value's exact spelling (`raw`) and
 * the whitespace and commas around its members. Used for the records a user edited, so
 * that what did not change inside them is written back exactly as it was read.
 *
 * Gaps, for `{ "a": 1, "b": 2 }`: `lead` = `' '` (after the bracket, before the first
 * member), `colons` = `[': ', ': ']` (from the end of a key to its value),
 * `seps` = `[', ']` (from the end of a value to the next member), `tail` = `' '`.
 */

export type SpanNode = SpanObject | SpanArray | SpanScalar;

export type SpanObject = {
  readonly kind: 'object';
  readonly raw: string;
  readonly lead: string;
  /** Keys as read (a repeated key appears twice, as in the text). */
  readonly keys: readonly string[];
  /** Keys as spelled, quotes and escapes included. */
  readonly keyRaws: readonly string[];
  readonly colons: readonly string[];
  readonly values: readonly SpanNode[];
  readonly seps: readonly string[];
  readonly tail: string;
};

export type SpanArray = {
  readonly kind: 'array';
  readonly raw: string;
  readonly lead: string;
  readonly items: readonly SpanNode[];
  readonly seps: readonly string[];
  readonly tail: string;
};

export type SpanScalar = {
  readonly kind: 'scalar';
  readonly raw: string;
  readonly value: string | number | boolean | null;
};

/** Nesting deeper than this is not followed: such a record is written anew when edited. */
export const MAX_SPAN_DEPTH = 512;

export class SpanSyntaxError extends Error {}

/** The span tree of one JSON value (surrounding whitespace allowed). */
export function parseSpans(text: string): SpanNode {
  const reader = new Reader(text);
  reader.ws();
  const node = reader.value(0);
  reader.ws();
  if (reader.at !== text.length) throw new SpanSyntaxError(`unexpected text at ${reader.at}`);
  return node;
}

const WS = new Set([0x20, 0x0a, 0x0d, 0x09]);

class Reader {
  at = 0;
  constructor(private readonly text: string) {}

  ws(): void {
    while (this.at < this.text.length && WS.has(this.text.charCodeAt(this.at))) this.at++;
  }

  /** Whitespace, one `,` or `:` and whitespace again; returns the text passed. */
  gap(punct: string): string {
    const from = this.at;
    this.ws();
    if (this.text[this.at] !== punct) throw new SpanSyntaxError(`expected ${punct} at ${this.at}`);
    this.at++;
    this.ws();
    return this.text.slice(from, this.at);
  }

  value(depth: number): SpanNode {
    if (depth > MAX_SPAN_DEPTH) throw new SpanSyntaxError('nested too deeply');
    const c = this.text[this.at];
    if (c === '{') return this.object(depth);
    if (c === '[') return this.array(depth);
    const from = this.at;
    if (c === '"') this.string();
    else while (this.at < this.text.length && !/[\s,\]}:]/.test(this.text[this.at]!)) this.at++;
    const raw = this.text.slice(from, this.at);
    if (raw === '') throw new SpanSyntaxError(`expected a value at ${from}`);
    return { kind: 'scalar', raw, value: JSON.parse(raw) as SpanScalar['value'] };
  }

  private string(): void {
    const text = this.text;
    let i = this.at + 1;
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 0x5c) i += 2;
      else if (c === 0x22) break;
      else i++;
    }
    if (i >= text.length) throw new SpanSyntaxError('unterminated string');
    this.at = i + 1;
  }

  private object(depth: number): SpanObject {
    const from = this.at++;
    const keys: string[] = [];
    const keyRaws: string[] = [];
    const colons: string[] = [];
    const values: SpanNode[] = [];
    const seps: string[] = [];
    const lead = this.spaces();
    if (this.text[this.at] === '}') {
      this.at++;
      return {
        kind: 'object',
        raw: this.slice(from),
        lead,
        keys,
        keyRaws,
        colons,
        values,
        seps,
        tail: '',
      };
    }
    for (;;) {
      if (this.text[this.at] !== '"') throw new SpanSyntaxError(`expected a key at ${this.at}`);
      const keyFrom = this.at;
      this.string();
      const keyRaw = this.text.slice(keyFrom, this.at);
      keyRaws.push(keyRaw);
      keys.push(JSON.parse(keyRaw) as string);
      colons.push(this.gap(':'));
      values.push(this.value(depth + 1));
      const end = this.at;
      this.ws();
      if (this.text[this.at] === '}') {
        const tail = this.text.slice(end, this.at++);
        return {
          kind: 'object',
          raw: this.slice(from),
          lead,
          keys,
          keyRaws,
          colons,
          values,
          seps,
          tail,
        };
      }
      this.at = end;
      seps.push(this.gap(','));
    }
  }

  private array(depth: number): SpanArray {
    const from = this.at++;
    const items: SpanNode[] = [];
    const seps: string[] = [];
    const lead = this.spaces();
    if (this.text[this.at] === ']') {
      this.at++;
      return { kind: 'array', raw: this.slice(from), lead, items, seps, tail: '' };
    }
    for (;;) {
      items.push(this.value(depth + 1));
      const end = this.at;
      this.ws();
      if (this.text[this.at] === ']') {
        const tail = this.text.slice(end, this.at++);
        return { kind: 'array', raw: this.slice(from), lead, items, seps, tail };
      }
      this.at = end;
      seps.push(this.gap(','));
    }
  }

  private spaces(): string {
    const from = this.at;
    this.ws();
    return this.text.slice(from, this.at);
  }

  private slice(from: number): string {
    return this.text.slice(from, this.at);
  }
}
