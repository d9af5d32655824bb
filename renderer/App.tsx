import { useEffect } from 'react';
import { AboutDialog } from './features/about/AboutDialog';
import { CompareView } from './features/compare/CompareView';
import { ImportDialog } from './features/import/ImportDialog';
import { SidePanel } from './features/scenarios/SidePanelTabs';
import { StatusScreen } from './features/workspace/StatusScreen';
import { WorkspaceBar } from './features/workspace/WorkspaceBar';
import { MapView } from './map/MapView';
import { useActions } from './stores/actions-context';
import { useAppStore } from './stores/use-app-store';
import { ErrorBanner } from './ui/ErrorBanner';
import { isTypingTarget } from './ui/is-typing-target';

/** The main window: top bar, then the territory panel beside the map (or a status screen). */
export function App({ canUseDialogs }: { canUseDialogs: boolean }) {
  const actions = useActions();
  const ready = useAppStore((s) => s.status?.state === 'open' && !s.loading && s.cells !== null);
  const comparing = useAppStore((s) => s.compare !== null);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isTypingTarget(e.target)) return;
      if (!(e.ctrlKey || e.metaKey) || e.key.toLowerCase() !== 'z') return;
      e.preventDefault();
      void (e.shiftKey ? actions.redo() : actions.undo());
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [actions]);

  return (
    <div className="app">
      <WorkspaceBar canUseDialogs={canUseDialogs} />
      <ErrorBanner />
      {ready && comparing ? (
        <CompareView />
      ) : ready ? (
        <main className="workbench">
          <aside className="side-panel">
            <SidePanel />
          </aside>
          <MapView />
        </main>
      ) : (
        <main className="workbench single">
          <StatusScreen canUseDialogs={canUseDialogs} />
        </main>
      )}
      <AboutDialog />
      <ImportDialog />
    </div>
  );
}
