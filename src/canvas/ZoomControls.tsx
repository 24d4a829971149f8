/** Fit, 1:1 and zoom buttons over the canvas. */
export function ZoomControls(props: {
  scale: number;
  onFit: () => void;
  onActual: () => void;
  onZoom: (factor: number) => void;
}) {
  return (
    <div className="zoom-controls" role="toolbar" aria-label="Zoom">
      <button type="button" onClick={() => props.onZoom(1 / 1.25)} aria-label="Zoom out">
        −
      </button>
      <span className="zoom-level" aria-live="off">
        {Math.round(props.scale * 100)}%
      </span>
      <button type="button" onClick={() => props.onZoom(1.25)} aria-label="Zoom in">
        +
      </button>
      <button type="button" onClick={props.onFit}>
        Fit
      </button>
      <button type="button" onClick={props.onActual}>
        1:1
      </button>
    </div>
  );
}
