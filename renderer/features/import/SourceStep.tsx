import type { ImportKind } from '../../../shared/domain/import/types';
import { useI18n } from '../../i18n/use-i18n';
import { FileDrop } from './FileDrop';
import type { ImportWizard } from './use-import-wizard';

const KINDS: readonly ImportKind[] = ['accounts', 'reps', 'alignment'];

/** Step 1: what the file holds, then the file (dropped or chosen). */
export function SourceStep({ wizard }: { wizard: ImportWizard }) {
  const { t } = useI18n();
  return (
    <div className="import-step">
      <fieldset className="import-kinds" disabled={wizard.pending !== null}>
        <legend>{t('import.kind.legend')}</legend>
        {KINDS.map((kind) => (
          <label key={kind}>
            <input type="radio" name="import-kind" value={kind} checked={wizard.kind === kind} onChange={() => wizard.setKind(kind)} />
            <span>
              <strong>{t(`import.kind.${kind}`)}</strong>
              <span className="muted">{t(`import.kind.${kind}.hint`)}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <FileDrop kind={wizard.kind} disabled={wizard.pending !== null} onFile={(file) => void wizard.chooseFile(file)} />
      {wizard.pending && (
        <p className="muted" role="status">
          {t(wizard.pending === 'staging' ? 'import.staging' : 'import.previewing')}
        </p>
      )}
      {wizard.error && (
        <p className="error" role="alert">
          {wizard.error}
        </p>
      )}
    </div>
  );
}
