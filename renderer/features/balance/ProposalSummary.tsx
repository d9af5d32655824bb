import type { BalanceProposal } from '../../../shared/contract/api';
import { useI18n } from '../../i18n/use-i18n';
import { useActions } from '../../stores/actions-context';
import { useAppStore } from '../../stores/use-app-store';

/** The first few names, then how many more. */
function listNames(territories: readonly { name: string }[], t: (key: string, params: Record<string, string | number>) => string): string {
  const names = territories.slice(0, 4).map((x) => x.name).join(', ');
  return territories.length > 4 ? t('balance.andMore', { names, count: territories.length - 4 }) : names;
}

/**
 * A balance proposal's figures before and after, the territories it adds and removes,
 * what moves, the tolerances it could not meet (with the granularity that explains it),
 * and accept or discard.
 * @param nothingBefore the scenario has no territories yet (no "now" figures to show)
 */
export function ProposalSummary({ proposal, nothingBefore }: { proposal: BalanceProposal; nothingBefore: boolean }) {
  const { t, number } = useI18n();
  const actions = useActions();
  const measures = useAppStore((s) => s.measures);
  const pct = (v: number) => number(v, { style: 'percent', maximumFractionDigits: 1 });
  return (
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
              <td className="num">{nothingBefore ? '–' : pct(proposal.before.maxDeviation[k] ?? 0)}</td>
              <td className="num">{pct(proposal.after.maxDeviation[k] ?? 0)}</td>
            </tr>
          ))}
          <tr>
            <th scope="row">{t('balance.breaks')}</th>
            <td className="num">{nothingBefore ? '–' : number(proposal.before.contiguityBreaks)}</td>
            <td className="num">{number(proposal.after.contiguityBreaks)}</td>
          </tr>
          <tr>
            <th scope="row">{t('balance.travel')}</th>
            <td className="num">{proposal.before.meanTravelKm === null ? '–' : number(Math.round(proposal.before.meanTravelKm))}</td>
            <td className="num">{proposal.after.meanTravelKm === null ? '–' : number(Math.round(proposal.after.meanTravelKm))}</td>
          </tr>
        </tbody>
      </table>
      {proposal.created.length + proposal.deleted.length > 0 && (
        <p className="muted" data-testid="balance-layout">
          {[
            proposal.created.length > 0 ? t('balance.adds', { count: proposal.created.length, names: listNames(proposal.created, t) }) : '',
            proposal.deleted.length > 0 ? t('balance.removes', { count: proposal.deleted.length, names: listNames(proposal.deleted, t) }) : '',
          ]
            .filter((x) => x !== '')
            .join(' ')}
        </p>
      )}
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
  );
}
