import { syntaxErrorOffset } from './jsonSyntax';

/**
 * JSON text → value, with a located error instead of an exception. (A V8 string holds at
 * most ~536 million characters: bigger files are split into runs of elements first, each
 * parsed here; see src/io/jsonSplitter.ts.)
 */

export type JsonResult =
  | { ok: true; value: unknown }
  | { ok: false; message: string; line: number; column: number; offset: number };

/** Parses JSON text; a UTF-8 byte order mark at the start is accepted. */
export function parseJsonText(text: string): JsonResult {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return { ok: true, value: JSON.parse(body) as unknown };
  } catch (error) {
    const raw = error instanceof Error ? error.message : String(error);
    const offset = errorOffset(raw, body);
    const { line, column } = lineAndColumn(body, offset);
    const message =
      body.trim() === ''
        ? 'the file is empty'
        : (notJson(body) ?? hint(body, offset) ?? describe(raw));
    return { ok: false, message, line, column, offset };
  }
}

/** Files that are something else entirely, recognised by how they start. */
function notJson(text: string): string | null {
  if (text.startsWith('\u0089PNG') || text.startsWith('\uFFFDPNG'))
    return 'this is a PNG image, not JSON';
  if (text.startsWith('\u00FF\u00D8') || text.startsWith('\uFFFD\uFFFD\uFFFD'))
    return 'this is a binary file (an image?), not JSON';
  if (text.startsWith('PK\u0003\u0004'))
    return 'this is a zip archive, not JSON (name it .zip to open it)';
  if (text.startsWith('%PDF')) return 'this is a PDF document, not JSON';
  return null;
}

/** What a known slip at the error's place means. */
function hint(text: string, offset: number): string | null {
  for (const token of ['NaN', 'Infinity', '-Infinity']) {
    if (text.startsWith(token, offset)) {
      return `${token} is not valid JSON (Python's json module writes it for numbers that are not finite)`;
    }
  }
  return null;
}

/** V8 says "… at position 123" (and, in newer versions, "(line 5 column 3)"). */
function errorOffset(message: string, text: string): number {
  const lc = /line (\d+) column (\d+)/.exec(message);
  if (lc) return offsetOf(text, Number(lc[1]), Number(lc[2]));
  const pos = /position (\d+)/.exec(message);
  if (pos) return Number(pos[1]);
  return syntaxErrorOffset(text);
}

function describe(message: string): string {
  const cleaned = message
    .replace(/^JSON\.parse: /, '')
    .replace(/ in JSON at position \d+.*$/, '')
    .replace(/ at position \d+.*$/, '')
    .replace(/, ".*" is not valid JSON$/, '')
    .replace(/^Unexpected end of JSON input$/, 'the text ends before the JSON is complete');
  return cleaned === '' ? 'not valid JSON' : cleaned;
}

function offsetOf(text: string, line: number, column: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const next = text.indexOf('\n', offset);
    if (next < 0) return text.length;
    offset = next + 1;
  }
  return Math.min(text.length, offset + column - 1);
}

/** 1-based line and column of a character offset. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = text.indexOf('\n'); i >= 0 && i < end; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: end - lineStart + 1 };
}
