import { useEffect } from 'react';
import type { Histogram } from '../coco';
import { insightKey } from '../store/insightSlice';
import { currentSubset, useApp } from '../store/store';
import { BarChart, type Bar } from './BarChart';

const bars = (h: Histogram): Bar[] => h.labels.map((label, i) => ({ label, value: h.counts[i]! }));

/** The whole numbers bin i of a histogram of counts holds. */
function countRange(h: Histogram, i: number): { min: number; max: number | null } {
  const upper = h.edges[i];
  return { min: i === 0 ? 0 : h.edges[i - 1]!, max: upper === undefined ? null : upper - 1 };
}

/** What the dataset contains, as charts; a category's bar filters the image list to it. */
export function StatsPanel() {
  const stats = useApp((s) => s.stats);
  const fresh = useApp((s) => s.statsFor === insightKey(s));
  const key = useApp(insightKey);
  const loadStats = useApp((s) => s.loadStats);
  const setFilter = useApp((s) => s.setFilter);
  // The engine sends only the categories the chart can show (see worker/checks.ts).
  const categoryCount = useApp((s) => currentSubset(s)?.categories.length);

  useEffect(() => {
    void loadStats();
  }, [key, loadStats]);

  if (stats === null || !fresh) return <p className="muted">Counting…</p>;
  const { small, medium, large } = stats.sizeClasses;
  return (
    <section aria-label="Statistics" className="stats">
      <BarChart
        title="Annotations per category"
        sortable
        limit={200}
        total={categoryCount}
        partLabel="crowd"
        bars={stats.categories.map((c) => ({
          label: c.name,
          value: c.count,
          part: c.crowd,
          onClick: () => void setFilter({ categories: [String(c.id)] }),
        }))}
      />
      <p className="muted chart-note">
        In orange: the crowd share. Click a bar (of categories, annotations per image, image sizes)
        to list its images.
      </p>
      <BarChart
        title="Size (COCO: small < 32², medium < 96²)"
        bars={[
          { label: 'small', value: small },
          { label: 'medium', value: medium },
          { label: 'large', value: large },
        ]}
      />
      <BarChart
        title="Annotations per image"
        unit="images"
        bars={bars(stats.perImage).map((bar, i) => ({
          ...bar,
          onClick: () => void setFilter({ annotationCount: countRange(stats.perImage, i) }),
        }))}
      />
      <BarChart title="Box aspect ratio (w:h)" bars={bars(stats.aspectRatios)} />
      <BarChart
        title="Image sizes"
        unit="images"
        bars={stats.imageSizes.map((s) => ({
          label: `${s.width}×${s.height}`,
          value: s.count,
          onClick: () => void setFilter({ size: { width: s.width, height: s.height } }),
        }))}
      />
      <BarChart title="Polygon vertices" unit="parts" bars={bars(stats.vertexCounts)} />
      {stats.scores !== null && <BarChart title="Scores" bars={bars(stats.scores)} />}
    </section>
  );
}
