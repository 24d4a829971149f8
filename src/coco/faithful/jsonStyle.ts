/**
 * How a file writes its JSON, so that what cocoscope writes anew looks like the rest of
 * it: indentation, the text around `:` and `,`, whole-number floats (`491.0`, as Python's
 * json writes floats), non-ASCII characters escaped or not, and integers past 2^53 spelled
 * exactly as the file spelled them (a JS number cannot hold them).
 *
 * The style is learned from a record the file already holds (see `learnStyle`); a record
 * the user edited is written against its own original text (rewriteValue.ts), so this
 * style only decides the parts that have no original to follow.
 */

export type JsonStyle = {
  /** One level of indentation (`'    '`, `'\t'`), or null for values on one line. */
  readonly indent: string | null;
  /** What separates a key from its value: `':'`, `': '`. */
  readonly colon: string;
  /** What separates items on one line: `','`, `', '`. */
  readonly comma: string;
  /** Non-ASCII characters written as escapes like `\u00e9` (Python's default `ensure_ascii`). */
  readonly ascii: boolean;
  /**
   * Paths (keys joined by `.`, array positions left out: `bbox`, `attributes.weight`)
   * whose whole numbers the file spells as floats (`2.0`).
   */
  readonly floatPaths: ReadonlySet<string>;
  /** The exact spelling of integers past 2^53, by the (rounded) number JS reads them as. */
  readonly exactIntegers: ReadonlyMap<number, string>;
};

export const COMPACT_STYLE: JsonStyle = {
  indent: null,
  colon: ':',
  comma: ',',
  ascii: false,
  floatPaths: new Set(),
  exactIntegers: new Map(),
};

/** `path` extended by `key` (array positions are not part of a path). */
export function childPath(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

/** A number as the file would write it at `path`. */
export function formatNumber(value: number, style: JsonStyle, path: string): string {
  if (!Number.isFinite(value)) return 'null';
  if (Number.isInteger(value) && !Number.isSafeInteger(value)) {
    const exact = style.exactIntegers.get(value);
    if (exact !== undefined) return exact;
  }
  if (!style.floatPaths.has(path)) return String(value);
  return pythonFloat(value);
}

/** Python's `repr(float)`: `2.0`, `1e+20`, `1e-07`, `1.5e+16`. */
export function pythonFloat(value: number): string {
  if (Object.is(value, -0)) return '-0.0';
  const abs = Math.abs(value);
  if (abs !== 0 && (abs >= 1e16 || abs < 1e-4)) {
    const [mantissa, exponent] = value.toExponential().split('e') as [string, string];
    const sign = exponent.startsWith('-') ? '-' : '+';
    const digits = exponent.replace(/^[+-]/, '').padStart(2, '0');
    return `${mantissa}e${sign}${digits}`;
  }
  const text = String(value);
  return /[.e]/.test(text) ? text : `${text}.0`;
}

/** A string as JSON, with non-ASCII escaped when the style says so. */
export function formatString(value: string, style: JsonStyle): string {
  const text = JSON.stringify(value);
  if (!style.ascii) return text;
  return text.replace(
    /[\u0080-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/**
 * A value written fresh in the style. `pad` is the indentation of the line the value
 * starts on (where its closing bracket goes); `path` names it for number spellings.
 * `undefined` members are left out and `undefined` items written as null, as
 * JSON.stringify does.
 */
export function formatValue(value: unknown, style: JsonStyle, pad: string, path: string): string {
  switch (typeof value) {
    case 'number':
      return formatNumber(value, style, path);
    case 'string':
      return formatString(value, style);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'bigint':
      return value.toString();
    case 'object':
      if (value === null) return 'null';
      if (Array.isArray(value)) {
        const inner = style.indent === null ? pad : pad + style.indent;
        const items = value.map((v) =>
          v === undefined ? 'null' : formatValue(v, style, inner, path),
        );
        return wrap('[', ']', items, style, pad);
      }
      return formatObject(value as Record<string, unknown>, style, pad, path);
    default:
      return 'null';
  }
}

function formatObject(
  value: Record<string, unknown>,
  style: JsonStyle,
  pad: string,
  path: string,
): string {
  const inner = style.indent === null ? pad : pad + style.indent;
  const members: string[] = [];
  for (const key of Object.keys(value)) {
    const v = value[key];
    if (v === undefined || typeof v === 'function' || typeof v === 'symbol') continue;
    members.push(
      `${formatString(key, style)}${style.colon}${formatValue(v, style, inner, childPath(path, key))}`,
    );
  }
  return wrap('{', '}', members, style, pad);
}

function wrap(open: string, close: string, items: string[], style: JsonStyle, pad: string) {
  if (items.length === 0) return open + close;
  if (style.indent === null) return open + items.join(style.comma) + close;
  const inner = `\n${pad}${style.indent}`;
  return `${open}${inner}${items.join(`,${inner}`)}\n${pad}${close}`;
}
