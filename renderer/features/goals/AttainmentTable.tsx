import { useMemo, useState } from 'react';
import type { TerritoryAttainmentRow } from '../../../shared/contract/api';
import { useI18n } from '../../i18n/use-i18n';
import { attainmentColor } from '../../map/thematic';
import { useActions } from '../../stores/actions-context';
import { useAppStore } from '../../stores/use-app-store';
import { AttainmentChart } from './AttainmentChart';

type SortKey = 'name' | 'goal' | 'actual' | 'attainment' | 'trend' | 'potentialLeft';
const COLUMNS: SortKey[] = ['name', 'goal', 'actual', 'attainment', 'trend', 'potentialLeft'];
const css = (c: readonly number[]) => `rgb(${c[0]}, ${c[1]}, ${c[2]})`;

/** Sorts rows by a column; nulls last whatever the direction. */
export function sortAttainment(rows: readonly TerritoryAttainmentRow[], key: SortKey, ascending: boolean): TerritoryAttainmentRow[] {
  const value = (r: TerritoryAttainmentRow) => (key === 'name' ? r.name : r[key]);
  return [...rows].sort((a, b) => {
    const [x, y] = [value(a), value(b)];
    if (x === null && y === null) return 0;
    if (x === null) return 1;
    if (y === null) return -1;
    const c = typeof x === 'string' ? x.localeCompare(y as string) : (x as number) - (y as number);
    return ascending ? c : -c;
  });
}

/**
 * Attainment of the chosen goal measure: period and flag threshold, the total, a sortable
 * table (flagged territories marked, each goal editable by hand) and the chart of the
 * selected territory over the periods.
 */
export function AttainmentTable() {
  const { t, number } = useI18n();
  const actions = useActions();
  const report = useAppStore((s) => s.attainment);
  const catalog = useAppStore((s) => s.actualsCatalog);
  const goalSets = useAppStore((s) => s.goalSets);
  const view = useAppStore((s) => s.goalsView);
  const mode = useAppStore((s) => s.mapMode);
  const locked = useAppStore((s) => s.scenarios.find((x) => x.id === s.scenarioId)?.locked ?? false);
  const [sort, setSort] = useState<{ key: SortKey; ascending: boolean }>({ key: 'attainment', ascending: true });
  const [chosen, setChosen] = useState<number | null>(null);
  const [editing, setEditing] = useState<{ id: number; text: string } | null>(null);
  const rows = useMemo(() => (report ? sortAttainment(report.territories, sort.key, sort.ascending) : []), [report, sort]);
  const pct = (v: number | null) => (v === null ? '–' : `${number(v * 100, { maximumFractionDigits: 1 })} %`);
  const amount = (v: number | null) => (v === null ? '–' : number(v, { maximumFractionDigits: 0 }));
  const chart = report?.territories.find((r) => r.id === chosen) ?? null;

  const saveGoal = async () => {
    if (!editing || !report) return;
    const value = Number(editing.text.replace(/[\s,_']/g, ''));
    setEditing(null);
    if (Number.isFinite(value) && value >= 0) await actions.goals.setTerritoryGoal(report.measure, editing.id, value);
  };

  return (
    <section aria-labelledby="goals-attainment" data-testid="attainment">
      <h3 id="goals-attainment">{t('goals.attainment')}</h3>
      <div className="goals-form">
        <label>
          {t('goals.period')}{' '}
          <select value={view.period ?? ''} onChange={(e) => actions.goals.setView({ period: e.target.value || null })} data-testid="attainment-period">
            <option value="">{t('goals.allPeriods')}</option>
            {(catalog?.periods ?? []).map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('goals.threshold')}{' '}
          <input
            type="number"
            min={0}
            max={500}
            step={5}
            className="goals-weight"
            value={Math.round(view.threshold * 100)}
            onChange={(e) => Number.isFinite(e.target.valueAsNumber) && actions.goals.setView({ threshold: e.target.valueAsNumber / 100 })}
            data-testid="attainment-threshold"
          />{' '}
          %
        </label>
        <button type="button" disabled={!report || mode === 'attainment'} onClick={() => actions.setMapMode('attainment')} data-testid="attainment-map">
          {t('goals.showOnMap')}
        </button>
      </div>
      {!report ? (
        <p className="muted">{t('goals.needBoth', { measure: view.measure ?? '…' })}</p>
      ) : (
        <>
          <p data-testid="attainment-summary">
            {t('goals.summary', {
              actual: amount(report.totals.actual),
              goal: amount(report.totals.goal),
              attainment: pct(report.totals.attainment),
              flagged: report.flagged.length,
              threshold: pct(report.threshold),
            })}
          </p>
          <div className="attainment-scroll">
          <table className="attainment-table" data-testid="attainment-table">
            <thead>
              <tr>
                <th aria-label={t('goals.flagged')} />
                {COLUMNS.map((c) => (
                  <th key={c} aria-sort={sort.key === c ? (sort.ascending ? 'ascending' : 'descending') : 'none'}>
                    <button type="button" className="link" onClick={() => setSort({ key: c, ascending: sort.key === c ? !sort.ascending : c === 'name' })}>
                      {t(`goals.col.${c === 'name' ? 'territory' : c}`)}
                    </button>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr
                  key={r.id}
                  data-territory-id={r.id}
                  data-flagged={r.flagged ? 'true' : 'false'}
                  aria-selected={chosen === r.id}
                  className={`${r.flagged ? 'flagged' : ''}${chosen === r.id ? ' selected' : ''}`}
                  onClick={() => setChosen(chosen === r.id ? null : r.id)}
                >
                  <td>{r.flagged && <span className="flag" title={t('goals.flagged')}>⚑</span>}</td>
                  <td>{r.name}</td>
                  <td className="num" onDoubleClick={(e) => (e.stopPropagation(), !locked && setEditing({ id: r.id, text: String(goalSets.find((g) => g.measure === report.measure)?.territories.find((x) => x.id === r.id)?.goal ?? 0) }))} title={t('goals.editGoal')}>
                    {editing?.id === r.id ? (
                      <input
                        autoFocus
                        className="goals-weight"
                        value={editing.text}
                        onClick={(e) => e.stopPropagation()}
                        onChange={(e) => setEditing({ id: r.id, text: e.target.value })}
                        onBlur={() => void saveGoal()}
                        onKeyDown={(e) => {
                          e.stopPropagation();
                          if (e.key === 'Enter') void saveGoal();
                          else if (e.key === 'Escape') setEditing(null);
                        }}
                        aria-label={t('goals.editGoal')}
                      />
                    ) : (
                      amount(r.goal)
                    )}
                  </td>
                  <td className="num">{amount(r.actual)}</td>
                  <td className="num">
                    <span className="swatch" style={{ background: css(attainmentColor(r.attainment, report.threshold)) }} aria-hidden="true" /> {pct(r.attainment)}
                  </td>
                  <td className="num">{r.trend === null ? '–' : t('goals.trendPerPeriod', { value: `${r.trend > 0 ? '+' : ''}${number(r.trend * 100, { maximumFractionDigits: 1 })}` })}</td>
                  <td className="num">{amount(r.potentialLeft)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          </div>
          {report.regions.length > 0 && (
            <table className="attainment-table" data-testid="attainment-regions">
              <thead>
                <tr>
                  <th aria-label={t('goals.flagged')} />
                  <th>{t('goals.col.region')}</th>
                  <th>{t('goals.col.goal')}</th>
                  <th>{t('goals.col.actual')}</th>
                  <th>{t('goals.col.attainment')}</th>
                </tr>
              </thead>
              <tbody>
                {report.regions.map((g) => (
                  <tr key={g.id} className={g.flagged ? 'flagged' : ''} data-flagged={g.flagged ? 'true' : 'false'}>
                    <td>{g.flagged && <span className="flag" title={t('goals.flagged')}>⚑</span>}</td>
                    <td>{t('goals.regionName', { name: g.name, count: g.territories })}</td>
                    <td className="num">{amount(g.goal)}</td>
                    <td className="num">{amount(g.actual)}</td>
                    <td className="num">{pct(g.attainment)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {chart ? <AttainmentChart row={chart} threshold={report.threshold} /> : <p className="muted">{t('goals.chartHint')}</p>}
        </>
      )}
    </section>
  );
}
