/**
 * The scanner held to the old model, for tests: every element of a dataset file's
 * `annotations` is scanned, and each one called regular must be what `JSON.parse` +
 * `parseCoco` make of it, value for value, with no problem reported about the record itself.
 */
import type { AnnotationRecord } from '../model';
import { parseCoco } from '../parse/parseCoco';
import type { Problem } from '../problems';
import { AnnotationColumns, SegKind } from '../columnar/annotationColumns';
import { scanAnnotation } from '../columnar/scanAnnotation';

/**
 * Problems that depend on the rest of the file, which the caller checks from the columns;
 * anything else reported about a record means it is not regular.
 */
const CONTEXTUAL = new Set([
  'duplicate-id',
  'unknown-image',
  'unknown-category',
  'rle-size-mismatch',
  // A count that is a multiple of 3 but not the category's (the scanner refuses the others).
  'keypoints-wrong-length',
]);

export type OracleReport = { regular: number; irregular: number; mismatches: string[] };

/**
 * Scans the elements at `spans` (pairs of byte offsets into `bytes`, the file's UTF-8) and
 * compares every regular row with the full parse of the file's text.
 */
export function checkScanAgainstParse(bytes: Uint8Array, spans: readonly number[]): OracleReport {
  const text = new TextDecoder().decode(bytes);
  const result = parseCoco(text, { problemLimitPerCode: Number.MAX_SAFE_INTEGER });
  const root = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) as {
    annotations: unknown[];
  };
  const records = new Map<number, AnnotationRecord>();
  for (const r of result.dataset?.annotations ?? []) records.set(r.sourceIndex, r);
  const problems = problemsByRecord(result.problems);
  const columns = new AnnotationColumns(4);
  const report: OracleReport = { regular: 0, irregular: 0, mismatches: [] };
  const elementCount = spans.length / 2;
  if (root.annotations.length !== elementCount)
    report.mismatches.push(`${elementCount} spans for ${root.annotations.length} elements`);
  for (let i = 0; i < elementCount; i++) {
    const start = spans[2 * i]!;
    const end = spans[2 * i + 1]!;
    const regular = scanAnnotation(bytes, start, end, 1000, columns);
    const row = columns.count - 1;
    const fail = (what: string) =>
      report.mismatches.push(`annotations[${i}] ${what}: ${decode(bytes, start, end)}`);
    if (columns.regular[row] !== (regular ? 1 : 0)) fail('regular column differs');
    const spanned = decode(bytes, columns.start[row]! - 1000, columns.end[row]! - 1000);
    if (JSON.stringify(tryParse(spanned)) !== JSON.stringify(root.annotations[i]))
      fail('span is not the element');
    if (!regular) {
      report.irregular++;
      continue;
    }
    report.regular++;
    const own = (problems.get(i) ?? []).filter((p) => !CONTEXTUAL.has(p.code));
    const record = records.get(i);
    if (result.dataset?.kind === 'panoptic' || result.dataset?.kind === 'captions')
      fail(`regular in a ${result.dataset.kind} file`);
    if (own.length > 0) fail(`regular, but parse reports ${own.map((p) => p.code).join(', ')}`);
    if (record === undefined) fail('regular, but the parse made no record');
    else {
      const wrong = differences(columns, row, record);
      if (wrong.length > 0) fail(`columns differ in ${wrong.join(', ')}`);
    }
  }
  return report;
}

/** Problems about `annotations[i]` (or a field of it), by i. */
function problemsByRecord(problems: readonly Problem[]): Map<number, Problem[]> {
  const out = new Map<number, Problem[]>();
  for (const p of problems) {
    const m = /^annotations\[(\d+)\](?:$|[.[])/.exec(p.path);
    if (m === null) continue;
    const i = Number(m[1]);
    out.set(i, [...(out.get(i) ?? []), p]);
  }
  return out;
}

/** The columns of `row` that do not hold what the record says. */
function differences(c: AnnotationColumns, row: number, r: AnnotationRecord): string[] {
  const wrong: string[] = [];
  const same = (name: string, column: number, value: unknown) => {
    if (!Object.is(column, value)) wrong.push(`${name} (${column} vs ${String(value)})`);
  };
  same('id', c.id[row]!, r.id);
  same('imageId', c.imageId[row]!, r.imageId);
  same('categoryId', c.categoryId[row]!, r.categoryId);
  same('area', c.area[row]!, r.area ?? NaN);
  same('score', c.score[row]!, r.score ?? NaN);
  for (let k = 0; k < 4; k++) same(`bbox[${k}]`, c.bbox[4 * row + k]!, r.bbox?.[k] ?? NaN);
  same('iscrowd', c.iscrowd[row]!, r.iscrowd ? 1 : 0);
  same('keypointCount', c.keypointCount[row]!, r.keypoints?.length ?? -1);
  const seg = r.segmentation;
  same('segKind', c.segKind[row]!, seg.kind === 'panoptic' ? -1 : SegKind[seg.kind]);
  same('parts', c.parts[row]!, seg.kind === 'polygons' ? seg.polygons.length : 0);
  const size = seg.kind === 'rle' ? seg.rle.size : [NaN, NaN];
  same('rleSize[0]', c.rleSize[2 * row]!, size[0]);
  same('rleSize[1]', c.rleSize[2 * row + 1]!, size[1]);
  return wrong;
}

function decode(bytes: Uint8Array, start: number, end: number): string {
  return new TextDecoder().decode(bytes.subarray(start, end));
}

function tryParse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return 'invalid JSON';
  }
}
