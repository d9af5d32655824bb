import type { ImportPreview } from '../../../shared/contract/api';
import type { ImportMapping } from '../../../shared/domain/import/types';
import { useI18n } from '../../i18n/use-i18n';
import { useAppStore } from '../../stores/use-app-store';
import { ColumnRoleControl, MEASURE_KEYS } from './ColumnRoleControl';
import { rolesFor, withRole } from './mapping-rules';

const PREVIEW_ROWS = 20;

/** The first rows of the file under its header, with each column's role (and measure or attribute name) above it. */
export function ColumnMappingTable({ preview, mapping, onChange }: { preview: ImportPreview; mapping: ImportMapping; onChange: (mapping: ImportMapping) => void }) {
  const { t } = useI18n();
  const roles = rolesFor(mapping.kind, preview.format);
  const measures = useAppStore((s) => s.measures);
  return (
    <div className="import-preview" data-testid="import-preview">
      <table>
        <thead>
          <tr>
            <th scope="col" className="num">
              {t('import.column.row')}
            </th>
            {mapping.columns.map((c, i) => (
              <th scope="col" key={i}>
                <span className="import-header-name">{c.column}</span>
                <ColumnRoleControl
                  column={c}
                  roles={roles}
                  onRole={(role) => onChange({ ...mapping, columns: withRole(mapping.columns, i, role) })}
                  onKey={(key) => onChange({ ...mapping, columns: mapping.columns.map((o, j) => (j === i ? { ...o, key } : o)) })}
                />
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {preview.rows.slice(0, PREVIEW_ROWS).map((row) => (
            <tr key={row.row}>
              <th scope="row" className="num muted">
                {row.row}
              </th>
              {mapping.columns.map((_, i) => (
                <td key={i}>{row.values[i] ?? ''}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <datalist id={MEASURE_KEYS}>
        {measures.map((m) => (
          <option key={m.key} value={m.key}>
            {m.label}
          </option>
        ))}
      </datalist>
    </div>
  );
}
