import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useApp } from '../store/store';

type Props = { name: string; children: ReactNode };
type State = { error: Error | null };

/**
 * Keeps a failure inside one panel: the panel shows what went wrong and a way to retry,
 * the rest of the app keeps working, and the dataset and its edits (in the engine and the
 * store, outside React's tree) are untouched and still exportable.
 */
export class PanelBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`cocoscope: the ${this.props.name} panel failed`, error, info.componentStack);
  }

  override render() {
    if (this.state.error === null) {
      return (
        <>
          <Tripwire name={this.props.name} />
          {this.props.children}
        </>
      );
    }
    return (
      <div className="panel-error" role="alert">
        <strong>The {this.props.name} panel failed.</strong>
        <p>{this.state.error.message}</p>
        <p className="muted">Your dataset and edits are safe; you can still export them.</p>
        <button type="button" onClick={() => this.setState({ error: null })}>
          Try again
        </button>
      </div>
    );
  }
}

/**
 * A test hook, and the only way to see a boundary work on demand: setting
 * `window.cocoscopeFailPanel` to a panel's name makes that panel fail on its next render.
 */
function Tripwire(props: { name: string }) {
  // Re-rendered with the view settings, so a test can make a failure happen by toggling one.
  useApp((s) => s.layers);
  if ((globalThis as { cocoscopeFailPanel?: string }).cocoscopeFailPanel === props.name) {
    throw new Error(`the ${props.name} panel was made to fail (window.cocoscopeFailPanel)`);
  }
  return null;
}
