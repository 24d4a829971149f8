/** Timing helpers for the benchmark: medians of repeated runs, formatted figures. */

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** The value at or below which `share` of `values` lie (nearest rank): 0.95 gives the p95. */
export function percentile(values: number[], share: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(share * s.length) - 1))]!;
}

/** Runs `fn` `runs` times and returns the median duration in ms (and the last result). */
export function timeMedian<T>(runs: number, fn: () => T): { ms: number; result: T } {
  const times: number[] = [];
  let result!: T;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    result = fn();
    times.push(performance.now() - t0);
  }
  return { ms: median(times), result };
}

export const fmt = {
  ms: (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`),
  mb: (bytes: number) => `${(bytes / 1e6).toFixed(0)} MB`,
  gb: (bytes: number) => `${(bytes / 1e9).toFixed(2)} GB`,
};

export type Row = { work: string; measured: string; reference: string; verdict: string };

export function verdict(ok: boolean): string {
  return ok ? 'ok' : 'OVER BUDGET';
}

export function printTable(title: string, rows: Row[]): void {
  const widths = [4, 8, 9].map((_, i) =>
    Math.max(
      ...rows.map((r) => [r.work, r.measured, r.reference][i]!.length),
      ['work', 'measured', 'budget / pycocotools'][i]!.length,
    ),
  );
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  console.log(`\n## ${title}\n`);
  console.log(line(['work', 'measured', 'budget / pycocotools', 'verdict']));
  console.log(line(widths.map((w) => '-'.repeat(w)).concat(['---'])));
  for (const r of rows) console.log(line([r.work, r.measured, r.reference, r.verdict]));
}
