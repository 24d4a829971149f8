import { loadSample } from '../io/sample';
import { useApp } from '../store/store';

/** What a first-time user sees: what to drop, that nothing leaves the machine, the samples. */
export function Welcome() {
  const openFiles = useApp((s) => s.openFiles);
  return (
    <main className="welcome">
      <h1>Drop a COCO dataset anywhere on this page</h1>
      <p>
        An annotations <code>.json</code>, a CVAT / Datumaro / Roboflow <code>.zip</code>, a folder,
        or the json together with its images. Drop a model&apos;s results list on it to evaluate the
        predictions.
      </p>
      <p className="muted">Everything stays on your machine: nothing is uploaded.</p>
      <p>
        <button
          type="button"
          className="link"
          onClick={() => void loadSample({ predictions: true }).then(openFiles)}
        >
          Try the sample with a model&apos;s predictions
        </button>
      </p>
    </main>
  );
}
