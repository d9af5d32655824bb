import { useMemo, useState } from 'react';
import type { BalanceMode } from '../../../shared/contract/api';
import { useI18n } from '../../i18n/use-i18n';
import { useActions } from '../../stores/actions-context';
import { useAppStore } from '../../stores/use-app-store';
import { granularityOf } from './granularity';

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
  const [mode, setMode] = useState<BalanceMode>('realign');
  const [weights, setWeights] = useState<Record<string, number>>({ workload: 1 });
  const [seed, setSeed] = useState(1);
  const chosen = measures.filter((m) => (weights[m.key] ?? 0) > 0);
  const pct = (v: number) => number(v, { style: 'percent', maximumFractionDigits: 1 });

  const granularity = useMemo(() => {
    const out: Record<string, number> = {};
    if (!cells) return out;
    for (const m of measures) out[m.key] = granularityOf(cells.measures[m.key] ?? [], territories, reps);
    return out;
  }, [cells, measures, territories, reps]);
  const worstGranularity = Math.max(0, ...chosen.map((m) => granularity[m.key] ?? 0));

  const run = (runMode: BalanceMode) =>
    void actions.startBalance({
      mode: runMode,
      measures: chosen.map((m) => ({ key: m.key, weight: weights[m.key]!, tolerance: tolerancePct / 100 })),
      seed,
      ...(runMode === 'local' && selected !== null ? { touched: [selected] } : {}),
    });

  const running = job?.state === 'running';
  return (
    <details className="balance-panel" data-testid="balance-panel">
      <summary>{t('balance.title')}</summary>
      <fieldset disabled={running}>
        <div className="row">
          <label>
            <input type="radio" name="balance-mode" checked={mode === 'realign'} onChange={() => setMode('realign')} />
            {t('balance.mode.realign')}
          </label>
          <label>
            <input type="radio" name="balance-mode" checked={mode === 'build'} onChange={() => setMode('build')} />
            {t('balance.mode.build')}
          </label>
        </div>
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
                <td className="muted" title={t('balance.granularityTitle')}>
                  g {pct(granularity[m.key] ?? 0)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className={`muted ${tolerancePct / 100 < worstGranularity / 2 ? 'warning' : ''}`} data-testid="granularity-note">
          {t('balance.toleranceNote', { tolerance: pct(tolerancePct / 100), bound: pct(worstGranularity / 2) })}
        </p>
        <div className="row">
          <label>
            {t('balance.seed')}
            <input type="number" min={0} step={1} value={seed} onChange={(e) => setSeed(Math.max(0, Math.floor(Number(e.target.value) || 0)))} />
          </label>
          <button type="button" className="primary" disabled={chosen.length === 0} onClick={() => run(mode)}>
            {t('balance.run')}
          </button>
          <button type="button" disabled={chosen.length === 0 || selected === null} onClick={() => run('local')} title={t('balance.localTitle')}>
            {t('balance.local')}
          </button>
        </div>
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
      {proposal && (
        <div className="balance-proposal" data-testid="balance-proposal">
          <table>
            <thead>
              <tr>
                <th />
                <th className="num">{t('balance.before')}</th>
                <th className="num">{t('balance.after')}</th>
              </tr>
            </thead>
            <tbody>
              {Object.keys(proposal.after.maxDeviation).map((k) => (
                <tr key={k}>
                  <th scope="row">{t('balance.maxDeviationOf', { measure: measures.find((m) => m.key === k)?.label ?? k })}</th>
                  <td className="num">{pct(proposal.before.maxDeviation[k] ?? 0)}</td>
                  <td className="num">{pct(proposal.after.maxDeviation[k] ?? 0)}</td>
                </tr>
              ))}
              <tr>
                <th scope="row">{t('balance.breaks')}</th>
                <td className="num">{number(proposal.before.contiguityBreaks)}</td>
                <td className="num">{number(proposal.after.contiguityBreaks)}</td>
              </tr>
              <tr>
                <th scope="row">{t('balance.travel')}</th>
                <td className="num">{proposal.before.meanTravelKm === null ? '–' : number(Math.round(proposal.before.meanTravelKm))}</td>
                <td className="num">{proposal.after.meanTravelKm === null ? '–' : number(Math.round(proposal.after.meanTravelKm))}</td>
              </tr>
            </tbody>
          </table>
          <p className="muted" data-testid="balance-moved">
            {t('balance.moved', {
              cells: number(proposal.disruption.movedCells),
              accounts: number(proposal.disruption.movedAccounts),
              share: pct(Math.max(0, ...Object.values(proposal.disruption.movedShare))),
              seconds: number(proposal.elapsedMs / 1000, { maximumFractionDigits: 1 }),
            })}
          </p>
          {proposal.unmet.map((u) => (
            <p key={u.measure} className="warning">
              {u.belowGranularity
                ? t('balance.unmetGranularity', { measure: u.measure, tolerance: pct(u.tolerance), bound: pct(u.granularity / 2), got: pct(u.maxDeviation) })
                : t('balance.unmet', { measure: u.measure, tolerance: pct(u.tolerance), got: pct(u.maxDeviation) })}
            </p>
          ))}
          <div className="row">
            <button type="button" className="primary" onClick={() => void actions.acceptBalance()}>{t('balance.accept')}</button>
            <button type="button" onClick={() => void actions.discardBalance()}>{t('balance.discard')}</button>
          </div>
        </div>
      )}
    </details>
  );
}
