import { useMemo } from 'react';
import type { ScenarioComparison } from '../../../shared/contract/scenario-api';
import { useI18n } from '../../i18n/use-i18n';
import { useAppStore } from '../../stores/use-app-store';
import { compareFormat } from './compare-format';

/** How much the change from base to other disrupts: moved accounts and shares, rep changes, and both plans' figures. */
export function DisruptionSummary({ comparison }: { comparison: ScenarioComparison }) {
  const i18n = useI18n();
  const { t, number } = i18n;
  const fmt = useMemo(() => compareFormat(i18n), [i18n]);
  const measures = useAppStore((s) => s.measures);
  const labelOf = useMemo(() => new Map(measures.map((m) => [m.key, m.label])), [measures]);
  const { disruption, summary } = comparison;
  const label = (key: string) => labelOf.get(key) ?? key;

  return (
    <section className="compare-summary" data-testid="disruption-summary" aria-labelledby="compare-summary-title">
      <h3 id="compare-summary-title">{t('compare.summary.title')}</h3>
      <dl className="compare-figures">
        <div>
          <dt>{t('compare.summary.movedAccounts')}</dt>
          <dd data-testid="moved-accounts-figure">
            {t('compare.summary.movedOf', { moved: disruption.movedAccounts, total: disruption.totalAccounts })}
          </dd>
        </div>
        {comparison.measures.map((key) => (
          <div key={key}>
            <dt>{t('compare.summary.movedShare', { measure: label(key) })}</dt>
            <dd>{fmt.percent(disruption.movedShare[key] ?? 0)}</dd>
          </div>
        ))}
        <div>
          <dt>{t('compare.summary.changingRep')}</dt>
          <dd>{number(disruption.accountsChangingRep)}</dd>
        </div>
        <div>
          <dt>{t('compare.summary.movedCells')}</dt>
          <dd>{number(disruption.movedCells)}</dd>
        </div>
      </dl>
      <table className="compare-plan-figures">
        <thead>
          <tr>
            <th scope="col">{t('compare.summary.plan')}</th>
            <th scope="col" className="num">
              {comparison.base.name}
            </th>
            <th scope="col" className="num">
              {comparison.other.name}
            </th>
          </tr>
        </thead>
        <tbody>
          {comparison.measures.map((key) => {
            const d = summary.maxDeviation[key];
            return (
              <tr key={key}>
                <th scope="row">{t('compare.summary.maxDeviation', { measure: label(key) })}</th>
                <td className="num">{fmt.percent(d?.before)}</td>
                <td className="num">{fmt.percent(d?.after)}</td>
              </tr>
            );
          })}
          <tr>
            <th scope="row">{t('compare.summary.meanTravel')}</th>
            <td className="num">{fmt.km(summary.meanTravelKm.before)}</td>
            <td className="num">{fmt.km(summary.meanTravelKm.after)}</td>
          </tr>
          <tr>
            <th scope="row">{t('compare.summary.breaks')}</th>
            <td className="num">{number(summary.contiguityBreaks.before)}</td>
            <td className="num">{number(summary.contiguityBreaks.after)}</td>
          </tr>
        </tbody>
      </table>
      <p className="muted compare-elapsed">{t('compare.summary.elapsed', { ms: comparison.elapsedMs })}</p>
    </section>
  );
}
