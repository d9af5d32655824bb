import { useMemo, useState } from 'react';
import type { TerritorySummary } from '../../../shared/contract/api';
import { rollUpRegions } from '../../../shared/domain/metrics/region-rollup';
import { useI18n } from '../../i18n/use-i18n';
import { useActions } from '../../stores/actions-context';
import { useAppStore } from '../../stores/use-app-store';

/** Regions (the level above territories) with their rolled-up figures; create, rename, delete. */
export function RegionTable({ territories }: { territories: readonly TerritorySummary[] }) {
  const { t, number, compact } = useI18n();
  const actions = useActions();
  const regions = useAppStore((s) => s.regions);
  const measures = useAppStore((s) => s.measures).filter((m) => m.key !== 'accounts');
  const [open, setOpen] = useState(false);
  const [editing, setEditing] = useState<number | null>(null);
  const rows = useMemo(() => rollUpRegions(territories, regions), [territories, regions]);

  const create = () => {
    const id = regions.reduce((m, r) => Math.max(m, r.id), 0) + 1;
    void actions.execute({ type: 'region.create', region: { id, name: t('regions.newName', { number: id }) } });
    setOpen(true);
  };

  return (
    <details className="region-table" open={open} onToggle={(e) => setOpen(e.currentTarget.open)} data-testid="regions">
      <summary>
        {t('regions.title')} <span className="muted">({regions.length})</span>
      </summary>
      <button type="button" onClick={create}>{t('regions.create')}</button>
      {regions.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('regions.column.name')}</th>
              <th scope="col" className="num">{t('regions.column.territories')}</th>
              <th scope="col" className="num">{t('territories.column.accounts')}</th>
              {measures.map((m) => (
                <th key={m.key} scope="col" className="num">{m.label}</th>
              ))}
              <th />
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.regionId ?? 'none'} data-region-id={r.regionId ?? ''}>
                <td onDoubleClick={() => r.regionId !== null && setEditing(r.regionId)} title={r.regionId !== null ? t('territories.rename') : undefined}>
                  {r.regionId === null ? (
                    <em className="muted">{t('regions.none')}</em>
                  ) : editing === r.regionId ? (
                    <input
                      autoFocus
                      defaultValue={r.name ?? ''}
                      aria-label={t('territories.renameInput', { name: r.name ?? '' })}
                      onKeyDown={(e) => {
                        if (e.key === 'Escape') setEditing(null);
                        if (e.key === 'Enter') {
                          const name = e.currentTarget.value.trim();
                          setEditing(null);
                          if (name && name !== r.name) void actions.execute({ type: 'region.update', regionId: r.regionId!, changes: { name } });
                        }
                      }}
                      onBlur={() => setEditing(null)}
                    />
                  ) : (
                    r.name
                  )}
                </td>
                <td className="num">{number(r.territories.length)}</td>
                <td className="num">{number(r.accounts)}</td>
                {measures.map((m) => (
                  <td key={m.key} className="num">{compact(r.measures[m.key] ?? 0)}</td>
                ))}
                <td>
                  {r.regionId !== null && (
                    <button
                      type="button"
                      className="link danger"
                      aria-label={t('regions.delete', { name: r.name ?? '' })}
                      onClick={() => void actions.execute({ type: 'region.delete', regionId: r.regionId! })}
                    >
                      ×
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </details>
  );
}
