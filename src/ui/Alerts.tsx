import { useApp } from '../store/store';

/** Errors the user must see: which file, where in it, what is wrong. The app keeps working. */
export function Alerts() {
  const alerts = useApp((s) => s.alerts);
  const dismiss = useApp((s) => s.dismissAlert);
  if (alerts.length === 0) return null;
  return (
    <div className="alerts">
      {alerts.map((a) => (
        <div key={a.id} role="alert" className="alert">
          <div>
            <strong>{a.file || 'Could not open'}</strong>
            {a.place && <span className="place"> at {a.place}</span>}
            <div>{a.message}</div>
          </div>
          <button type="button" aria-label="Dismiss" onClick={() => dismiss(a.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
