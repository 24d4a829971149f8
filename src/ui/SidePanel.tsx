import { useState } from 'react';
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
      <div role="tabpanel" aria-label={tab} className="tab-body">
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
