import { useEffect, useState } from 'react';
import { fetchPreflight, type PreflightInfo } from '../store/preflight';
import { useApp } from '../store/store';

/**
 * Before an export: what CVAT, Datumaro and pycocotools would refuse or change in it,
 * with the export setting that fixes each (recomputed as settings and edits change).
 */
export function PreflightList() {
  const settings = useApp((s) => s.exportSettings);
  const set = useApp((s) => s.setExportSettings);
  const subset = useApp((s) => s.subsetIndex);
  const version = useApp((s) => `${s.datasetVersion}:${s.editVersion}`);
  const [findings, setFindings] = useState<PreflightInfo[] | null>(null);

  useEffect(() => {
    let current = true;
    fetchPreflight(subset, settings).then(
      (found) => current && setFindings(found),
      () => current && setFindings([]),
    );
    return () => {
      current = false;
    };
  }, [subset, settings, version]);

  if (findings === null)
    return <p className="preflight-note">Checking what other tools would make of it…</p>;
  if (findings.length === 0)
    return (
      <p className="preflight-note" aria-label="Pre-flight">
        Pre-flight: CVAT, Datumaro and pycocotools read this export as it is.
      </p>
    );
  return (
    <section className="preflight" aria-label="Pre-flight">
      <h3>Pre-flight: what other tools would do with this export</h3>
      <ul>
        {findings.map((f) => (
          <li key={`${f.file}:${f.kind}`} className={`preflight-${f.effect}`}>
            <span className="preflight-effect">
              {f.readers.join(', ')} {f.effect === 'rejects' ? 'refuse' : 'change'}
            </span>{' '}
            {f.count.toLocaleString('en-US')} in {f.file}: {f.message}
            {f.fix !== null && (
              <button type="button" onClick={() => set(f.fix!.settings)}>
                {f.fix.label}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
