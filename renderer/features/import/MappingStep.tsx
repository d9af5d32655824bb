import { useMemo } from 'react';
import { useI18n } from '../../i18n/use-i18n';
import { useAppStore } from '../../stores/use-app-store';
import { ColumnMappingTable } from './ColumnMappingTable';
import { FileFacts } from './FileFacts';
import { ImportOptions } from './ImportOptions';
import { mappingProblems } from './mapping-rules';
import { NumberFormatControls } from './NumberFormatControls';
import type { ImportWizard } from './use-import-wizard';

/** Step 2: what Tessera read of the file, the column mapping and the options; Import while nothing is wrong. */
export function MappingStep({ wizard }: { wizard: ImportWizard }) {
  const { t } = useI18n();
  const scenarios = useAppStore((s) => s.scenarios);
  const { preview, mapping, choices, kind } = wizard;

  const problems = useMemo(() => {
    if (!preview || !mapping) return [];
    const found = mappingProblems(mapping, preview.format, t);
    // The backend checks the starting mapping against the whole header too.
    if (found.length === 0 && !wizard.edited) found.push(...preview.mappingProblems);
    if (kind === 'alignment') {
      const name = choices.scenarioName.trim();
      if (name === '') found.push(t('import.problem.noScenarioName'));
      else if (scenarios.some((s) => s.name === name)) found.push(t('import.problem.scenarioExists', { name }));
    }
    return found;
  }, [preview, mapping, wizard.edited, kind, choices.scenarioName, scenarios, t]);

  if (!preview || !mapping) return null;
  const busy = wizard.pending !== null;
  return (
    <div className="import-step">
      <FileFacts preview={preview} disabled={busy} onSheet={(sheet) => void wizard.selectSheet(sheet)} />
      {preview.format !== 'geojson' && (
        <NumberFormatControls format={mapping.numberFormat} onChange={(numberFormat) => wizard.editMapping({ ...mapping, numberFormat })} />
      )}
      <ColumnMappingTable preview={preview} mapping={mapping} onChange={wizard.editMapping} />
      <ImportOptions kind={kind} mapping={mapping} onMapping={wizard.editMapping} choices={choices} onChoices={wizard.setChoices} />
      {problems.length > 0 && (
        <div className="import-problems" data-testid="import-problems" role="status">
          <p>{t('import.problems')}</p>
          <ul>
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      )}
      {wizard.error && (
        <p className="error" role="alert">
          {wizard.error} {t('import.nothingChanged')}
        </p>
      )}
      <div className="import-actions">
        <button type="button" disabled={busy} onClick={wizard.back}>
          {t('import.back')}
        </button>
        <button type="button" className="primary" data-testid="import-start" disabled={busy || problems.length > 0} onClick={() => void wizard.start()}>
          {t('import.start')}
        </button>
      </div>
    </div>
  );
}
