import type { NumberFormat } from '../../../shared/domain/import/types';
import { useI18n } from '../../i18n/use-i18n';
import { numberRule, THOUSANDS, thousandsKey, withDecimal } from './mapping-rules';

/** The rule numbers are read by (detected from the file), with the decimal mark and thousands separator to change it. */
export function NumberFormatControls({ format, onChange }: { format: NumberFormat; onChange: (format: NumberFormat) => void }) {
  const { t } = useI18n();
  return (
    <div className="import-number-rule">
      <span>
        {t('import.numbers')} <strong data-testid="import-number-rule">{numberRule(format, t)}</strong>
      </span>
      <label>
        {t('import.decimalMark')}
        <select data-testid="import-decimal" value={format.decimal} onChange={(e) => onChange(withDecimal(format, e.target.value as NumberFormat['decimal']))}>
          <option value=".">{t('import.decimal.point')}</option>
          <option value=",">{t('import.decimal.comma')}</option>
        </select>
      </label>
      <label>
        {t('import.thousandsMark')}
        <select value={format.thousands} onChange={(e) => onChange({ ...format, thousands: e.target.value as NumberFormat['thousands'] })}>
          {THOUSANDS.map((mark) => (
            <option key={mark} value={mark} disabled={mark === format.decimal}>
              {t(thousandsKey(mark))}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
