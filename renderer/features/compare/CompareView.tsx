import { useState } from 'react';
import { useI18n } from '../../i18n/use-i18n';
import { useActions } from '../../stores/actions-context';
import { useAppStore } from '../../stores/use-app-store';
import { CompareMaps, type CompareMapMode } from './CompareMaps';
import { DeltaTable } from './DeltaTable';
import { DisruptionSummary } from './DisruptionSummary';
import { MovedAccountsTable } from './MovedAccountsTable';

/**
 * The compare view, shown in place of the workbench while two scenarios are compared:
 * pickers for both sides, the maps (side by side or the differences), the disruption
 * summary, the per-territory deltas and the moved accounts, and the change-list export.
 */
export function CompareView() {
  const { t } = useI18n();
  const { scenarios: actions } = useActions();
  const compare = useAppStore((s) => s.compare);
  const comparison = useAppStore((s) => s.comparison);
  const scenarios = useAppStore((s) => s.scenarios);
  const [mode, setMode] = useState<CompareMapMode>('maps');
  const [bom, setBom] = useState(false);
  if (!compare) return null;

  const { baseId, otherId } = compare;
  const nameOf = (id: number) => scenarios.find((s) => s.id === id)?.name ?? String(id);
  // Non-archived scenarios, plus whichever side is archived so the picker can show it.
  const choices = scenarios.filter((s) => !s.archived || s.id === baseId || s.id === otherId);
  const loading = comparison === null || comparison.base.id !== baseId || comparison.other.id !== otherId;
  const shown = loading ? null : comparison;

  const picker = (side: 'base' | 'other') => {
    const value = side === 'base' ? baseId : otherId;
    const against = side === 'base' ? otherId : baseId;
    return (
      <label className="compare-inline">
        {t(side === 'base' ? 'compare.base' : 'compare.other')}
        <select
          value={value}
          data-testid={`compare-pick-${side}`}
          onChange={(e) => {
            const id = Number(e.target.value);
            void (side === 'base' ? actions.openCompare(id, otherId) : actions.openCompare(baseId, id));
          }}
        >
          {choices.map((s) => (
            <option key={s.id} value={s.id} disabled={s.id === against}>
              {s.name}
            </option>
          ))}
        </select>
      </label>
    );
  };

  return (
    <main className="workbench compare-view" data-testid="compare-view" data-loading={loading ? 'true' : 'false'}>
      <header className="compare-header">
        <h2>{t('compare.title', { base: shown?.base.name ?? nameOf(baseId), other: shown?.other.name ?? nameOf(otherId) })}</h2>
        <div className="compare-controls">
          {picker('base')}
          <button type="button" onClick={() => void actions.openCompare(otherId, baseId)} title={t('compare.swapTitle')}>
            {t('compare.swap')}
          </button>
          {picker('other')}
          <div className="compare-toggle" role="group" aria-label={t('compare.view')}>
            <button type="button" aria-pressed={mode === 'maps'} onClick={() => setMode('maps')}>
              {t('compare.view.maps')}
            </button>
            <button type="button" aria-pressed={mode === 'differences'} onClick={() => setMode('differences')}>
              {t('compare.view.differences')}
            </button>
          </div>
          <span className="compare-export">
            <button type="button" onClick={() => void actions.downloadChanges(bom)} disabled={loading} title={t('compare.exportTitle')}>
              {t('compare.export')}
            </button>
            <label className="compare-inline" title={t('compare.bomTitle')}>
              <input type="checkbox" checked={bom} onChange={(e) => setBom(e.target.checked)} />
              {t('compare.bom')}
            </label>
          </span>
          <button type="button" onClick={() => actions.closeCompare()}>
            {t('compare.close')}
          </button>
        </div>
      </header>
      <div className="compare-body">
        <aside className="compare-panel">
          {shown ? (
            <>
              <DisruptionSummary comparison={shown} />
              <DeltaTable comparison={shown} />
              <MovedAccountsTable comparison={shown} />
            </>
          ) : (
            <p className="compare-loading muted" role="status" data-testid="compare-loading">
              {t('compare.loading')}
            </p>
          )}
        </aside>
        <CompareMaps comparison={shown} mode={mode} />
      </div>
    </main>
  );
}
