import { useI18n } from '../i18n/use-i18n';
import { useActions } from '../stores/actions-context';
import { useAppStore } from '../stores/use-app-store';

/** A dismissible banner for errors of user actions (the message comes from the backend). */
export function ErrorBanner() {
  const { t } = useI18n();
  const actions = useActions();
  const error = useAppStore((s) => s.error);
  if (!error) return null;
  return (
    <div className="error-banner" role="alert">
      <span>{error}</span>
      <button type="button" onClick={actions.dismissError}>{t('action.dismiss')}</button>
    </div>
  );
}
