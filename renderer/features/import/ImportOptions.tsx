import type { ImportKind, ImportMapping, MissingRule } from '../../../shared/domain/import/types';
import { useI18n } from '../../i18n/use-i18n';
import { useAppStore } from '../../stores/use-app-store';
import type { ImportChoices } from './use-import-wizard';

const MISSING_RULES: readonly MissingRule[] = ['missing', 'zero', 'reject'];

/**
 * Choices beside the mapping: what an empty measure cell means (accounts); what happens to
 * records the file leaves out (a re-import); the scenario an alignment creates; the name
 * the mapping is saved under.
 */
export function ImportOptions({ kind, mapping, onMapping, choices, onChoices }: {
  kind: ImportKind;
  mapping: ImportMapping;
  onMapping: (mapping: ImportMapping) => void;
  choices: ImportChoices;
  onChoices: (choices: ImportChoices) => void;
}) {
  const { t } = useI18n();
  const existing = useAppStore((s) => (s.status?.state === 'open' ? (kind === 'accounts' ? s.status.info.accounts : kind === 'reps' ? s.status.info.reps : 0) : 0));
  const choose = (change: Partial<ImportChoices>) => onChoices({ ...choices, ...change });

  return (
    <div className="import-options">
      {kind === 'accounts' && (
        <label>
          {t('import.missingRule')}
          <select value={mapping.missing} onChange={(e) => onMapping({ ...mapping, missing: e.target.value as MissingRule })}>
            {MISSING_RULES.map((rule) => (
              <option key={rule} value={rule}>
                {t(`import.missingRule.${rule}`)}
              </option>
            ))}
          </select>
        </label>
      )}
      {kind !== 'alignment' && existing > 0 && (
        <fieldset>
          <legend>{t(`import.missingRecords.${kind}`, { count: existing })}</legend>
          <label>
            <input type="radio" name="import-missing-records" checked={choices.missingRecords === 'keep'} onChange={() => choose({ missingRecords: 'keep' })} />
            {t('import.missingRecords.keep')}
          </label>
          <label>
            <input type="radio" name="import-missing-records" checked={choices.missingRecords === 'remove'} onChange={() => choose({ missingRecords: 'remove' })} />
            {t('import.missingRecords.remove')}
          </label>
        </fieldset>
      )}
      {kind === 'alignment' && (
        <>
          <label>
            {t('import.scenarioName')}
            <input data-testid="import-scenario-name" required maxLength={200} value={choices.scenarioName} onChange={(e) => choose({ scenarioName: e.target.value })} />
          </label>
          <label>
            <input type="checkbox" checked={choices.fillEmpty} onChange={(e) => choose({ fillEmpty: e.target.checked })} />
            {t('import.fillEmpty')}
          </label>
        </>
      )}
      <label>
        {t('import.saveMappingAs')}
        <input data-testid="import-save-mapping" maxLength={200} value={choices.saveMappingAs} onChange={(e) => choose({ saveMappingAs: e.target.value })} />
      </label>
    </div>
  );
}
