import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import type { ScenarioComparison } from '../../../shared/contract/scenario-api';
import { useI18n } from '../../i18n/use-i18n';
import { useAppStore } from '../../stores/use-app-store';
import { filterMoved, movedSearchKeys, NO_FILTER, type MovedFilter } from './compare-filters';
import { compareFormat, territoryNameOn, territoryNamesBySide } from './compare-format';

/** Rows rendered at a time; "Show more" adds as many again. */
export const MOVED_PAGE = 200;
const ANY = 'any';

/** The accounts whose territory changes, with search, from/to and rep-change filters; rendered a page at a time. */
export function MovedAccountsTable({ comparison }: { comparison: ScenarioComparison }) {
  const i18n = useI18n();
  const { t } = i18n;
  const fmt = useMemo(() => compareFormat(i18n), [i18n]);
  const allMeasures = useAppStore((s) => s.measures);
  const labelOf = useMemo(() => new Map(allMeasures.map((m) => [m.key, m.label])), [allMeasures]);
  const measures = useMemo(() => comparison.measures.filter((k) => k !== 'accounts'), [comparison.measures]);
  const { moved, territories } = comparison;
  const [filter, setFilter] = useState<MovedFilter>(NO_FILTER);
  const search = useDeferredValue(filter.search);
  const [limit, setLimit] = useState(MOVED_PAGE);

  const keys = useMemo(() => movedSearchKeys(moved), [moved]);
  const rows = useMemo(() => filterMoved(moved, { ...filter, search }, keys), [moved, filter, search, keys]);
  // A new filter or comparison starts again from the first page.
  useEffect(() => setLimit(MOVED_PAGE), [moved, filter.from, filter.to, filter.repOnly, search]);

  const names = useMemo(() => territoryNamesBySide(territories), [territories]);
  const colorOf = useMemo(() => new Map(territories.map((x) => [x.id, x.color])), [territories]);
  const territoryName = (id: number, side: 'before' | 'after') => territoryNameOn(names, id, side, t('compare.unassigned'));
  // Territories that accounts actually leave and join, for the two selects.
  const choices = useMemo(() => {
    const seen = (column: Int32Array) => new Set(column);
    const from = seen(moved.from);
    const to = seen(moved.to);
    const list = (ids: Set<number>, side: 'before' | 'after') =>
      [...ids]
        .map((id) => ({ id, name: territoryNameOn(names, id, side, t('compare.unassigned')) }))
        .sort((a, b) => (a.id < 0 ? 1 : b.id < 0 ? -1 : a.name.localeCompare(b.name)));
    return { from: list(from, 'before'), to: list(to, 'after') };
  }, [moved, names, t]);

  const shown = Math.min(limit, rows.length);
  const territoryCell = (id: number, side: 'before' | 'after') => (
    <span className="name-cell">
      <span className="swatch" style={{ background: id < 0 ? 'transparent' : (colorOf.get(id) ?? 'transparent') }} aria-hidden="true" />
      <span className="name">{territoryName(id, side)}</span>
    </span>
  );
  const select = (side: 'from' | 'to') => (
    <label className="compare-inline">
      {t(side === 'from' ? 'compare.moved.from' : 'compare.moved.to')}
      <select
        value={filter[side] === null ? ANY : String(filter[side])}
        onChange={(e) => setFilter({ ...filter, [side]: e.target.value === ANY ? null : Number(e.target.value) })}
        data-testid={`moved-filter-${side}`}
      >
        <option value={ANY}>{t('compare.moved.any')}</option>
        {choices[side].map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <section className="compare-moved" aria-labelledby="compare-moved-title">
      <header className="panel-header">
        <h3 id="compare-moved-title">{t('compare.moved.title')}</h3>
        <span className="muted" data-testid="moved-accounts-count">
          {t('compare.moved.count', { count: rows.length, shown })}
        </span>
      </header>
      <div className="compare-filters">
        <input
          type="search"
          className="filter"
          placeholder={t('compare.moved.search')}
          aria-label={t('compare.moved.search')}
          value={filter.search}
          onChange={(e) => setFilter({ ...filter, search: e.target.value })}
          data-testid="moved-filter-search"
        />
        {select('from')}
        {select('to')}
        <label className="compare-inline">
          <input type="checkbox" checked={filter.repOnly} onChange={(e) => setFilter({ ...filter, repOnly: e.target.checked })} data-testid="moved-filter-rep" />
          {t('compare.moved.repOnly')}
        </label>
      </div>
      {moved.ids.length === 0 ? (
        <p className="muted">{t('compare.moved.none')}</p>
      ) : rows.length === 0 ? (
        <p className="muted">{t('compare.moved.noMatch')}</p>
      ) : (
        <div className="table-scroll compare-table">
          <table data-testid="moved-accounts">
            <thead>
              <tr>
                <th scope="col">{t('compare.moved.id')}</th>
                <th scope="col">{t('compare.moved.name')}</th>
                <th scope="col">{t('compare.moved.from')}</th>
                <th scope="col">{t('compare.moved.to')}</th>
                <th scope="col">{t('compare.moved.repChange')}</th>
                {measures.map((k) => (
                  <th key={k} scope="col" className="num">
                    {labelOf.get(k) ?? k}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {Array.from(rows.subarray(0, shown), (r) => (
                <tr key={r} data-testid="moved-account-row">
                  <td className="id">{moved.ids[r]}</td>
                  <td className="account-name">{moved.names[r]}</td>
                  <td>{territoryCell(moved.from[r]!, 'before')}</td>
                  <td>{territoryCell(moved.to[r]!, 'after')}</td>
                  <td>{moved.repChanged[r] ? t('compare.yes') : t('compare.no')}</td>
                  {measures.map((k) => (
                    <td key={k} className="num">
                      {fmt.value(moved.measures[k]?.[r])}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {shown < rows.length && (
        <div className="compare-more">
          <button type="button" onClick={() => setLimit(limit + MOVED_PAGE)}>
            {t('compare.moved.showMore')}
          </button>
        </div>
      )}
    </section>
  );
}
