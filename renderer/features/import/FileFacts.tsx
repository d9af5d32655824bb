import type { ImportPreview } from '../../../shared/contract/api';
import { useI18n } from '../../i18n/use-i18n';
import { delimiterLabel } from './mapping-rules';

/** The file as Tessera read it: name, format, encoding, delimiter, the sheet (Excel), and the saved mapping reused. */
export function FileFacts({ preview, disabled, onSheet }: { preview: ImportPreview; disabled: boolean; onSheet: (sheet: string) => void }) {
  const { t } = useI18n();
  return (
    <>
      <dl className="import-facts">
        <div>
          <dt>{t('import.fact.file')}</dt>
          <dd data-testid="import-file-name">{preview.fileName}</dd>
        </div>
        <div>
          <dt>{t('import.fact.format')}</dt>
          <dd>{t(`import.format.${preview.format}`)}</dd>
        </div>
        {preview.encoding && (
          <div>
            <dt>{t('import.fact.encoding')}</dt>
            <dd>{preview.encoding}</dd>
          </div>
        )}
        {preview.delimiter !== null && (
          <div>
            <dt>{t('import.fact.delimiter')}</dt>
            <dd data-testid="import-delimiter">{delimiterLabel(preview.delimiter, t)}</dd>
          </div>
        )}
        {preview.sheets.length > 0 && (
          <div>
            <dt>{t('import.fact.sheet')}</dt>
            <dd>
              <select aria-label={t('import.fact.sheet')} value={preview.sheet ?? ''} disabled={disabled} onChange={(e) => onSheet(e.target.value)}>
                {preview.sheets.map((s) => (
                  <option key={s} value={s}>
                    {s}
                  </option>
                ))}
              </select>
            </dd>
          </div>
        )}
      </dl>
      {preview.savedMapping !== null && (
        <p className="import-saved" data-testid="import-saved-mapping">
          {t('import.savedMapping', { name: preview.savedMapping })}
        </p>
      )}
    </>
  );
}
