/**
 * An edited value written against its original text: every part equal to the original is
 * copied as it was spelled (numbers like `491.0`, ids past 2^53, escapes, whitespace), and
 * only what changed is written anew, in the original's own layout. `diff` of the output
 * against the input then shows the changed values and nothing else.
 */
import { childPath, formatString, formatValue, type JsonStyle } from './jsonStyle';
import type { SpanArray, SpanNode, SpanObject } from './spanTree';

type Json = Record<string, unknown>;

function isPlainObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Keys JSON.stringify would write, in order. */
function writtenKeys(value: Json): string[] {
  return Object.keys(value).filter((k) => {
    const v = value[k];
    return v !== undefined && typeof v !== 'function' && typeof v !== 'symbol';
  });
}

/** Whether `value` is what `node` reads as (numbers compared as JS reads them). */
export function equalsNode(value: unknown, node: SpanNode): boolean {
  switch (node.kind) {
    case 'scalar':
      return value === node.value;
    case 'array':
      return (
        Array.isArray(value) &&
        value.length === node.items.length &&
        node.items.every((item, i) => equalsNode(value[i], item))
      );
    case 'object': {
      if (!isPlainObject(value)) return false;
      const keys = writtenKeys(value);
      return (
        keys.length === node.keys.length &&
        keys.every((k, i) => k === node.keys[i] && equalsNode(value[k], node.values[i]!))
      );
    }
  }
}

/**
 * `next` as JSON text, following `node` (its original) where they agree. `pad` is the
 * indentation of the line the value starts on; `path` names it (see JsonStyle.floatPaths).
 */
export function rewriteValue(
  next: unknown,
  node: SpanNode | null,
  style: JsonStyle,
  pad: string,
  path: string,
): string {
  if (node === null) return formatValue(next, style, pad, path);
  if (equalsNode(next, node)) return node.raw;
  if (node.kind === 'object' && isPlainObject(next) && node.keys.length > 0)
    return rewriteObject(next, node, style, pad, path);
  if (node.kind === 'array' && Array.isArray(next) && node.items.length > 0)
    return rewriteArray(next, node, style, pad, path);
  return formatValue(next, localStyle(node, style), pad, path);
}

/** The indentation of a container's members, and the style for members written anew. */
function layoutOf(node: SpanObject | SpanArray, style: JsonStyle, pad: string) {
  const newline = node.lead.lastIndexOf('\n');
  const memberPad = newline < 0 ? pad : node.lead.slice(newline + 1);
  const sep = node.seps[0] ?? (newline < 0 ? localStyle(node, style).comma : `,${node.lead}`);
  return { memberPad, sep, fresh: localStyle(node, style) };
}

/** A container laid out on one line keeps new values on one line too. */
function localStyle(node: SpanNode, style: JsonStyle): JsonStyle {
  if (node.kind === 'scalar' || node.lead.includes('\n')) return style;
  const sep = node.seps[0];
  const comma =
    sep !== undefined && !sep.includes('\n')
      ? sep.trim() === ','
        ? sep
        : style.comma
      : style.comma;
  return { ...style, indent: null, comma };
}

function rewriteObject(
  next: Json,
  node: SpanObject,
  style: JsonStyle,
  pad: string,
  path: string,
): string {
  const keys = writtenKeys(next);
  if (keys.length === 0) return '{}';
  const { memberPad, sep, fresh } = layoutOf(node, style, pad);
  const original = new Map<string, number>();
  node.keys.forEach((k, j) => original.set(k, j));
  let out = `{${node.lead}`;
  let previous = -2;
  keys.forEach((key, i) => {
    const j = original.get(key) ?? -1;
    if (i > 0) out += j >= 0 && j === previous + 1 ? node.seps[previous]! : sep;
    const at = childPath(path, key);
    out +=
      j >= 0
        ? `${node.keyRaws[j]}${node.colons[j]}${rewriteValue(next[key], node.values[j]!, style, memberPad, at)}`
        : `${formatString(key, fresh)}${node.colons[0] ?? fresh.colon}${formatValue(next[key], fresh, memberPad, at)}`;
    previous = j >= 0 ? j : -2;
  });
  return `${out}${node.tail}}`;
}

function rewriteArray(
  next: unknown[],
  node: SpanArray,
  style: JsonStyle,
  pad: string,
  path: string,
): string {
  if (next.length === 0) return '[]';
  const { memberPad, sep, fresh } = layoutOf(node, style, pad);
  let out = `[${node.lead}`;
  next.forEach((item, i) => {
    if (i > 0) out += node.seps[i - 1] ?? sep;
    const original = node.items[i];
    const value = item === undefined ? null : item;
    out +=
      original === undefined
        ? formatValue(value, fresh, memberPad, path)
        : rewriteValue(value, original, style, memberPad, path);
  });
  return `${out}${node.tail}]`;
}
