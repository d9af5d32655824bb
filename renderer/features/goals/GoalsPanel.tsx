import { useRef, useState } from 'react';
import type { ActualsReport } from '../../../shared/contract/api';
import { useI18n } from '../../i18n/use-i18n';
import { useActions } from '../../stores/actions-context';
import { useAppStore } from '../../stores/use-app-store';
import { AttainmentTable } from './AttainmentTable';
import { downloadText } from '../../ui/download-text';

const STEPS = [0, 1, 10, 100, 1000, 10000, 100000];
const ISSUES_SHOWN = 10;

/**
 * The goals panel: import actual results, derive the scenario's goals from a total split by
 * a measure or a blend of two (rounded, summing to the total), and read attainment per
 * territory with the under-performers flagged.
 */
export function GoalsPanel() {
  const { t, number } = useI18n();
  const actions = useActions();
  const measures = useAppStore((s) => s.measures);
  const goalSets = useAppStore((s) => s.goalSets);
  const catalog = useAppStore((s) => s.actualsCatalog);
  const view = useAppStore((s) => s.goalsView);
  const scenario = useAppStore((s) => s.scenarios.find((x) => x.id === s.scenarioId) ?? null);
  const file = useRef<HTMLInputElement>(null);
  const [report, setReport] = useState<ActualsReport | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const current = goalSets.find((g) => g.measure === view.measure) ?? null;
  const potential = measures.find((m) => m.key !== 'accounts')?.key ?? measures[0]?.key ?? '';
  const [measure, setMeasure] = useState(view.measure ?? catalog?.measures[0] ?? 'revenue');
  const [total, setTotal] = useState(current ? String(current.total) : '');
  const [by, setBy] = useState(current ? (Object.keys(current.basis)[0] ?? potential) : potential);
  const [byWeight, setByWeight] = useState(current ? String(Object.values(current.basis)[0] ?? 1) : '1');
  const [and, setAnd] = useState(current ? (Object.keys(current.basis)[1] ?? '') : '');
  const [andWeight, setAndWeight] = useState(current ? String(Object.values(current.basis)[1] ?? 1) : '1');
  const [step, setStep] = useState(current?.step ?? 1000);

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  const importFile = (f: File) => run(async () => setReport(await actions.goals.importActuals(f)));
  const setGoals = () =>
    run(async () => {
      const value = Number(total.replace(/[\s,_']/g, ''));
      if (!Number.isFinite(value) || value < 0) throw new Error(t('goals.total') + ': ' + total);
      const basis: Record<string, number> = { [by]: Number(byWeight) || 0 };
      if (and && and !== by) basis[and] = Number(andWeight) || 0;
      await actions.goals.setGoals({ measure: measure.trim(), total: value, basis, step });
    });
  const label = (key: string) => measures.find((m) => m.key === key)?.label ?? key;

  return (
    <div className="scenario-panel goals-panel" data-testid="goals-panel">
      <section aria-labelledby="goals-actuals">
        <h3 id="goals-actuals">{t('goals.actuals')}</h3>
        <p className="muted" data-testid="goals-catalog">
          {catalog && catalog.periods.length > 0
            ? t('goals.catalog', { measures: catalog.measures.join(', '), count: catalog.periods.length, first: catalog.periods[0]!, last: catalog.periods.at(-1)! })
            : t('goals.noActuals')}
        </p>
        <button type="button" disabled={busy} title={t('goals.importActualsTitle')} onClick={() => file.current?.click()}>
          {t('goals.importActuals')}
        </button>
        <input
          ref={file}
          type="file"
          className="visually-hidden"
          tabIndex={-1}
          accept=".csv,.tsv,.txt,.xlsx"
          aria-label={t('goals.importActuals')}
          data-testid="actuals-file"
          onChange={(e) => {
            const f = e.target.files?.[0];
            e.target.value = '';
            if (f) void importFile(f);
          }}
        />
        {report && (
          <div data-testid="actuals-report">
            <p>
              {t('goals.imported', {
                fileName: report.fileName,
                rows: number(report.rowsRead),
                values: number(report.imported),
                periods: report.periods.join(', ') || '—',
                rejected: number(report.rejected),
              })}
            </p>
            {report.issues.length > 0 && (
              <ul className="goals-issues">
                {report.issues.slice(0, ISSUES_SHOWN).map((i, k) => (
                  <li key={k}>{t('goals.issue', { row: i.row, column: i.column, reason: i.reason, value: i.value })}</li>
                ))}
                {report.issueCount > ISSUES_SHOWN && <li className="muted">{t('goals.moreIssues', { count: number(report.issueCount - ISSUES_SHOWN) })}</li>}
              </ul>
            )}
            {report.rejects && (
              <button type="button" onClick={() => report.rejects && downloadText(report.rejects.fileName, report.rejects.csv)} data-testid="actuals-rejects">
                {t('import.downloadRejects')}
              </button>
            )}
          </div>
        )}
      </section>

      <section aria-labelledby="goals-goals">
        <h3 id="goals-goals">{t('goals.goals')}</h3>
        <div className="goals-form">
          <label>
            {t('goals.measure')}{' '}
            <input type="text" list="goal-measures" value={measure} onChange={(e) => setMeasure(e.target.value)} data-testid="goals-measure" maxLength={100} />
            <datalist id="goal-measures">
              {(catalog?.measures ?? []).map((m) => (
                <option key={m} value={m} />
              ))}
            </datalist>
          </label>
          <label>
            {t('goals.total')} <input type="text" inputMode="decimal" value={total} onChange={(e) => setTotal(e.target.value)} data-testid="goals-total" />
          </label>
          <label>
            {t('goals.splitBy')}{' '}
            <select value={by} onChange={(e) => setBy(e.target.value)} data-testid="goals-by">
              {measures.map((m) => (
                <option key={m.key} value={m.key}>
                  {m.label}
                </option>
              ))}
            </select>{' '}
            <input type="number" min={0} step="any" className="goals-weight" aria-label={t('goals.weight')} value={byWeight} onChange={(e) => setByWeight(e.target.value)} />
          </label>
          <label>
            {t('goals.and')}{' '}
            <select value={and} onChange={(e) => setAnd(e.target.value)}>
              <option value="">{t('goals.none')}</option>
              {measures
                .filter((m) => m.key !== by)
                .map((m) => (
                  <option key={m.key} value={m.key}>
                    {m.label}
                  </option>
                ))}
            </select>{' '}
            {and && <input type="number" min={0} step="any" className="goals-weight" aria-label={t('goals.weight')} value={andWeight} onChange={(e) => setAndWeight(e.target.value)} />}
          </label>
          <label>
            {t('goals.round')}{' '}
            <select value={step} onChange={(e) => setStep(Number(e.target.value))} data-testid="goals-round">
              {STEPS.map((s) => (
                <option key={s} value={s}>
                  {s === 0 ? t('goals.roundNone') : number(s)}
                </option>
              ))}
            </select>
          </label>
          <div className="goals-buttons">
            <button type="button" className="primary" disabled={busy || !scenario || scenario.locked || measure.trim() === '' || total.trim() === ''} onClick={() => void setGoals()} data-testid="goals-set">
              {t('goals.set')}
            </button>
            {current && (
              <button type="button" disabled={busy || !scenario || scenario.locked} title={t('goals.recomputeTitle')} onClick={() => void run(() => actions.goals.recompute(current.measure))}>
                {t('goals.recompute')}
              </button>
            )}
          </div>
        </div>
        <p className="muted" data-testid="goals-current">
          {current
            ? t('goals.current', {
                measure: current.measure,
                total: number(current.total),
                basis: Object.entries(current.basis)
                  .map(([k, w]) => (Object.keys(current.basis).length > 1 ? `${label(k)} ×${number(w)}` : label(k)))
                  .join(' + '),
                rounding: current.step > 0 ? t('goals.rounding', { step: number(current.step) }) : '',
              })
            : t('goals.noGoals', { measure: view.measure ?? measure })}
          {current?.inheritedFrom && ` ${t('goals.inherited', { baseline: current.inheritedFrom })}`}
        </p>
        {error && (
          <p className="error" role="alert" data-testid="goals-error">
            {error}
          </p>
        )}
      </section>

      <AttainmentTable />
    </div>
  );
}
