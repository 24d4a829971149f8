import { useApp } from '../../store/store';
import { VERDICT_COLORS, type PredictionsSummary } from '../../worker/protocol';
import { count } from '../format';
import { mistakeFilterChange } from '../mistakeFilter';
import { RangeSlider } from '../RangeSlider';

/** Which sources are drawn, the score and IoU thresholds, the verdicts and the filters they give. */
export function VerdictControls(props: { p: PredictionsSummary }) {
  const { p } = props;
  const showGroundTruth = useApp((s) => s.showGroundTruth);
  const showPredictions = useApp((s) => s.showPredictions);
  const setShown = useApp((s) => s.setShown);
  const score = useApp((s) => s.predictionScore);
  const setScore = useApp((s) => s.setPredictionScore);
  const setIouThreshold = useApp((s) => s.setIouThreshold);
  const filter = useApp((s) => s.filter);
  const setFilter = useApp((s) => s.setFilter);
  const verdicts = p.verdicts;
  return (
    <div className="verdicts">
      <div className="toggles">
        <label>
          <input
            type="checkbox"
            checked={showGroundTruth}
            onChange={(e) => setShown('showGroundTruth', e.currentTarget.checked)}
          />
          Ground truth
        </label>
        <label>
          <input
            type="checkbox"
            checked={showPredictions}
            onChange={(e) => setShown('showPredictions', e.currentTarget.checked)}
          />
          Predictions
        </label>
      </div>
      <RangeSlider
        name="Prediction score threshold"
        min={0}
        max={1}
        step={0.05}
        value={score}
        onChange={setScore}
      >
        Score ≥ <output>{score.toFixed(2)}</output>
      </RangeSlider>
      <RangeSlider
        name="IoU threshold"
        min={0.05}
        max={0.95}
        step={0.05}
        value={p.threshold}
        disabled={verdicts === null}
        onChange={(v) => void setIouThreshold(v)}
      >
        IoU ≥ <output>{p.threshold.toFixed(2)}</output>
      </RangeSlider>
      {verdicts !== null && (
        <>
          <ul className="verdicts" aria-label="Verdicts">
            <li>
              <span className="swatch" style={{ background: VERDICT_COLORS['true-positive'] }} />
              {count(verdicts.truePositives)} true positives
            </li>
            <li>
              <span className="swatch" style={{ background: VERDICT_COLORS['false-positive'] }} />
              {count(verdicts.falsePositives)} false positives
            </li>
            <li>
              <span className="swatch" style={{ background: VERDICT_COLORS.missed }} />
              {count(verdicts.missedGroundTruths)} missed
            </li>
            <li>
              <span className="swatch" style={{ background: VERDICT_COLORS.ignored }} />
              {count(verdicts.ignoredDetections)} ignored (crowd)
            </li>
          </ul>
          <p className="muted">
            Matched by {verdicts.iouType} as COCOeval does (per category, by score, crowd ignored).
            {verdicts.stale && ' The ground truth was edited since: evaluate again.'}
          </p>
          <div
            className="toggles"
            role="group"
            aria-label="Image list: images with false positives or misses (either)"
          >
            <label>
              <input
                type="checkbox"
                checked={filter.falsePositives}
                onChange={(e) =>
                  void setFilter(
                    mistakeFilterChange(filter, { falsePositives: e.currentTarget.checked }),
                  )
                }
              />
              images with false positives
            </label>
            <label>
              <input
                type="checkbox"
                checked={filter.misses}
                onChange={(e) =>
                  void setFilter(mistakeFilterChange(filter, { misses: e.currentTarget.checked }))
                }
              />
              or with misses
            </label>
          </div>
        </>
      )}
    </div>
  );
}
