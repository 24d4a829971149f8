/**
 * Per-detection and per-ground-truth matches at any IoU threshold, for the UI: the same
 * greedy matching as `evaluateImg` for area "all" and the last maxDets, on the cells'
 * IoUs (computed once by `evaluate`).
 */
import type { Cells } from './cells';
import {
  IGNORED,
  matchCell,
  matchScratch,
  orderGroundTruths,
  TP,
  verdict,
  type MatchScratch,
} from './evaluateImages';
import type { DtTable, GtTable } from './prepare';
import { DetectionStatus, GroundTruthStatus, type AreaRange, type Matches } from './types';

export type MatchInput = {
  readonly cells: Cells;
  readonly gtTable: GtTable;
  readonly dtTable: DtTable;
  /** Area range "all". */
  readonly area: AreaRange;
};

/** The arrays of `Matches`, filled cell by cell. */
export type MatchBuffers = Omit<Matches, 'counts' | 'threshold'>;

export function matchBuffers(dtCount: number, gtCount: number): MatchBuffers {
  return {
    dtStatus: new Uint8Array(dtCount),
    dtGt: new Int32Array(dtCount).fill(-1),
    dtIou: new Float64Array(dtCount).fill(NaN),
    gtStatus: new Uint8Array(gtCount),
    gtDt: new Int32Array(gtCount).fill(-1),
  };
}

/** Matches cell c at `threshold` into `out`. */
export function matchCellInto(
  input: MatchInput,
  c: number,
  threshold: number,
  s: MatchScratch,
  out: MatchBuffers,
): void {
  const { cells, gtTable: gt, dtTable: dt, area } = input;
  const s0 = cells.slotStart[c]!;
  const D = cells.slotStart[c + 1]! - s0;
  const g0 = cells.gtStart[c]!;
  const G = cells.gtStart[c + 1]! - g0;
  orderGroundTruths(cells, gt, c, area, s);
  for (let j = 0; j < G; j++) {
    out.gtStatus[cells.gtList[g0 + s.order[j]!]!] =
      s.ignore[j] === 1 ? GroundTruthStatus.ignored : GroundTruthStatus.missed;
  }
  if (D === 0) return;
  if (G > 0) matchCell(cells, c, threshold, s);
  const base = cells.iouStart[c]!;
  for (let d = 0; d < D; d++) {
    const p = cells.slotDt[s0 + d]!;
    const m = G > 0 ? s.match[d]! : -1;
    const a = dt.area[p]!;
    const v = verdict(m, cells, c, s, gt, a < area.min || a > area.max);
    out.dtStatus[p] =
      v === TP
        ? DetectionStatus.truePositive
        : v === IGNORED
          ? DetectionStatus.ignored
          : DetectionStatus.falsePositive;
    if (m >= 0) {
      const g = s.order[m]!;
      const gp = cells.gtList[g0 + g]!;
      out.dtGt[p] = gp;
      out.dtIou[p] = cells.ious[base + d * G + g]!;
      if (v === TP) {
        out.gtStatus[gp] = GroundTruthStatus.matched;
        out.gtDt[gp] = p;
      }
    } else {
      let best = 0;
      for (let g = 0; g < G; g++) best = Math.max(best, cells.ious[base + d * G + g]!);
      out.dtIou[p] = best;
    }
  }
}

export function finishMatches(threshold: number, out: MatchBuffers): Matches {
  const d = [0, 0, 0, 0];
  const g = [0, 0, 0, 0];
  for (const v of out.dtStatus) d[v]!++;
  for (const v of out.gtStatus) g[v]!++;
  return {
    threshold,
    ...out,
    counts: {
      truePositives: d[DetectionStatus.truePositive]!,
      falsePositives: d[DetectionStatus.falsePositive]!,
      ignoredDetections: d[DetectionStatus.ignored]!,
      notEvaluatedDetections: d[DetectionStatus.notEvaluated]!,
      matchedGroundTruths: g[GroundTruthStatus.matched]!,
      missedGroundTruths: g[GroundTruthStatus.missed]!,
      ignoredGroundTruths: g[GroundTruthStatus.ignored]!,
    },
  };
}

export function matchAt(input: MatchInput, threshold: number): Matches {
  const out = matchBuffers(input.dtTable.count, input.gtTable.count);
  const s = matchScratch(input.cells);
  for (let c = 0; c < input.cells.count; c++) matchCellInto(input, c, threshold, s, out);
  return finishMatches(threshold, out);
}
