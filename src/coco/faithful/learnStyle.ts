/** Learning a file's JSON style (see jsonStyle.ts) from a record it already holds. */
import { COMPACT_STYLE, childPath, type JsonStyle } from './jsonStyle';
import type { SpanNode } from './spanTree';

/** `2.0`, `-3.00`, `1e+20`: a whole number spelled as a float. */
const WHOLE_FLOAT = /^-?\d+(\.0+)?([eE][+-]?\d+)?$/;

/**
 * The style of `template` (a record as the file spells it) that starts on a line indented
 * by `pad`. `fallbackIndent` is used when the template says nothing about indentation
 * (no template, or a record with no members); `exactIntegers` come from the parser.
 */
export function learnStyle(
  template: SpanNode | null,
  pad: string,
  fallbackIndent: string | null,
  exactIntegers: ReadonlyMap<number, string> = new Map(),
): JsonStyle {
  const floatPaths = new Set<string>();
  if (template !== null) collectFloatPaths(template, '', floatPaths);
  const container = firstContainerWithMembers(template);
  let indent = fallbackIndent;
  let colon = COMPACT_STYLE.colon;
  let comma: string | null = null;
  if (container !== null) {
    const newline = container.node.lead.lastIndexOf('\n');
    if (newline >= 0) {
      const memberPad = container.node.lead.slice(newline + 1);
      const depth = container.depth + 1;
      indent = memberPad.startsWith(pad)
        ? memberPad.slice(pad.length, pad.length + (memberPad.length - pad.length) / depth)
        : memberPad;
    } else {
      indent = null;
      const sep = container.node.seps[0];
      if (sep !== undefined) comma = sep;
    }
  }
  const object = firstObject(template);
  if (object !== null && object.colons[0] !== undefined) colon = object.colons[0];
  return {
    indent,
    colon,
    comma: comma ?? (colon.endsWith(' ') ? ', ' : ','),
    ascii: template !== null && /\\u(00[89a-fA-F]|0[1-9a-fA-F]|[1-9a-fA-F])/.test(template.raw),
    floatPaths,
    exactIntegers,
  };
}

function collectFloatPaths(node: SpanNode, path: string, out: Set<string>): void {
  switch (node.kind) {
    case 'scalar':
      if (
        typeof node.value === 'number' &&
        Number.isInteger(node.value) &&
        WHOLE_FLOAT.test(node.raw) &&
        /[.eE]/.test(node.raw)
      )
        out.add(path);
      return;
    case 'array':
      for (const item of node.items) collectFloatPaths(item, path, out);
      return;
    case 'object':
      node.keys.forEach((key, i) => collectFloatPaths(node.values[i]!, childPath(path, key), out));
      return;
  }
}

type Container = Extract<SpanNode, { kind: 'object' | 'array' }>;

/** The outermost container with members (depth 0 is the template itself). */
function firstContainerWithMembers(
  node: SpanNode | null,
  depth = 0,
): { node: Container; depth: number } | null {
  if (node === null || node.kind === 'scalar') return null;
  const children = node.kind === 'object' ? node.values : node.items;
  if (children.length > 0 && (node.seps.length > 0 || node.lead.includes('\n')))
    return { node, depth };
  for (const child of children) {
    const found = firstContainerWithMembers(child, depth + 1);
    if (found !== null) return found;
  }
  return children.length > 0 ? { node, depth } : null;
}

function firstObject(node: SpanNode | null): Extract<SpanNode, { kind: 'object' }> | null {
  if (node === null || node.kind === 'scalar') return null;
  if (node.kind === 'object' && node.keys.length > 0) return node;
  const children = node.kind === 'object' ? node.values : node.items;
  for (const child of children) {
    const found = firstObject(child);
    if (found !== null) return found;
  }
  return null;
}
