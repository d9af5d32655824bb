import { getHexagonAreaAvg, getHexagonEdgeLengthAvg } from 'h3-js';
import { useEffect, useRef, useState } from 'react';
import type { ResolutionReport } from '../../../shared/contract/api';
import { MAX_CELLS_AFTER_RESOLUTION_CHANGE } from '../../../shared/domain/resolution/resolution-study-area';
import type { WorkspaceInfo } from '../../../shared/domain/model/workspace';
import { useI18n } from '../../i18n/use-i18n';
import { useActions } from '../../stores/actions-context';

const RESOLUTIONS = Array.from({ length: 16 }, (_, r) => r);
/** Changed account ids listed per scenario in the report (the backend sends up to 1,000). */
const IDS_SHOWN = 20;

/** About how many cells the same extent holds at `to` (each step finer: 7× the cells). */
export function estimateCells(cells: number, from: number, to: number): number {
  return Math.round(cells * 7 ** (to - from));
}

/** The "Resolution…" button of the workspace bar, and the dialog it opens. */
export function ResolutionButton({ info }: { info: WorkspaceInfo }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" title={t('resolution.openTitle')} onClick={() => setOpen(true)} data-testid="resolution-open">
        {t('resolution.open')}
      </button>
      {open && <ResolutionDialog info={info} onClose={() => setOpen(false)} />}
    </>
  );
}

/**
 * A modal dialog: the current resolution, each resolution's hexagon size and the cell
 * count it would give, the warning that undo history is cleared, then the report of what
 * each scenario's accounts did. The workspace reloads by itself when the change is done.
 */
export function ResolutionDialog({ info, onClose }: { info: WorkspaceInfo; onClose: () => void }) {
  const { t, number } = useI18n();
  const actions = useActions();
  const dialog = useRef<HTMLDialogElement>(null);
  const [from] = useState(info.resolution);
  const [cellsNow] = useState(info.cells);
  const [target, setTarget] = useState(Math.min(15, info.resolution + 1));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [report, setReport] = useState<ResolutionReport | null>(null);

  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
  }, []);

  const km = (v: number) => number(v, { maximumSignificantDigits: 3 });
  const estimate = estimateCells(cellsNow, from, target);
  const tooMany = estimate > MAX_CELLS_AFTER_RESOLUTION_CHANGE;
  const factor = target >= from ? `${number(7 ** (target - from))}×` : `1/${number(7 ** (from - target))}`;

  const apply = async () => {
    setBusy(true);
    setError(null);
    try {
      setReport(await actions.resolution.change(target));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <dialog
      ref={dialog}
      className="about resolution-dialog"
      aria-labelledby="resolution-title"
      data-testid="resolution-dialog"
      onCancel={(e) => {
        e.preventDefault();
        if (!busy) onClose();
      }}
      onClose={onClose}
      onKeyDown={(e) => e.stopPropagation()}
    >
      <h2 id="resolution-title">{t('resolution.title')}</h2>
      {!report && (
        <>
          <p>
            {t('resolution.current', {
              resolution: from,
              cells: cellsNow,
              edge: km(getHexagonEdgeLengthAvg(from, 'km')),
              area: km(getHexagonAreaAvg(from, 'km2')),
            })}
          </p>
          <label className="resolution-choice">
            {t('resolution.choose')}{' '}
            <select value={target} disabled={busy} onChange={(e) => setTarget(Number(e.target.value))} data-testid="resolution-select">
              {RESOLUTIONS.map((r) => (
                <option key={r} value={r} disabled={r === from}>
                  {t(r === from ? 'resolution.optionCurrent' : 'resolution.option', {
                    resolution: r,
                    edge: km(getHexagonEdgeLengthAvg(r, 'km')),
                    area: km(getHexagonAreaAvg(r, 'km2')),
                    cells: estimateCells(cellsNow, from, r),
                  })}
                </option>
              ))}
            </select>
          </label>
          <p>{t('resolution.estimate', { cells: estimate, factor })}</p>
          {tooMany && <p className="resolution-error">{t('resolution.tooMany', { max: MAX_CELLS_AFTER_RESOLUTION_CHANGE })}</p>}
          <p>{t('resolution.carry')}</p>
          <p className="resolution-warning">
            <strong>{t('resolution.historyWarning')}</strong>
          </p>
          {target > from && <p className="muted">{t('resolution.slow')}</p>}
          {error && (
            <p className="resolution-error" role="alert">
              {error}
            </p>
          )}
          <div className="resolution-actions">
            <button type="button" className="primary" disabled={busy || tooMany || target === from} onClick={() => void apply()} data-testid="resolution-apply">
              {busy ? t('resolution.applying') : t('resolution.apply')}
            </button>
            <button type="button" disabled={busy} onClick={onClose}>
              {t('resolution.cancel')}
            </button>
            {busy && <span className="spinner" aria-hidden="true" />}
          </div>
        </>
      )}
      {report && <ResolutionReportView report={report} onClose={onClose} />}
    </dialog>
  );
}

/** The outcome: cells before and after, history cleared, and per scenario the accounts that changed territory. */
export function ResolutionReportView({ report, onClose }: { report: ResolutionReport; onClose: () => void }) {
  const { t, number } = useI18n();
  return (
    <div data-testid="resolution-report">
      <p>
        {t('resolution.done', {
          from: report.from,
          to: report.to,
          before: report.cellsBefore,
          after: report.cellsAfter,
          seconds: number(report.elapsedMs / 1000, { maximumFractionDigits: 1 }),
        })}
      </p>
      <p>{report.historyCleared > 0 ? t('resolution.historyCleared', { steps: report.historyCleared }) : t('resolution.noHistory')}</p>
      <h3>{t('resolution.scenarios')}</h3>
      <ul>
        {report.scenarios.map((s) => (
          <li key={s.scenarioId}>
            <strong>{s.name}</strong>: {s.accountsChanged === 0 ? t('resolution.kept') : t('resolution.changed', { count: s.accountsChanged })}
            {s.cellsUnassigned > 0 && <> · {t('resolution.unassigned', { count: s.cellsUnassigned })}</>}
            {s.changedAccountIds.length > 0 && (
              <div className="muted resolution-ids">
                {t('resolution.changedIds', { ids: s.changedAccountIds.slice(0, IDS_SHOWN).join(', ') })}
                {s.accountsChanged > IDS_SHOWN && <> {t('resolution.more', { count: s.accountsChanged - IDS_SHOWN })}</>}
              </div>
            )}
          </li>
        ))}
      </ul>
      <div className="resolution-actions">
        <button type="button" className="primary" onClick={onClose}>
          {t('resolution.close')}
        </button>
      </div>
    </div>
  );
}
