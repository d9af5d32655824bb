import { useI18n } from '../../i18n/use-i18n';
import { ImportReportView } from './ImportReportView';
import type { ImportWizard } from './use-import-wizard';

/** Step 4: the report of a finished import, or what a cancelled or failed one left (nothing changed). */
export function OutcomeStep({ wizard, onDone }: { wizard: ImportWizard; onDone: () => void }) {
  const { t } = useI18n();
  const job = wizard.job;
  if (!job) return null;
  return (
    <div className="import-step" data-testid="import-outcome" data-state={job.state}>
      {job.state === 'done' && job.report && <ImportReportView report={job.report} downloadRejects={wizard.downloadRejects} />}
      {job.state === 'cancelled' && <p>{t('import.cancelled')}</p>}
      {job.state === 'failed' && (
        <div className="error" role="alert">
          <p className="error-message">{job.error}</p>
          <p>{t('import.failedUnchanged')}</p>
        </div>
      )}
      <div className="import-actions">
        {job.state !== 'done' && (
          <button type="button" onClick={wizard.again}>
            {t('import.backToMapping')}
          </button>
        )}
        <button type="button" className="primary" onClick={onDone}>
          {t('import.done')}
        </button>
      </div>
    </div>
  );
}
