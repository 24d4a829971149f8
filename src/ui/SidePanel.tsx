import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { currentSubset, useApp } from '../store/store';
import { EvaluationPanel } from './evaluation/EvaluationPanel';
import { CategoryPanel } from './CategoryPanel';
import { DatasetPanel } from './DatasetPanel';
import { Inspector } from './Inspector';
import { ProblemsPanel } from './ProblemsPanel';
import { StatsPanel } from './StatsPanel';

// Five at most, so they fit one row of the panel; the statistics are part of "Dataset".
const TABS = ['Annotations', 'Categories', 'Problems', 'Evaluation', 'Dataset'] as const;
type Tab = (typeof TABS)[number];

/** The right-hand panel: the image's annotations, categories, problems, evaluation, the dataset and its statistics. */
export function SidePanel() {
  const [chosen, setTab] = useState<Tab>('Annotations');
  // The evaluation tab is there while the subset has predictions.
  const predictions = useApp((s) => currentSubset(s)?.predictions ?? null);
  const tabs = TABS.filter((t) => t !== 'Evaluation' || predictions !== null);
  const tab = tabs.includes(chosen) ? chosen : 'Annotations';
  const body = useTabScroll(tab);
  return (
    <aside className="side-panel" aria-label="Details">
      <div role="tablist" aria-label="Panels" className="tabs">
        {tabs.map((t) => (
          <button
            key={t}
            type="button"
            role="tab"
            aria-selected={tab === t}
            onClick={(e) => {
              setTab(t);
              e.currentTarget.scrollIntoView({ block: 'nearest', inline: 'nearest' });
            }}
          >
            {t}
          </button>
        ))}
      </div>
      <div key={tab} ref={body} role="tabpanel" aria-label={tab} className="tab-body">
        {tab === 'Annotations' && <Inspector />}
        {tab === 'Categories' && <CategoryPanel />}
        {tab === 'Problems' && <ProblemsPanel />}
        {tab === 'Evaluation' && <EvaluationPanel />}
        {tab === 'Dataset' && (
          <>
            <DatasetPanel />
            <h2>Statistics</h2>
            <StatsPanel />
          </>
        )}
      </div>
    </aside>
  );
}

/** What scrolls in a tab: its body, and the Annotations tab's lists. */
const SCROLLERS = '.tab-body, .inspector-lists';

/**
 * Each tab keeps its own scroll: a tab opens where it was left, or at its top the first
 * time (not at the scroll of the tab before). Returns the ref of the tab's body.
 */
function useTabScroll(tab: string) {
  const body = useRef<HTMLDivElement>(null);
  const saved = useRef(new Map<string, number>());
  // The body is made anew for each tab (keyed), so it starts at the top; put back what was
  // saved. Only then: setting scrollTop lays the page out at once, which the first render of
  // a dataset (the whole workspace new) would wait for.
  useLayoutEffect(() => {
    const el = body.current;
    if (el === null) return;
    for (const scroller of [el, ...el.querySelectorAll<HTMLElement>('.inspector-lists')]) {
      const top = saved.current.get(`${tab} ${scroller.className}`);
      if (top !== undefined) scroller.scrollTop = top;
    }
  }, [tab]);
  useEffect(() => {
    const el = body.current;
    if (el === null) return;
    // Scroll events do not bubble: listen while they go down (capture) to hear the inner lists.
    const onScroll = (e: Event) => {
      const target = e.target as HTMLElement;
      if (target.matches(SCROLLERS))
        saved.current.set(`${tab} ${target.className}`, target.scrollTop);
    };
    el.addEventListener('scroll', onScroll, true);
    return () => el.removeEventListener('scroll', onScroll, true);
  }, [tab]);
  return body;
}
