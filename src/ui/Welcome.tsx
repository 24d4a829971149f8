/** What a first-time user sees: what to drop, and that nothing leaves the machine. */
export function Welcome() {
  return (
    <main className="welcome">
      <h1>Drop a COCO dataset anywhere on this page</h1>
      <p>
        An annotations <code>.json</code>, a CVAT / Datumaro / Roboflow <code>.zip</code>, a folder,
        or the json together with its images.
      </p>
      <p className="muted">Everything stays on your machine: nothing is uploaded.</p>
    </main>
  );
}
