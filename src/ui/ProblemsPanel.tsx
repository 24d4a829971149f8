import { useEffect, useState } from 'react';
import type { FindingKind } from '../coco';
import { findingsFresh, insightKey } from '../store/insightSlice';
import { currentSubset, useApp } from '../store/store';
import type { ProblemInfo } from '../worker/protocol';
import { FindingGroup } from './FindingGroup';
import { ParseProblemGroup } from './ParseProblemGroup';
import { CHECKED_AGAIN } from './problemLabels';
import { count } from './format';

/**
 * Every problem of the subset, grouped by kind with counts: what the deeper checks find on
 * the dataset as it is (run in the engine, again after each edit) and what parsing found
 * in the files. Each entry links to its image and annotation; where a fix is obvious it is
 * offered, for one entry or all of a kind, as an undoable edit.
 */
export function ProblemsPanel() {
  const subset = useApp(currentSubset);
  const findings = useApp((s) => s.findings);
  const counts = useApp((s) => s.findingCounts);
  const fresh = useApp(findingsFresh);
  const progress = useApp((s) => s.checkProgress);
  const key = useApp(insightKey);
  const runChecks = useApp((s) => s.runChecks);
  const [open, setOpen] = useState<string | null>(null);

  useEffect(() => {
    void runChecks();
  }, [key, runChecks]);

  if (subset === undefined) return null;
  const parseGroups = groupParseProblems(subset.problems, subset.problemCounts);
  const findingGroups = (Object.entries(counts) as [FindingKind, number][]).sort(
    (a, b) => b[1] - a[1],
  );
  const byKind = groupBy(findings ?? [], (f) => f.kind);
  const total =
    parseGroups.reduce((s, g) => s + g.count, 0) + findingGroups.reduce((s, [, c]) => s + c, 0);
  const toggle = (name: string) => setOpen(open === name ? null : name);
  return (
    <section aria-label="Problems" className="problems">
      <p className="muted" aria-live="polite">
        {!fresh || findings === null
          ? `Checking… ${Math.round((progress ?? 0) * 100)}%`
          : `${count(total)} ${total === 1 ? 'problem' : 'problems'}`}
      </p>
      <ul className="problem-groups">
        {fresh &&
          findingGroups.map(([kind, count]) => (
            <FindingGroup
              key={kind}
              kind={kind}
              count={count}
              list={byKind.get(kind) ?? []}
              open={open === kind}
              onToggle={() => toggle(kind)}
            />
          ))}
        {parseGroups.map((g) => (
          <ParseProblemGroup
            key={g.code}
            code={g.code}
            count={g.count}
            list={g.list}
            open={open === g.code}
            onToggle={() => toggle(g.code)}
          />
        ))}
      </ul>
      {fresh && findings !== null && total === 0 && <p className="muted">None found.</p>}
    </section>
  );
}

/**
 * Parse problems by code, most frequent first, without those the checks find again (for
 * duplicate ids: those of annotations), so nothing is listed twice or after it was fixed.
 */
function groupParseProblems(
  problems: readonly ProblemInfo[],
  counts: Partial<Record<string, number>>,
): { code: string; count: number; list: ProblemInfo[] }[] {
  const groups = groupBy(
    problems.filter(
      (p) =>
        !CHECKED_AGAIN.has(p.code) &&
        !(p.code === 'duplicate-id' && p.path.startsWith('annotations')),
    ),
    (p) => p.code,
  );
  return [...groups]
    .map(([code, list]) => ({
      code,
      list,
      count: code === 'duplicate-id' ? list.length : (counts[code] ?? list.length),
    }))
    .sort((a, b) => b.count - a.count);
}

function groupBy<T, K>(items: readonly T[], keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const list = groups.get(key);
    if (list === undefined) groups.set(key, [item]);
    else list.push(item);
  }
  return groups;
}
