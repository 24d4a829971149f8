import { useState } from 'react';
import { CategoryPanel } from './CategoryPanel';
import { DatasetPanel } from './DatasetPanel';
import { Inspector } from './Inspector';
import { ProblemsPanel } from './ProblemsPanel';
import { StatsPanel } from './StatsPanel';

const TABS = ['Annotations', 'Categories', 'Problems', 'Statistics', 'Dataset'] as const;
type Tab = (typeof TABS)[number];

/** The right-hand panel: the current image's annotations, the categories, the dataset. */
export function SidePanel() {
  const [tab, setTab] = useState<Tab>('Annotations');
  return (
    <aside className="side-panel" aria-label="Details">
      <div role="tablist" aria-label="Panels" className="tabs">
        {TABS.map((t) => (
          <button
            key={t}
            type="button"
            role="tab"
            aria-selected={tab === t}
            onClick={() => setTab(t)}
          >
            {t}
          </button>
        ))}
      </div>
      <div role="tabpanel" aria-label={tab} className="tab-body">
        {tab === 'Annotations' && <Inspector />}
        {tab === 'Categories' && <CategoryPanel />}
        {tab === 'Problems' && <ProblemsPanel />}
        {tab === 'Statistics' && <StatsPanel />}
        {tab === 'Dataset' && <DatasetPanel />}
      </div>
    </aside>
  );
}
