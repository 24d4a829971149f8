/**
 * User Timing marks a benchmark reads (DESIGN.md, "Contract"): `cocoscope:open-start`
 * (files received), `cocoscope:ready` (dataset indexed, list shown), `cocoscope:first-render`
 * (first image and all its annotations drawn), `cocoscope:export-done`; a brush stroke's
 * commit: `cocoscope:stroke-released` (pointer up) and `cocoscope:stroke-applied` (the
 * engine applied the edit and the store holds it); `cocoscope:idle`, once the page has
 * loaded and again after each open: shown, its spare engine warmed up, the main thread
 * idle (store/pageSetup.ts).
 */
export type MarkName =
  | 'open-start'
  | 'ready'
  | 'first-render'
  | 'export-done'
  | 'stroke-released'
  | 'stroke-applied'
  | 'idle';

let awaitingFirstRender = false;

export function mark(name: MarkName): void {
  performance.mark(`cocoscope:${name}`);
  // Armed when the new dataset's list is shown, so a redraw of the dataset open before it
  // (still on screen while the new one loads) cannot count as the first render.
  if (name === 'ready') awaitingFirstRender = true;
}

/** Marks `first-render` once per open, when the canvas has drawn the new dataset's first image. */
export function markFirstRenderOnce(): void {
  if (!awaitingFirstRender) return;
  awaitingFirstRender = false;
  mark('first-render');
}
