/**
 * How evaluation numbers are named and written out: pycocotools' summary lines, and the
 * metrics as JSON (full precision) and CSV (one row per number).
 */
import type { IouType } from '../../coco';
import type { ConfusionReport, EvaluationReport } from '../../worker/protocol';

type Line = EvaluationReport['lines'][number];

/** `AP @[IoU=0.50:0.95 | area=all | maxDets=100]`, as `COCOeval.summarize()` prints it. */
export function lineLabel(line: Line): string {
  const iou = line.iou === null ? '0.50:0.95' : line.iou.toFixed(2);
  return `${line.metric} @[IoU=${iou} | area=${line.area} | maxDets=${line.maxDets}]`;
}

/** The three decimals pycocotools prints; -1 (no ground truth for it) as is. */
export function formatMetric(value: number): string {
  return value < 0 ? '-1' : value.toFixed(3);
}

export function metricsJson(
  reports: Partial<Record<IouType, EvaluationReport>>,
  confusion: ConfusionReport | null,
): string {
  const out: Record<string, unknown> = {};
  for (const [iouType, r] of Object.entries(reports)) {
    out.groundTruth ??= r.groundTruthFile;
    out.predictions ??= r.predictionsFile;
    out[iouType] = {
      stats: r.lines.map((l) => l.value),
      summary: r.lines.map((l) => ({ ...l, label: lineLabel(l) })),
      perCategoryAP: Object.fromEntries(r.categories.map((c) => [c.name, c.ap])),
      skipped: r.skipped,
      seconds: r.ms / 1000,
    };
  }
  if (confusion !== null) {
    const n = confusion.names.length;
    out.confusion = {
      iouType: confusion.iouType,
      iouThreshold: confusion.threshold,
      labels: confusion.names,
      rows: 'ground truth',
      columns: 'predictions',
      matrix: Array.from({ length: n }, (_, r) => confusion.counts.slice(r * n, (r + 1) * n)),
    };
  }
  return `${JSON.stringify(out, null, 2)}\n`;
}

/** One row per number: the summary lines, then AP@[.5:.95] of each category. */
export function metricsCsv(reports: Partial<Record<IouType, EvaluationReport>>): string {
  const rows = [['iou_type', 'metric', 'iou', 'area', 'max_dets', 'category', 'value']];
  for (const [iouType, r] of Object.entries(reports)) {
    for (const l of r.lines)
      rows.push([
        iouType,
        l.metric,
        l.iou === null ? '0.50:0.95' : String(l.iou),
        l.area,
        String(l.maxDets),
        'all',
        String(l.value),
      ]);
    const maxDets = String(r.lines[0]?.maxDets ?? 100);
    for (const c of r.categories)
      rows.push([iouType, 'AP', '0.50:0.95', 'all', maxDets, c.name, String(c.ap)]);
  }
  return `${rows.map((row) => row.map(csvField).join(',')).join('\n')}\n`;
}

function csvField(value: string): string {
  return /[",\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}
