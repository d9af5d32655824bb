import { useMemo, useState, type ReactNode } from 'react';
import type { ScenarioComparison, TerritoryDelta } from '../../../shared/contract/scenario-api';
import { useI18n } from '../../i18n/use-i18n';
import { useAppStore } from '../../stores/use-app-store';
import { compareFormat } from './compare-format';
import { sortDeltas, type DeltaSort, type DeltaSortKey } from './delta-sort';

/** A before → after pair with its signed change; the change is dropped when nothing changed. */
function Change({ before, after, delta, sign }: { before: string; after: string; delta?: string; sign?: number }) {
  const same = before === after;
  return (
    <span className="compare-change">
      {!same && (
        <>
          <span className="before">{before}</span>
          <span className="arrow" aria-hidden="true">
            {' → '}
          </span>
        </>
      )}
      <span className="after">{after}</span>
      {delta ? <span className={`delta ${sign !== undefined && sign < 0 ? 'down' : 'up'}`}>{delta}</span> : null}
    </span>
  );
}

/** The per-territory change from base to other: rep, accounts, each measure, deviation, travel and accounts gained or lost. */
export function DeltaTable({ comparison }: { comparison: ScenarioComparison }) {
  const i18n = useI18n();
  const { t, number } = i18n;
  const fmt = useMemo(() => compareFormat(i18n), [i18n]);
  const allMeasures = useAppStore((s) => s.measures);
  const reps = useAppStore((s) => s.reps);
  const balanceKey = useAppStore((s) => s.balanceKey);
  const repName = useMemo(() => new Map(reps.map((r) => [r.id, r.name])), [reps]);
  const labelOf = useMemo(() => new Map(allMeasures.map((m) => [m.key, m.label])), [allMeasures]);
  // Accounts have their own column; the other measures follow the comparison's order.
  const measures = useMemo(() => comparison.measures.filter((k) => k !== 'accounts'), [comparison.measures]);
  const defaultDeviation =
    (balanceKey && comparison.measures.includes(balanceKey) ? balanceKey : null) ??
    (measures.includes('workload') ? 'workload' : (measures[0] ?? comparison.measures[0] ?? null));
  const [sort, setSort] = useState<Omit<DeltaSort, 'deviationKey'>>({ key: 'name', desc: false });
  const [chosenDeviation, setDeviationKey] = useState<string | null>(null);
  const deviationKey = chosenDeviation !== null && comparison.measures.includes(chosenDeviation) ? chosenDeviation : defaultDeviation;

  const nameOfRep = (id: string | null) => (id === null ? t('compare.deltas.vacant') : (repName.get(id) ?? id));
  const rows = useMemo(
    () => sortDeltas(comparison.territories, { ...sort, deviationKey }, (id) => repName.get(id) ?? id),
    [comparison.territories, sort, deviationKey, repName],
  );

  const header = (key: DeltaSortKey, label: ReactNode, numeric = false, title?: string) => (
    <th scope="col" className={numeric ? 'num' : undefined} aria-sort={sort.key === key ? (sort.desc ? 'descending' : 'ascending') : 'none'} title={title}>
      <button type="button" onClick={() => setSort({ key, desc: sort.key === key ? !sort.desc : numeric })}>
        {label}
        {sort.key === key ? (sort.desc ? ' ▾' : ' ▴') : ''}
      </button>
    </th>
  );

  const status = (x: TerritoryDelta) =>
    !x.inBase ? <span className="compare-badge new">{t('compare.deltas.new')}</span> : !x.inOther ? <span className="compare-badge removed">{t('compare.deltas.removed')}</span> : null;

  return (
    <section className="compare-deltas" aria-labelledby="compare-deltas-title">
      <header className="panel-header">
        <h3 id="compare-deltas-title">{t('compare.deltas.title', { count: comparison.territories.length })}</h3>
        {deviationKey !== null && (
          <label className="compare-inline">
            {t('compare.deltas.deviationOn')}
            <select value={deviationKey} onChange={(e) => setDeviationKey(e.target.value)}>
              {comparison.measures.map((k) => (
                <option key={k} value={k}>
                  {labelOf.get(k) ?? k}
                </option>
              ))}
            </select>
          </label>
        )}
      </header>
      <div className="table-scroll compare-table">
        <table data-testid="compare-deltas">
          <thead>
            <tr>
              {header('name', t('compare.deltas.territory'))}
              {header('rep', t('compare.deltas.rep'))}
              {header('accounts', t('compare.deltas.accounts'), true, t('compare.deltas.sortByChange'))}
              {measures.map((k) => header(`m:${k}`, labelOf.get(k) ?? k, true, t('compare.deltas.sortByChange')))}
              {header('deviation', t('compare.deltas.deviation', { measure: deviationKey ? (labelOf.get(deviationKey) ?? deviationKey) : '' }), true, t('compare.deltas.sortByDeviation'))}
              {header('travel', t('compare.deltas.travel'), true)}
              {header('gained', t('compare.deltas.gained'), true)}
              {header('lost', t('compare.deltas.lost'), true)}
            </tr>
          </thead>
          <tbody>
            {rows.map((x) => {
              const dev = deviationKey ? x.deviation[deviationKey] : undefined;
              const renamed = x.names.before !== null && x.names.after !== null && x.names.before !== x.names.after;
              return (
                <tr key={x.id} data-testid="delta-row" data-territory-id={x.id} className={!x.inOther ? 'removed' : !x.inBase ? 'added' : undefined}>
                  <td>
                    <span className="name-cell" title={renamed ? `${x.names.before} → ${x.names.after}` : x.name}>
                      <span className="swatch" style={{ background: x.color }} aria-hidden="true" />
                      <span className="name">{x.name}</span>
                      {status(x)}
                    </span>
                  </td>
                  <td className="rep">
                    <Change before={x.inBase ? nameOfRep(x.rep.before) : '—'} after={x.inOther ? nameOfRep(x.rep.after) : '—'} />
                  </td>
                  <td className="num">
                    <Change
                      before={number(x.accounts.before)}
                      after={number(x.accounts.after)}
                      delta={fmt.delta(x.accounts.after - x.accounts.before)}
                      sign={x.accounts.after - x.accounts.before}
                    />
                  </td>
                  {measures.map((k) => {
                    const m = x.measures[k] ?? { before: 0, after: 0 };
                    return (
                      <td key={k} className="num">
                        <Change before={fmt.value(m.before)} after={fmt.value(m.after)} delta={fmt.delta(m.after - m.before)} sign={m.after - m.before} />
                      </td>
                    );
                  })}
                  <td className="num">
                    <Change before={fmt.percent(dev?.before ?? null, true)} after={fmt.percent(dev?.after ?? null, true)} />
                  </td>
                  <td className="num">
                    <Change before={fmt.km(x.travelKm.before)} after={fmt.km(x.travelKm.after)} />
                  </td>
                  <td className="num">{x.gained ? number(x.gained) : ''}</td>
                  <td className="num">{x.lost ? number(x.lost) : ''}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
