import { useMemo, useState } from 'react';
import type { TerritorySummary } from '../../../shared/contract/api';
import { homeOutside } from '../../../shared/domain/metrics/territory-shape';
import { useI18n } from '../../i18n/use-i18n';
import { useActions } from '../../stores/actions-context';
import { TerritoryDetails } from './TerritoryDetails';
import { useAppStore } from '../../stores/use-app-store';
import { BalancePanel } from '../balance/BalancePanel';
import { BalanceChart } from './BalanceChart';
import { RegionTable } from './RegionTable';
import { useBalance } from './use-balance';
import { useLiveTerritories } from './use-live-territories';

type ShapeKey = 'areaKm2' | 'contiguityBreaks' | 'compactness' | 'meanDistanceKm' | 'maxDistanceKm' | 'homeGapKm';
type SortKey = 'name' | 'rep' | 'accounts' | 'cells' | 'deviation' | ShapeKey | `m:${string}`;
const SHAPE_KEYS: ShapeKey[] = ['areaKm2', 'contiguityBreaks', 'compactness', 'meanDistanceKm', 'maxDistanceKm', 'homeGapKm'];

/** The territory table: accounts, cells and each measure's total per territory; sortable, filterable, renamable. */
export function TerritoryList() {
  const { t, number, compact } = useI18n();
  const actions = useActions();
  const { territories, changing } = useLiveTerritories();
  const allMeasures = useAppStore((s) => s.measures);
  const measures = useMemo(() => allMeasures.filter((m) => m.key !== 'accounts'), [allMeasures]);
  const reps = useAppStore((s) => s.reps);
  const selected = useAppStore((s) => s.selectedTerritoryId);
  const [sort, setSort] = useState<{ key: SortKey; desc: boolean }>({ key: 'name', desc: false });
  const [filter, setFilter] = useState('');
  const [editing, setEditing] = useState<number | null>(null);
  const repName = useMemo(() => new Map(reps.map((r) => [r.id, r.name])), [reps]);
  const balance = useBalance(territories);
  const { deviation, tolerance, tolerancePct } = balance;
  const balanceMeasure = balance.measure;

  const valueOf = (x: TerritorySummary, key: SortKey): string | number => {
    if (key === 'deviation') return deviation.get(x.id) ?? 0;
    if (key === 'name') return x.name;
    if (key === 'rep') return x.repId ? (repName.get(x.repId) ?? x.repId) : '';
    if (key === 'accounts' || key === 'cells') return x[key];
    if ((SHAPE_KEYS as string[]).includes(key)) return x[key as ShapeKey] ?? -1;
    return x.measures[key.slice(2)] ?? 0;
  };
  const rows = useMemo(() => {
    const needle = filter.trim().toLocaleLowerCase();
    const list = territories.filter(
      (x) => !needle || x.name.toLocaleLowerCase().includes(needle) || (x.repId && (repName.get(x.repId) ?? '').toLocaleLowerCase().includes(needle)),
    );
    return list.sort((a, b) => {
      const va = valueOf(a, sort.key);
      const vb = valueOf(b, sort.key);
      const c = typeof va === 'number' && typeof vb === 'number' ? va - vb : String(va).localeCompare(String(vb));
      return sort.desc ? -c : c;
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [territories, sort, filter, repName, deviation]);

  const totals = useMemo(() => {
    const out = { accounts: 0, cells: 0, areaKm2: 0, breaks: 0, homesOutside: 0, measures: {} as Record<string, number> };
    for (const x of territories) {
      if (homeOutside(x)) out.homesOutside++;
      out.accounts += x.accounts;
      out.cells += x.cells;
      out.areaKm2 += x.areaKm2;
      out.breaks += x.contiguityBreaks;
      for (const [k, v] of Object.entries(x.measures)) out.measures[k] = (out.measures[k] ?? 0) + v;
    }
    return out;
  }, [territories]);

  const header = (key: SortKey, label: string, numeric = false) => (
    <th scope="col" className={numeric ? 'num' : undefined} aria-sort={sort.key === key ? (sort.desc ? 'descending' : 'ascending') : 'none'}>
      <button type="button" onClick={() => setSort({ key, desc: sort.key === key ? !sort.desc : numeric })}>
        {label}
        {sort.key === key ? (sort.desc ? ' ▾' : ' ▴') : ''}
      </button>
    </th>
  );

  return (
    <section className="territory-list" aria-labelledby="territories-title">
      <header className="panel-header">
        <h2 id="territories-title">{t('territories.title')}</h2>
        <span className="muted">{t('territories.count', { count: territories.length })}</span>
      </header>
      <TerritoryDetails />
      {balanceMeasure && (
        <div className="balance-controls">
          <label>
            {t('territories.balanceOn')}
            <select value={balanceMeasure.key} onChange={(e) => actions.setBalanceKey(e.target.value)}>
              {allMeasures.map((m) => (
                <option key={m.key} value={m.key}>{m.label}</option>
              ))}
            </select>
          </label>
          <label>
            {t('territories.tolerance')}
            <input type="number" min={0} max={100} step={1} value={tolerancePct} onChange={(e) => actions.setTolerancePct(Number(e.target.value) || 0)} />
            %
          </label>
          <span className="muted" data-testid="outside-tolerance">
            {t('territories.outside', { count: balance.outside })}
          </span>
        </div>
      )}
      {balanceMeasure && territories.length > 0 && <BalanceChart territories={territories} deviation={deviation} tolerance={tolerance} />}
      <BalancePanel />
      <input
        className="filter"
        type="search"
        placeholder={t('territories.filter')}
        aria-label={t('territories.filter')}
        value={filter}
        onChange={(e) => setFilter(e.target.value)}
      />
      <RegionTable territories={territories} />
      {territories.length === 0 ? (
        <p className="muted">{t('territories.empty')}</p>
      ) : (
        <div className="table-scroll">
          <table data-testid="territory-table">
            <thead>
              <tr>
                {header('name', t('territories.column.name'))}
                {header('rep', t('territories.column.rep'))}
                {header('deviation', t('territories.column.deviation'), true)}
                {header('accounts', t('territories.column.accounts'), true)}
                {measures.map((m) => header(`m:${m.key}`, m.label, true))}
                {header('cells', t('territories.column.cells'), true)}
                {SHAPE_KEYS.map((k) => header(k, t(`territories.column.${k}`), true))}
              </tr>
            </thead>
            <tbody>
              {rows.map((x) => (
                <tr
                  key={x.id}
                  data-territory-id={x.id}
                  className={[x.id === selected ? 'selected' : '', changing.has(x.id) ? 'changing' : ''].join(' ').trim() || undefined}
                  aria-selected={x.id === selected}
                  onClick={() => actions.selectAndZoom(x.id)}
                >
                  <td className="name-cell" title={t('territories.rename')} onDoubleClick={() => setEditing(x.id)}>
                    <span className="swatch" style={{ background: x.color }} aria-hidden="true" />
                    {editing === x.id ? (
                      <input
                        autoFocus
                        defaultValue={x.name}
                        aria-label={t('territories.renameInput', { name: x.name })}
                        onClick={(e) => e.stopPropagation()}
                        onKeyDown={(e) => {
                          if (e.key === 'Escape') setEditing(null);
                          if (e.key === 'Enter') {
                            const name = e.currentTarget.value.trim();
                            setEditing(null);
                            if (name && name !== x.name) void actions.renameTerritory(x.id, name);
                          }
                        }}
                        onBlur={() => setEditing(null)}
                      />
                    ) : (
                      <span className="name">{x.name}</span>
                    )}
                  </td>
                  <td className="rep">{x.repId ? (repName.get(x.repId) ?? x.repId) : <em className="muted">{t('territories.vacant')}</em>}</td>
                  <td
                    className={`num deviation ${Math.abs(deviation.get(x.id) ?? 0) > tolerancePct / 100 ? ((deviation.get(x.id) ?? 0) > 0 ? 'over' : 'under') : 'within'}`}
                    title={t('territories.deviationTitle', { measure: balanceMeasure?.label ?? '' })}
                  >
                    {number(deviation.get(x.id) ?? 0, { style: 'percent', maximumFractionDigits: 1, signDisplay: 'exceptZero' })}
                  </td>
                  <td className="num">{number(x.accounts)}</td>
                  {measures.map((m) => (
                    <td key={m.key} className="num" title={`${number(x.measures[m.key] ?? 0)} ${m.unit}`}>
                      {compact(x.measures[m.key] ?? 0)}
                    </td>
                  ))}
                  <td className="num">{number(x.cells)}</td>
                  <td className="num">{number(Math.round(x.areaKm2))}</td>
                  <td
                    className={`num ${x.contiguityBreaks > 0 ? 'over' : ''}`}
                    title={t('territories.piecesTitle', { pieces: x.pieces, breaks: x.contiguityBreaks })}
                  >
                    {x.contiguityBreaks > 0 ? `+${x.contiguityBreaks}` : '✓'}
                  </td>
                  <td className="num">{x.compactness === null ? '–' : number(x.compactness, { maximumFractionDigits: 2, minimumFractionDigits: 2 })}</td>
                  <td className="num">{x.meanDistanceKm === null ? '–' : number(Math.round(x.meanDistanceKm))}</td>
                  <td className="num">{x.maxDistanceKm === null ? '–' : number(Math.round(x.maxDistanceKm))}</td>
                  <td
                    className={`num home-gap ${homeOutside(x) ? 'over' : ''}`}
                    title={x.homeGapKm === null ? undefined : t(homeOutside(x) ? 'territories.homeOutsideTitle' : 'territories.homeInsideTitle')}
                  >
                    {x.homeGapKm === null ? '–' : homeOutside(x) ? number(Math.round(x.homeGapKm)) : '⌂'}
                  </td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('territories.total')}</th>
                <td />
                <td />
                <td className="num">{number(totals.accounts)}</td>
                {measures.map((m) => (
                  <td key={m.key} className="num">
                    {compact(totals.measures[m.key] ?? 0)}
                  </td>
                ))}
                <td className="num">{number(totals.cells)}</td>
                <td className="num">{number(Math.round(totals.areaKm2))}</td>
                <td className="num">{totals.breaks > 0 ? `+${totals.breaks}` : '✓'}</td>
                <td />
                <td />
                <td />
                <td className="num" title={t('territories.homesOutsideTitle')}>
                  {totals.homesOutside > 0 ? number(totals.homesOutside) : ''}
                </td>
              </tr>
            </tfoot>
          </table>
        </div>
      )}
    </section>
  );
}
