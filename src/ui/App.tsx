import { CanvasView } from '../canvas/CanvasView';
import { useApp } from '../store/store';
import { Alerts } from './Alerts';
import { DropTarget } from './DropTarget';
import { EditShortcuts } from './EditShortcuts';
import { ImageList } from './ImageList';
import { LeaveGuard } from './LeaveGuard';
import { OpenProgress } from './OpenProgress';
import { PanelBoundary } from './PanelBoundary';
import { ReplaceDialog } from './ReplaceDialog';
import { RestorePrompt } from './RestorePrompt';
import { SidePanel } from './SidePanel';
import { StatusBar } from './StatusBar';
import { ExportReceipt } from './ExportReceipt';
import { Toolbar } from './Toolbar';
import { ViewBar } from './ViewBar';
import { Welcome } from './Welcome';

/** The page: composes the panels; it handles no pointer or file logic itself. */
export function App() {
  const hasDataset = useApp((s) => s.summary !== null);
  const sessionsChecked = useApp((s) => s.sessionsChecked);
  const panels = useApp((s) => s.panels);
  return (
    <div className="app" data-sessions-checked={sessionsChecked ? 'true' : undefined}>
      <PanelBoundary name="toolbar">
        <Toolbar />
      </PanelBoundary>
      <Alerts />
      <ExportReceipt />
      {hasDataset ? (
        <div
          className="workspace"
          data-image-list={panels.imageList ? undefined : 'hidden'}
          data-details={panels.details ? undefined : 'hidden'}
        >
          {panels.imageList && (
            <PanelBoundary name="image list">
              <ImageList />
            </PanelBoundary>
          )}
          <div className="stage-column">
            <PanelBoundary name="view settings">
              <ViewBar />
            </PanelBoundary>
            <PanelBoundary name="canvas">
              <CanvasView />
            </PanelBoundary>
          </div>
          {panels.details && (
            <PanelBoundary name="details">
              <SidePanel />
            </PanelBoundary>
          )}
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
      <ReplaceDialog />
    </div>
  );
}
