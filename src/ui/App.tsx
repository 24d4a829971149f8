import { CanvasView } from '../canvas/CanvasView';
import { useApp } from '../store/store';
import { Alerts } from './Alerts';
import { DropTarget } from './DropTarget';
import { ImageList } from './ImageList';
import { Inspector } from './Inspector';
import { OpenProgress } from './OpenProgress';
import { StatusBar } from './StatusBar';
import { Toolbar } from './Toolbar';
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
          <CanvasView />
          <Inspector />
        </div>
      ) : (
        <Welcome />
      )}
      <StatusBar />
      <OpenProgress />
      <DropTarget />
    </div>
  );
}
