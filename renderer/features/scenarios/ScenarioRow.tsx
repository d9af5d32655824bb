import type { CSSProperties } from 'react';
import type { ScenarioSummary } from '../../../shared/domain/model/workspace';
import { useI18n } from '../../i18n/use-i18n';
import { useActions } from '../../stores/actions-context';
import type { RowFigures } from './scenario-figures';
import { copyName } from './scenario-tree';
import { ConfirmForm, NameForm, NoteForm } from './ScenarioForm';

/** The inline form a row can show (one at a time in the whole panel). */
export type RowForm = 'branch' | 'rename' | 'note' | 'delete' | 'promote';

interface ScenarioRowProps {
  scenario: ScenarioSummary;
  depth: number;
  current: boolean;
  baseline: ScenarioSummary | undefined;
  figures: RowFigures;
  /** Label of the balance measure the figures are on. */
  measureLabel: string;
  /** Every scenario's name (archived ones too): new names must differ from all. */
  names: readonly string[];
  /** The workspace has only this scenario (it cannot be deleted). */
  onlyOne: boolean;
  form: RowForm | null;
  openForm(form: RowForm | null): void;
}

/**
 * One scenario in the tree: name, baseline and lock state, note, figures; clicking it shows
 * it on the map. Its actions open inline forms where they need input or confirmation.
 */
export function ScenarioRow({ scenario: s, depth, current, baseline, figures, measureLabel, names, onlyOne, form, openForm }: ScenarioRowProps) {
  const { t, number, date } = useI18n();
  const actions = useActions();
  const none = t('scenarios.none');
  const pct = (v: number) => number(v, { style: 'percent', maximumFractionDigits: 1 });
  const close = () => openForm(null);
  const toggle = (kind: RowForm) => openForm(form === kind ? null : kind);
  const otherNames = names.filter((n) => n !== s.name);
  const promoteBlocked = baseline?.locked === true;

  return (
    <li
      className={['scenario-row', current ? 'current' : '', s.locked ? 'locked' : ''].join(' ').trim()}
      data-testid="scenario-row"
      data-scenario-id={s.id}
      data-depth={depth}
      aria-current={current ? 'true' : undefined}
      style={{ '--depth': depth } as CSSProperties}
    >
      <div className="scenario-main" onClick={() => !current && actions.selectScenario(s.id)}>
        <div className="scenario-title">
          <button
            type="button"
            className="scenario-name"
            title={current ? t('scenarios.current') : t('scenarios.select', { name: s.name })}
            data-testid="scenario-name"
          >
            {s.name}
          </button>
          {s.isBaseline && (
            <span className="scenario-badge" title={t('scenarios.baselineTitle')} data-testid="baseline-badge">
              {t('scenarios.baselineBadge')}
            </span>
          )}
          {s.locked && <LockIcon label={t('scenarios.locked')} />}
          <span className="muted scenario-meta">{t('scenarios.created', { date: date(s.createdAt), territories: s.territories })}</span>
        </div>
        {s.note && (
          <p className="scenario-note" title={s.note} data-testid="scenario-note">
            {s.note}
          </p>
        )}
        <dl className="scenario-figures">
          <div title={t('scenarios.figure.deviationTitle', { measure: measureLabel })}>
            <dt>{t('scenarios.figure.deviation')}</dt>
            <dd data-testid="scenario-max-deviation">{figures.maxDeviation === null ? none : pct(figures.maxDeviation)}</dd>
          </div>
          <div title={t('scenarios.figure.travelTitle')}>
            <dt>{t('scenarios.figure.travel')}</dt>
            <dd data-testid="scenario-travel">
              {figures.meanTravelKm === null ? none : t('scenarios.figure.travelValue', { km: number(Math.round(figures.meanTravelKm)) })}
            </dd>
          </div>
          <div title={t('scenarios.figure.movedTitle', { measure: measureLabel })}>
            <dt>{t('scenarios.figure.moved')}</dt>
            <dd data-testid="scenario-moved">
              {figures.movedAccounts === null
                ? none
                : t('scenarios.figure.movedValue', {
                    accounts: number(figures.movedAccounts),
                    share: figures.movedShare === null ? none : pct(figures.movedShare),
                  })}
            </dd>
          </div>
        </dl>
      </div>
      <div className="scenario-actions" role="group" aria-label={t('scenarios.actions', { name: s.name })}>
        <button type="button" aria-expanded={form === 'branch'} title={t('scenarios.action.branchTitle', { name: s.name })} onClick={() => toggle('branch')}>
          {t('scenarios.action.branch')}
        </button>
        <button type="button" aria-expanded={form === 'rename'} onClick={() => toggle('rename')}>
          {t('scenarios.action.rename')}
        </button>
        <button type="button" aria-expanded={form === 'note'} onClick={() => toggle('note')}>
          {t('scenarios.action.note')}
        </button>
        {s.locked ? (
          <button type="button" title={t('scenarios.action.unlockTitle', { name: s.name })} onClick={() => void actions.scenarios.update(s.id, { locked: false })}>
            {t('scenarios.action.unlock')}
          </button>
        ) : (
          <button type="button" title={t('scenarios.action.lockTitle', { name: s.name })} onClick={() => void actions.scenarios.update(s.id, { locked: true })}>
            {t('scenarios.action.lock')}
          </button>
        )}
        {!s.isBaseline && (
          <>
            <button type="button" title={t('scenarios.action.archiveTitle', { name: s.name })} onClick={() => void actions.scenarios.update(s.id, { archived: true })}>
              {t('scenarios.action.archive')}
            </button>
            <button type="button" title={t('scenarios.action.makeBaselineTitle', { name: s.name })} onClick={() => void actions.scenarios.setBaseline(s.id)}>
              {t('scenarios.action.makeBaseline')}
            </button>
          </>
        )}
        {!s.isBaseline && baseline && (
          <>
            <button
              type="button"
              aria-expanded={form === 'promote'}
              disabled={promoteBlocked}
              title={promoteBlocked ? t('scenarios.action.promoteLocked', { baseline: baseline.name }) : t('scenarios.action.promoteTitle')}
              onClick={() => toggle('promote')}
            >
              {t('scenarios.action.promote')}
            </button>
            <button type="button" onClick={() => void actions.scenarios.openCompare(baseline.id, s.id)}>
              {t('scenarios.action.compareBaseline')}
            </button>
          </>
        )}
        {!s.isBaseline && (
          <button type="button" className="danger" aria-expanded={form === 'delete'} disabled={onlyOne} onClick={() => toggle('delete')}>
            {t('scenarios.action.delete')}
          </button>
        )}
      </div>
      {form === 'branch' && (
        <NameForm
          label={t('scenarios.branch.name')}
          initial={copyName(s.name, names, t('scenarios.copySuffix'))}
          taken={names}
          hint={t('scenarios.branch.hint', { name: s.name })}
          onSubmit={async (name) => (await actions.scenarios.branch(s.id, name)) !== undefined}
          onCancel={close}
        />
      )}
      {form === 'rename' && (
        <NameForm
          label={t('scenarios.rename.name')}
          initial={s.name}
          taken={otherNames}
          onSubmit={async (name) => name === s.name || (await actions.scenarios.update(s.id, { name })) !== undefined}
          onCancel={close}
        />
      )}
      {form === 'note' && (
        <NoteForm
          label={t('scenarios.note.label', { name: s.name })}
          initial={s.note}
          onSubmit={async (note) => (await actions.scenarios.update(s.id, { note })) !== undefined}
          onCancel={close}
        />
      )}
      {form === 'promote' && baseline && (
        <ConfirmForm
          message={t('scenarios.promote.confirm', { name: s.name, baseline: baseline.name })}
          onConfirm={() => actions.scenarios.promote(s.id)}
          onCancel={close}
        />
      )}
      {form === 'delete' && <DeleteConfirm scenario={s} onClose={close} />}
    </li>
  );
}

/** A padlock (text fonts lack one everywhere), labelled for screen readers and on hover. */
function LockIcon({ label }: { label: string }) {
  return (
    <svg className="scenario-lock" role="img" aria-label={label} viewBox="0 0 16 16" width="12" height="12" data-testid="scenario-locked">
      <title>{label}</title>
      <path fill="currentColor" d="M4 7V5a4 4 0 0 1 8 0v2h1v8H3V7h1zm2 0h4V5a2 2 0 0 0-4 0v2z" />
    </svg>
  );
}

/** "Delete “name”?" with Confirm and Cancel. */
export function DeleteConfirm({ scenario, onClose }: { scenario: ScenarioSummary; onClose(): void }) {
  const { t } = useI18n();
  const actions = useActions();
  return (
    <ConfirmForm
      message={t('scenarios.delete.confirm', { name: scenario.name })}
      onConfirm={async () => (await actions.scenarios.remove(scenario.id)) !== undefined}
      onCancel={onClose}
    />
  );
}

/** An archived scenario: Restore, or Delete after confirming. */
export function ArchivedRow(props: { scenario: ScenarioSummary; onlyOne: boolean; deleting: boolean; setDeleting(on: boolean): void }) {
  const { t } = useI18n();
  const actions = useActions();
  const s = props.scenario;
  return (
    <li className="scenario-row archived" data-testid="archived-scenario-row" data-scenario-id={s.id}>
      <div className="scenario-title">
        <span className="scenario-archived-name" title={s.note || undefined}>
          {s.name}
        </span>
        {s.locked && <LockIcon label={t('scenarios.locked')} />}
        <span className="scenario-actions" role="group" aria-label={t('scenarios.actions', { name: s.name })}>
          <button type="button" onClick={() => void actions.scenarios.update(s.id, { archived: false })}>
            {t('scenarios.action.restore')}
          </button>
          <button type="button" className="danger" aria-expanded={props.deleting} disabled={props.onlyOne} onClick={() => props.setDeleting(!props.deleting)}>
            {t('scenarios.action.delete')}
          </button>
        </span>
      </div>
      {props.deleting && <DeleteConfirm scenario={s} onClose={() => props.setDeleting(false)} />}
    </li>
  );
}
