import type { ImportJobState } from '../../../shared/contract/api';
import { useI18n } from '../../i18n/use-i18n';

/** Step 3: how far the job has read (rows, and bytes as a share of the file), with Cancel. */
export function ProgressStep({ job, onCancel }: { job: ImportJobState; onCancel: () => void }) {
  const { t, number } = useI18n();
  const reading = job.phase === 'reading';
  const fraction = !reading ? 1 : job.totalBytes > 0 ? Math.min(1, job.bytes / job.totalBytes) : 0;
  const percent = Math.round(fraction * 100);
  const text = t('import.progressText', {
    rows: number(job.rows),
    percent: number(percent),
    size: t('import.megabytes', { value: number(job.totalBytes / 1e6, { maximumFractionDigits: 1 }) }),
  });
  return (
    <div className="import-step" data-testid="import-progress">
      <progress
        role="progressbar"
        max={100}
        value={percent}
        aria-label={t('import.progress')}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={text}
      />
      <p>{text}</p>
      <p className="muted">{t(`import.phase.${job.phase}`)}</p>
      <div className="import-actions">
        <button type="button" onClick={onCancel}>
          {t('import.cancel')}
        </button>
      </div>
    </div>
  );
}
