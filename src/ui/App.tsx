import { CanvasView } from '../canvas/CanvasView';
import { useApp } from '../store/store';
import { Alerts } from './Alerts';
import { DropTarget } from './DropTarget';
import { EditShortcuts } from './EditShortcuts';
import { ImageList } from './ImageList';
import { LeaveGuard } from './LeaveGuard';
import { OpenProgress } from './OpenProgress';
import { RestorePrompt } from './RestorePrompt';
import { SidePanel } from './SidePanel';
import { StatusBar } from './StatusBar';
import { Toolbar } from './Toolbar';
import { ViewBar } from './ViewBar';
import { Welcome } from './Welcome';

/** The page: composes the panels; it handles no pointer or file logic itself. */
export function App() {
  const hasDataset = useApp((s) => s.summary !== null);
  return (
    <div className="app">
      <Toolbar />
      <Alerts />
      {hasDataset ? (
        <div className="workspace">
          <ImageList />
          <div className="stage-column">
            <ViewBar />
            <CanvasView />
          </div>
          <SidePanel />
        </div>
      ) : (
        <>
          <RestorePrompt />
          <Welcome />
        </>
      )}
      <StatusBar />
      <OpenProgress />
      <DropTarget />
      <EditShortcuts />
      <LeaveGuard />
    </div>
  );
}
