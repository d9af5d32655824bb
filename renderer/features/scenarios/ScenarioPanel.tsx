import { useId, useMemo, useState } from 'react';
import type { ScenarioFigures } from '../../../shared/contract/scenario-api';
import type { ScenarioSummary } from '../../../shared/domain/model/workspace';
import { useI18n } from '../../i18n/use-i18n';
import { useActions } from '../../stores/actions-context';
import { useAppStore } from '../../stores/use-app-store';
import { balanceMeasure, rowFigures } from './scenario-figures';
import { scenarioTree } from './scenario-tree';
import { ArchivedRow, ScenarioRow, type RowForm } from './ScenarioRow';

/** The one inline form open in the panel: a row's, an archived row's delete, or the compare picker. */
type OpenForm = { kind: RowForm; id: number } | { kind: 'deleteArchived'; id: number } | { kind: 'compare' } | null;

/**
 * The scenario tree: every scenario that is not archived, each under the one it was
 * branched from, with its balance, travel and distance from the baseline; the current one
 * is highlighted and a click shows another. Archived scenarios sit in a section of their
 * own. "Compare…" opens the compare view on any two.
 */
export function ScenarioPanel() {
  const { t } = useI18n();
  const scenarios = useAppStore((s) => s.scenarios);
  const scenarioId = useAppStore((s) => s.scenarioId);
  const allFigures = useAppStore((s) => s.scenarioFigures);
  const measures = useAppStore((s) => s.measures);
  const balanceKey = useAppStore((s) => s.balanceKey);
  const [form, setForm] = useState<OpenForm>(null);

  const active = useMemo(() => scenarios.filter((s) => !s.archived), [scenarios]);
  const archived = useMemo(() => scenarios.filter((s) => s.archived), [scenarios]);
  const rows = useMemo(() => scenarioTree(active), [active]);
  const names = useMemo(() => scenarios.map((s) => s.name), [scenarios]);
  const figures = useMemo(() => new Map<number, ScenarioFigures>(allFigures.map((f) => [f.scenarioId, f])), [allFigures]);
  const baseline = scenarios.find((s) => s.isBaseline);
  const measure = balanceMeasure(measures, balanceKey);
  const onlyOne = scenarios.length <= 1;
  const rowForm = (id: number): RowForm | null => (form && form.kind !== 'compare' && form.kind !== 'deleteArchived' && form.id === id ? form.kind : null);

  return (
    <section className="scenario-panel" aria-labelledby="scenarios-title" data-testid="scenario-panel">
      <header className="panel-header">
        <h2 id="scenarios-title">{t('scenarios.title')}</h2>
        <span className="muted">{active.length === 1 ? t('scenarios.count.one') : t('scenarios.count', { count: active.length })}</span>
        <button
          type="button"
          className="scenario-compare-toggle"
          aria-expanded={form?.kind === 'compare'}
          title={t('scenarios.action.compareTitle')}
          disabled={scenarios.length < 2}
          onClick={() => setForm(form?.kind === 'compare' ? null : { kind: 'compare' })}
        >
          {t('scenarios.action.compare')}
        </button>
      </header>
      {form?.kind === 'compare' && <ComparePicker scenarios={scenarios} baseline={baseline} current={scenarioId} onClose={() => setForm(null)} />}
      {rows.length === 0 ? (
        <p className="muted">{t('scenarios.empty')}</p>
      ) : (
        <ul className="scenario-tree" aria-label={t('scenarios.tree')}>
          {rows.map(({ scenario, depth }) => (
            <ScenarioRow
              key={scenario.id}
              scenario={scenario}
              depth={depth}
              current={scenario.id === scenarioId}
              baseline={baseline}
              figures={rowFigures(figures.get(scenario.id), measure?.key ?? null)}
              measureLabel={measure?.label ?? ''}
              names={names}
              onlyOne={onlyOne}
              form={rowForm(scenario.id)}
              openForm={(kind) => setForm(kind ? { kind, id: scenario.id } : null)}
            />
          ))}
        </ul>
      )}
      {archived.length > 0 && (
        <details className="scenario-archived" data-testid="archived-scenarios">
          <summary>{t('scenarios.archived', { count: archived.length })}</summary>
          <ul className="scenario-tree">
            {archived.map((s) => (
              <ArchivedRow
                key={s.id}
                scenario={s}
                onlyOne={onlyOne}
                deleting={form?.kind === 'deleteArchived' && form.id === s.id}
                setDeleting={(on) => setForm(on ? { kind: 'deleteArchived', id: s.id } : null)}
              />
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}

/** Picks a base and another scenario and opens the compare view on them. */
function ComparePicker(props: { scenarios: ScenarioSummary[]; baseline: ScenarioSummary | undefined; current: number | null; onClose(): void }) {
  const { t } = useI18n();
  const actions = useActions();
  const id = useId();
  const { scenarios } = props;
  const firstBase = props.baseline?.id ?? scenarios[0]?.id ?? 0;
  const [base, setBase] = useState(firstBase);
  const [other, setOther] = useState(
    () => (props.current !== null && props.current !== firstBase ? props.current : scenarios.find((s) => s.id !== firstBase)?.id) ?? firstBase,
  );
  const options = useMemo(() => {
    const order = [...scenarioTree(scenarios.filter((s) => !s.archived)).map((r) => r.scenario), ...scenarios.filter((s) => s.archived)];
    return order.map((s) => {
      let label = s.isBaseline ? t('scenario.baseline', { name: s.name }) : s.name;
      if (s.archived) label = t('scenarios.picker.archived', { name: label });
      return (
        <option key={s.id} value={s.id}>
          {label}
        </option>
      );
    });
  }, [scenarios, t]);
  const same = base === other;
  return (
    <form
      className="scenario-form compare-picker"
      aria-label={t('scenarios.compare.title')}
      data-testid="scenario-compare-picker"
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'Escape') props.onClose();
      }}
      onSubmit={(e) => {
        e.preventDefault();
        if (same) return;
        props.onClose();
        void actions.scenarios.openCompare(base, other);
      }}
    >
      <div className="compare-picker-fields">
        <label htmlFor={`${id}-base`}>{t('scenarios.compare.base')}</label>
        <select id={`${id}-base`} value={base} onChange={(e) => setBase(Number(e.target.value))}>
          {options}
        </select>
        <label htmlFor={`${id}-other`}>{t('scenarios.compare.other')}</label>
        <select id={`${id}-other`} value={other} onChange={(e) => setOther(Number(e.target.value))}>
          {options}
        </select>
      </div>
      {same && <p className="problem" role="status">{t('scenarios.compare.same')}</p>}
      <div className="scenario-form-actions">
        <button type="submit" className="primary" disabled={same}>
          {t('scenarios.action.showComparison')}
        </button>
        <button type="button" onClick={props.onClose}>
          {t('scenarios.action.cancel')}
        </button>
      </div>
    </form>
  );
}
