import { useI18n } from '../../i18n/use-i18n';
import { useActions } from '../../stores/actions-context';
import { useAppStore } from '../../stores/use-app-store';
import { ResolutionButton } from './ResolutionDialog';
import { ExportButton } from '../export/ExportDialog';

/** Top bar: workspace name and size, scenario picker, undo/redo with labels, file actions. */
export function WorkspaceBar({ canUseDialogs }: { canUseDialogs: boolean }) {
  const { t } = useI18n();
  const actions = useActions();
  const status = useAppStore((s) => s.status);
  const scenarios = useAppStore((s) => s.scenarios);
  const scenarioId = useAppStore((s) => s.scenarioId);
  const history = useAppStore((s) => s.history);
  const info = status?.state === 'open' ? status.info : null;
  const label = (ref: { key: string; params?: Record<string, string | number> } | null | undefined) =>
    ref ? t(ref.key, ref.params) : '';

  return (
    <header className="workspace-bar">
      <div className="brand">
        <strong>{t('app.name')}</strong>
        <span className="muted">{t('app.tagline')}</span>
      </div>
      {info && (
        <div className="workspace-name" title={info.path}>
          <span data-testid="workspace-name">{info.name}</span>
          <span className="muted" data-testid="workspace-summary">
            {t('workspace.summary', { accounts: info.accounts, reps: info.reps, cells: info.cells, resolution: info.resolution })}
          </span>
        </div>
      )}
      {info && scenarios.length > 0 && (
        <label className="scenario-picker">
          {t('scenario.label')}
          <select value={scenarioId ?? ''} onChange={(e) => actions.selectScenario(Number(e.target.value))}>
            {scenarios
              .filter((s) => !s.archived || s.id === scenarioId)
              .map((s) => {
                let text = s.isBaseline ? t('scenario.baseline', { name: s.name }) : s.name;
                if (s.locked) text = t('scenarios.picker.locked', { name: text });
                if (s.archived) text = t('scenarios.picker.archived', { name: text });
                return (
                  <option key={s.id} value={s.id}>
                    {text}
                  </option>
                );
              })}
          </select>
        </label>
      )}
      <nav className="toolbar" aria-label="Workspace">
        {info && (
          <>
            <button type="button" disabled={!history?.undo} title={history?.undo ? t('action.undoLabel', { label: label(history.undo) }) : undefined} onClick={() => void actions.undo()}>
              {t('action.undo')}
            </button>
            <button type="button" disabled={!history?.redo} title={history?.redo ? t('action.redoLabel', { label: label(history.redo) }) : undefined} onClick={() => void actions.redo()}>
              {t('action.redo')}
            </button>
            <button type="button" title={t('import.openTitle')} onClick={() => actions.showImport(true)}>
              {t('import.open')}
            </button>
            <ResolutionButton info={info} />
            {scenarios.length > 0 && <ExportButton />}
          </>
        )}
        <button type="button" onClick={() => void actions.openDemo()}>{t('action.openDemo')}</button>
        {canUseDialogs && (
          <>
            <button type="button" onClick={() => void actions.openDialog()}>{t('action.open')}</button>
            {info && <button type="button" onClick={() => void actions.saveAs()}>{t('action.saveAs')}</button>}
          </>
        )}
        <button type="button" onClick={() => actions.showAbout(true)}>{t('action.about')}</button>
      </nav>
    </header>
  );
}
