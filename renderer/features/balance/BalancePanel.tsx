import { useEffect, useMemo, useState } from 'react';
import type { BalanceMode } from '../../../shared/contract/api';
import { useI18n } from '../../i18n/use-i18n';
import { useActions } from '../../stores/actions-context';
import { useAppStore } from '../../stores/use-app-store';
import { layoutTerritories, type TerritoryLayout } from '../../../shared/domain/model/territory-layout';
import { granularityOf } from './granularity';
import { ProposalSummary } from './ProposalSummary';


/**
 * The balance panel: what to balance (measures and their weights, the tolerance shared
 * with the table, with the granularity bound beside it), build or realign, a seed; then a
 * progress bar, and the proposal's figures with accept or discard. The proposal is
 * previewed on the map (moved cells outlined) until then.
 */
export function BalancePanel() {
  const { t, number } = useI18n();
  const actions = useActions();
  const measures = useAppStore((s) => s.measures);
  const cells = useAppStore((s) => s.cells);
  const territories = useAppStore((s) => s.territories);
  const reps = useAppStore((s) => s.reps);
  const tolerancePct = useAppStore((s) => s.tolerancePct);
  const job = useAppStore((s) => s.balanceJob);
  const proposal = useAppStore((s) => s.proposal);
  const selected = useAppStore((s) => s.selectedTerritoryId);
  const [chosenMode, setMode] = useState<BalanceMode>('realign');
  const [layoutKind, setLayoutKind] = useState<'current' | 'perRep' | 'count'>('current');
  const [count, setCount] = useState<number | null>(null);
  // A scenario without territories can only be built: one per rep, or a number of them.
  const empty = territories.length === 0;
  const mode = empty ? 'build' : chosenMode;
  const kind = layoutKind === 'current' && empty ? (reps.length > 0 ? 'perRep' : 'count') : layoutKind;
  const k = count ?? Math.max(1, territories.length || reps.length || 10);
  const layout: TerritoryLayout = useMemo(() => (kind === 'perRep' ? 'perRep' : kind === 'count' ? { count: k } : 'current'), [kind, k]);
  const planned = useMemo(() => {
    try {
      return { change: layoutTerritories(territories, reps, layout, (id) => t('territories.newName', { number: id })), error: null };
    } catch (error) {
      return { change: null, error: error instanceof Error ? error.message : String(error) };
    }
  }, [territories, reps, layout, t]);
  const drawn = mode === 'build' && planned.change ? planned.change.territories : territories;
  const balanceKey = useAppStore((s) => s.balanceKey);
  // Until the user ticks measures: the table's "Balance on" measure (workload where there is one).
  const [picked, setWeights] = useState<Record<string, number> | null>(null);
  const fallbackKey = measures.find((m) => m.key === balanceKey)?.key ?? measures.find((m) => m.key === 'workload')?.key ?? measures[0]?.key;
  const weights = picked ?? (fallbackKey ? { [fallbackKey]: 1 } : {});
  const [seed, setSeed] = useState(1);
  const chosen = measures.filter((m) => (weights[m.key] ?? 0) > 0);
  // A measure's own tolerance (percent), where the user set one; else the table's.
  const [ownTolerance, setOwnTolerance] = useState<Record<string, number>>({});
  const toleranceOf = (key: string) => ownTolerance[key] ?? tolerancePct;
  const pct = (v: number) => number(v, { style: 'percent', maximumFractionDigits: 1 });

  const granularity = useMemo(() => {
    const out: Record<string, number> = {};
    if (!cells) return out;
    for (const m of measures) out[m.key] = granularityOf(cells.measures[m.key] ?? [], drawn, reps);
    return out;
  }, [cells, measures, drawn, reps]);
  const worstGranularity = Math.max(0, ...chosen.map((m) => granularity[m.key] ?? 0));

  const requested = chosen.map((m) => ({ key: m.key, weight: weights[m.key]!, tolerance: toleranceOf(m.key) / 100 }));
  // The rebalance after each edit follows the panel's measures, tolerances and seed while it is on.
  const auto = useAppStore((s) => s.autoRebalance !== null);
  const autoStatus = useAppStore((s) => s.autoStatus);
  const autoKey = JSON.stringify([requested, seed]);
  useEffect(() => {
    if (auto) actions.setAutoRebalance({ measures: requested, seed });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [auto, autoKey]);

  const run = (runMode: BalanceMode) =>
    void actions.startBalance({
      mode: runMode,
      measures: requested,
      seed,
      ...(runMode === 'build' && layout !== 'current' ? { territories: layout } : {}),
      ...(runMode === 'local' && selected !== null ? { touched: [selected] } : {}),
    });

  const running = job?.state === 'running';
  return (
    <details className="balance-panel" data-testid="balance-panel">
      <summary>{t('balance.title')}</summary>
      <fieldset disabled={running}>
        <div className="row">
          <label>
            <input type="radio" name="balance-mode" checked={mode === 'realign'} disabled={empty} onChange={() => setMode('realign')} />
            {t('balance.mode.realign')}
          </label>
          <label>
            <input type="radio" name="balance-mode" checked={mode === 'build'} onChange={() => setMode('build')} />
            {t('balance.mode.build')}
          </label>
        </div>
        {mode === 'build' && (
          <div className="row balance-layout">
            <label>
              {t('balance.layout')}{' '}
              <select value={kind} onChange={(e) => setLayoutKind(e.target.value as typeof layoutKind)}>
                <option value="current" disabled={empty}>{t('balance.layout.current', { count: territories.length })}</option>
                <option value="perRep" disabled={reps.length === 0}>{t('balance.layout.perRep', { count: reps.length })}</option>
                <option value="count">{t('balance.layout.count')}</option>
              </select>
            </label>
            {kind === 'count' && (
              <input
                type="number"
                min={1}
                max={100000}
                step={1}
                aria-label={t('balance.layout.countLabel')}
                value={k}
                onChange={(e) => setCount(Math.max(1, Math.min(100_000, Math.floor(Number(e.target.value) || 1))))}
              />
            )}
          </div>
        )}
        {mode === 'build' && planned.error && <p className="error" data-testid="layout-note">{planned.error}</p>}
        {mode === 'build' && planned.change && planned.change.created.length + planned.change.deleted.length > 0 && (
          <p className="muted" data-testid="layout-note">
            {t('balance.layout.changes', { added: planned.change.created.length, removed: planned.change.deleted.length })}
          </p>
        )}
        <table className="balance-measures">
          <tbody>
            {measures.map((m) => (
              <tr key={m.key}>
                <td>
                  <label>
                    <input
                      type="checkbox"
                      checked={(weights[m.key] ?? 0) > 0}
                      onChange={(e) => setWeights({ ...weights, [m.key]: e.target.checked ? 1 : 0 })}
                    />
                    {m.label}
                  </label>
                </td>
                <td>
                  <input
                    type="number"
                    min={0.1}
                    max={10}
                    step={0.1}
                    aria-label={t('balance.weightOf', { measure: m.label })}
                    value={weights[m.key] ?? 0}
                    disabled={(weights[m.key] ?? 0) <= 0}
                    onChange={(e) => setWeights({ ...weights, [m.key]: Math.max(0.1, Number(e.target.value) || 0.1) })}
                  />
                </td>
                <td>
                  ±
                  <input
                    type="number"
                    min={0}
                    max={100}
                    step={0.5}
                    aria-label={t('balance.toleranceOf', { measure: m.label })}
                    value={toleranceOf(m.key)}
                    disabled={(weights[m.key] ?? 0) <= 0}
                    onChange={(e) => setOwnTolerance({ ...ownTolerance, [m.key]: Math.max(0, Math.min(100, Number(e.target.value) || 0)) })}
                  />
                  %
                </td>
                <td
                  className={`muted ${(weights[m.key] ?? 0) > 0 && toleranceOf(m.key) / 100 < (granularity[m.key] ?? 0) / 2 ? 'warning' : ''}`}
                  title={t('balance.granularityTitle')}
                >
                  g {pct(granularity[m.key] ?? 0)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className={`muted ${chosen.some((m) => toleranceOf(m.key) / 100 < (granularity[m.key] ?? 0) / 2) ? 'warning' : ''}`} data-testid="granularity-note">
          {t('balance.toleranceNote', { tolerance: pct(tolerancePct / 100), bound: pct(worstGranularity / 2) })}
        </p>
        <div className="row">
          <label>
            {t('balance.seed')}
            <input type="number" min={0} step={1} value={seed} onChange={(e) => setSeed(Math.max(0, Math.floor(Number(e.target.value) || 0)))} />
          </label>
          <button type="button" className="primary" disabled={chosen.length === 0 || (mode === 'build' && planned.change === null)} onClick={() => run(mode)}>
            {t('balance.run')}
          </button>
          <button type="button" disabled={chosen.length === 0 || selected === null || empty} onClick={() => run('local')} title={t('balance.localTitle')}>
            {t('balance.local')}
          </button>
        </div>
        <label title={t('balance.autoTitle')}>
          <input
            type="checkbox"
            checked={auto}
            disabled={empty || chosen.length === 0}
            onChange={(e) => actions.setAutoRebalance(e.target.checked ? { measures: requested, seed } : null)}
          />
          {t('balance.auto')}
        </label>
        {auto && autoStatus && (
          <p className="muted" data-testid="auto-status">
            {t('balance.autoStatus', { cells: number(autoStatus.movedCells), territories: number(autoStatus.territories) })}
          </p>
        )}
      </fieldset>
      {job && (
        <div className="balance-job" data-testid="balance-job" data-state={job.state}>
          {running && (
            <>
              <progress max={1} value={job.progress} aria-label={t('balance.progress')} />
              <span className="muted">{t(`balance.phase.${job.phase}`)}</span>
              <button type="button" onClick={() => void actions.cancelBalance()}>{t('balance.cancel')}</button>
            </>
          )}
          {job.state === 'failed' && <p className="error">{job.error}</p>}
          {job.state === 'cancelled' && <p className="muted">{t('balance.cancelled')}</p>}
        </div>
      )}
      {proposal && <ProposalSummary proposal={proposal} nothingBefore={empty} />}
    </details>
  );
}
