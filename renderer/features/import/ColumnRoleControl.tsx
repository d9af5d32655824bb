import type { ColumnMapping, FieldRole } from '../../../shared/domain/import/types';
import { useI18n } from '../../i18n/use-i18n';
import { hasKey } from './mapping-rules';

/** Id of the list of the workspace's measure keys (offered when naming a measure). */
export const MEASURE_KEYS = 'import-measure-keys';

/** What one column means: its role, and for a measure or an attribute the name it is stored under. */
export function ColumnRoleControl({ column, roles, onRole, onKey }: {
  column: ColumnMapping;
  roles: readonly FieldRole[];
  onRole: (role: FieldRole) => void;
  onKey: (key: string) => void;
}) {
  const { t } = useI18n();
  const isMeasure = column.role === 'measure';
  return (
    <div className="import-role">
      <select
        data-testid={`role-${column.column}`}
        aria-label={t('import.roleOf', { column: column.column })}
        value={column.role}
        onChange={(e) => onRole(e.target.value as FieldRole)}
      >
        {roles.map((role) => (
          <option key={role} value={role}>
            {t(`import.role.${role}`)}
          </option>
        ))}
      </select>
      {hasKey(column.role) && (
        <input
          data-testid={`key-${column.column}`}
          aria-label={t(isMeasure ? 'import.measureKeyOf' : 'import.attributeNameOf', { column: column.column })}
          title={t(isMeasure ? 'import.measureKeyOf' : 'import.attributeNameOf', { column: column.column })}
          value={column.key ?? ''}
          maxLength={100}
          list={isMeasure ? MEASURE_KEYS : undefined}
          onChange={(e) => onKey(e.target.value)}
        />
      )}
    </div>
  );
}
