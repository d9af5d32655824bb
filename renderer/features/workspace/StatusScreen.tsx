import { useI18n } from '../../i18n/use-i18n';
import { useActions } from '../../stores/actions-context';
import { useAppStore } from '../../stores/use-app-store';

/** What the main area shows while no workspace is ready: connecting, none, opening, failed or loading. */
export function StatusScreen({ canUseDialogs }: { canUseDialogs: boolean }) {
  const { t, date } = useI18n();
  const actions = useActions();
  const status = useAppStore((s) => s.status);
  const recent = useAppStore((s) => s.recent);
  const loading = useAppStore((s) => s.loading);

  if (status === null || (status.state === 'open' && loading)) {
    return (
      <div className="status-screen" role="status" aria-live="polite">
        <div className="spinner" aria-hidden="true" />
        <p>{t('workspace.loading')}</p>
      </div>
    );
  }
  if (status.state === 'opening') {
    const name = status.path.split(/[\\/]/).pop() ?? status.path;
    return (
      <div className="status-screen" role="status" aria-live="polite">
        <div className="spinner" aria-hidden="true" />
        <p>{t('workspace.opening', { name })}</p>
        {/demo\.tessera$/.test(status.path) && <p className="muted">{t('workspace.opening.demoHint')}</p>}
      </div>
    );
  }
  const recentList = recent.length > 0 && (
    <section className="recent">
      <h3>{t('workspace.recent')}</h3>
      <ul>
        {recent.map((r) => (
          <li key={r.path}>
            <button type="button" disabled={!r.exists} onClick={() => void actions.openRecent(r.path)} title={r.path}>
              {r.name}
            </button>{' '}
            <span className="muted">{r.exists ? date(r.openedAt) : t('workspace.recent.missing')}</span>
          </li>
        ))}
      </ul>
    </section>
  );
  const buttons = (
    <div className="actions">
      <button type="button" className="primary" onClick={() => void actions.openDemo()}>{t('action.openDemo')}</button>
      {canUseDialogs && <button type="button" onClick={() => void actions.openDialog()}>{t('action.open')}</button>}
      {canUseDialogs && <button type="button" onClick={() => void actions.createWorkspace()}>{t('action.new')}</button>}
    </div>
  );
  if (status.state === 'failed') {
    return (
      <div className="status-screen failed" role="alert" data-testid="open-error">
        <h2>{t('workspace.failed.title')}</h2>
        <p className="error-message" data-error-code={status.error.code}>{status.error.message}</p>
        <p className="muted">{status.path}</p>
        <p className="muted">{t('workspace.failed.unchanged')}</p>
        {buttons}
        {recentList}
      </div>
    );
  }
  return (
    <div className="status-screen">
      <h2>{t('workspace.none.title')}</h2>
      <p>{t('workspace.none.body')}</p>
      {buttons}
      {recentList}
    </div>
  );
}
