import { useEffect, useRef, useState } from 'react';
import type { ExportFormat, FileExportFormat } from '../../../shared/contract/api';
import { useI18n } from '../../i18n/use-i18n';
import { useActions } from '../../stores/actions-context';
import { useAppStore } from '../../stores/use-app-store';
import type { Delivery } from '../../stores/export-actions';
import { PAPER_SIZES, pagePixels, type Orientation, type PaperName } from './print/print-geometry';
import { exportMapImage, exportPrintPdf, type ImageSize } from './export-map';

const GROUPS: { key: string; formats: ExportFormat[] }[] = [
  { key: 'map', formats: ['png', 'pdf'] },
  { key: 'gis', formats: ['geojson', 'kml', 'shp'] },
  { key: 'crm', formats: ['assignments', 'postal'] },
  { key: 'report', formats: ['metrics-csv', 'metrics-xlsx'] },
];
const CSV_FORMATS = new Set<ExportFormat>(['assignments', 'postal', 'metrics-csv']);
const DPIS = [150, 300, 600];

interface Outcome {
  delivery: Delivery;
  bytes: number;
  records: number;
  elapsedMs: number;
  fields?: { key: string; dbfName: string }[];
}

/** The "Export…" button of the workspace bar, and the dialog it opens. */
export function ExportButton() {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" title={t('export.openTitle')} onClick={() => setOpen(true)} data-testid="export-open">
        {t('export.open')}
      </button>
      {open && <ExportDialog onClose={() => setOpen(false)} />}
    </>
  );
}

/**
 * The export dialog: pick the scenario and what to export (map image, printable PDF,
 * boundaries, CRM files, metrics report) with its options; a progress bar while it is
 * made; then where it went (the save dialog's path, or the browser's downloads).
 */
export function ExportDialog({ onClose }: { onClose: () => void }) {
  const { t, number } = useI18n();
  const actions = useActions();
  const dialog = useRef<HTMLDialogElement>(null);
  const scenarios = useAppStore((s) => s.scenarios);
  const currentId = useAppStore((s) => s.scenarioId);
  const previewing = useAppStore((s) => s.proposal !== null);
  const [scenarioId, setScenarioId] = useState<number | null>(currentId);
  const [format, setFormat] = useState<ExportFormat>('png');
  const [bom, setBom] = useState(false);
  const [paper, setPaper] = useState<PaperName>('A4');
  const [orientation, setOrientation] = useState<Orientation>('landscape');
  const [dpi, setDpi] = useState(300);
  const [sizeKind, setSizeKind] = useState<'screen' | 'paper'>('paper');
  const [title, setTitle] = useState('');
  const [progress, setProgress] = useState<{ fraction: number; phase: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
  }, []);

  const busy = progress !== null;
  const isMap = format === 'png' || format === 'pdf';
  // The map image and the PDF show the map as on screen, so they are of the scenario open now.
  const targetId = isMap ? currentId : scenarioId;
  const scenario = scenarios.find((s) => s.id === targetId) ?? null;
  const pixels = pagePixels(paper, orientation, dpi);
  const screen = { width: Math.round(window.innerWidth * 2), height: Math.round(window.innerHeight * 2) };

  const run = async () => {
    if (targetId === null || !scenario) return;
    setError(null);
    setOutcome(null);
    const started = performance.now();
    const report = (fraction: number, phase: string) => setProgress({ fraction, phase });
    report(0, isMap ? 'drawing' : 'writing');
    try {
      if (format === 'png' || format === 'pdf') {
        const size: ImageSize = sizeKind === 'screen' && format === 'png' ? { kind: 'screen', scale: 2 } : { kind: 'paper', paper, orientation, dpi };
        const file =
          format === 'png'
            ? await exportMapImage({ size, title: title.trim() || scenario.name, t, number, onProgress: report })
            : await exportPrintPdf({ scenarioId: targetId, size: { paper, orientation, dpi }, title: title.trim() || scenario.name, t, number, actions: actions.exports, onProgress: report });
        report(0.99, 'saving');
        const delivery = await actions.exports.deliver(file.fileName, file.bytes, format, file.mime);
        setOutcome({ delivery, bytes: file.bytes.byteLength, records: file.records, elapsedMs: performance.now() - started });
      } else {
        const file = await actions.exports.file(targetId, format as FileExportFormat, bom, report);
        report(0.99, 'saving');
        const delivery = await actions.exports.deliver(file.fileName, file.bytes, format, file.mime);
        setOutcome({ delivery, bytes: file.bytes.byteLength, records: file.records, elapsedMs: file.elapsedMs, ...(file.fields ? { fields: file.fields } : {}) });
      }
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setProgress(null);
    }
  };

  const size = (bytes: number) => (bytes >= 1024 * 1024 ? `${number(bytes / 1024 / 1024, { maximumFractionDigits: 1 })} MB` : `${number(Math.max(1, Math.round(bytes / 1024)))} KB`);

  return (
    <dialog
      ref={dialog}
      className="about export-dialog"
      aria-labelledby="export-title"
      data-testid="export-dialog"
      onCancel={(e) => {
        e.preventDefault();
        if (!busy) onClose();
      }}
      onClose={onClose}
      onKeyDown={(e) => e.stopPropagation()}
    >
      <h2 id="export-title">{t('export.title')}</h2>
      <label className="export-row">
        {t('export.scenario')}{' '}
        <select value={targetId ?? ''} disabled={busy || isMap} title={isMap ? t('export.mapIsCurrent') : undefined} onChange={(e) => setScenarioId(Number(e.target.value))} data-testid="export-scenario">
          {scenarios
            .filter((s) => !s.archived || s.id === targetId)
            .map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
        </select>
      </label>
      <fieldset className="export-formats" disabled={busy}>
        <legend>{t('export.what')}</legend>
        {GROUPS.map((g) => (
          <div key={g.key} className="export-group">
            <strong>{t(`export.group.${g.key}`)}</strong>
            {g.formats.map((f) => (
              <label key={f} className="export-format">
                <input type="radio" name="export-format" value={f} checked={format === f} onChange={() => setFormat(f)} data-testid={`export-format-${f}`} />{' '}
                {t(`export.format.${f}`)}
              </label>
            ))}
          </div>
        ))}
      </fieldset>
      <p className="muted export-hint">{t(`export.hint.${format}`)}</p>
      {isMap && (
        <div className="export-options">
          {format === 'png' && (
            <label className="export-row">
              {t('export.size')}{' '}
              <select value={sizeKind} disabled={busy} onChange={(e) => setSizeKind(e.target.value as 'screen' | 'paper')} data-testid="export-size">
                <option value="paper">{t('export.sizePaper', { paper, orientation: t(`export.${orientation}`), dpi, width: pixels.widthPx, height: pixels.heightPx })}</option>
                <option value="screen">{t('export.sizeScreen', { scale: 2, width: screen.width, height: screen.height })}</option>
              </select>
            </label>
          )}
          {(format === 'pdf' || sizeKind === 'paper') && (
            <div className="export-row">
              <label>
                {t('export.paper')}{' '}
                <select value={paper} disabled={busy} onChange={(e) => setPaper(e.target.value as PaperName)} data-testid="export-paper">
                  {(Object.keys(PAPER_SIZES) as PaperName[]).map((p) => (
                    <option key={p} value={p}>
                      {p}
                    </option>
                  ))}
                </select>
              </label>{' '}
              <label>
                {t('export.orientation')}{' '}
                <select value={orientation} disabled={busy} onChange={(e) => setOrientation(e.target.value as Orientation)}>
                  <option value="landscape">{t('export.landscape')}</option>
                  <option value="portrait">{t('export.portrait')}</option>
                </select>
              </label>{' '}
              <label>
                {t('export.dpi')}{' '}
                <select value={dpi} disabled={busy} onChange={(e) => setDpi(Number(e.target.value))} data-testid="export-dpi">
                  {DPIS.map((d) => (
                    <option key={d} value={d}>
                      {t('export.dpiValue', { dpi: d })}
                    </option>
                  ))}
                </select>
              </label>
            </div>
          )}
          <label className="export-row">
            {t('export.mapTitle')}{' '}
            <input type="text" value={title} placeholder={scenario?.name ?? ''} disabled={busy} onChange={(e) => setTitle(e.target.value)} maxLength={120} />
          </label>
        </div>
      )}
      {isMap && previewing && (
        <p className="resolution-error" role="alert">
          {t('export.previewing')}
        </p>
      )}
      {CSV_FORMATS.has(format) && (
        <label className="export-row">
          <input type="checkbox" checked={bom} disabled={busy} onChange={(e) => setBom(e.target.checked)} /> {t('export.bom')}
        </label>
      )}
      {progress && (
        <div className="export-progress" data-testid="export-progress">
          <progress value={progress.fraction} max={1} /> <span>{t(`export.phase.${progress.phase}`)}</span>
        </div>
      )}
      {error && (
        <p className="resolution-error" role="alert" data-testid="export-error">
          {error}
        </p>
      )}
      {outcome && (
        <p data-testid="export-outcome">
          {outcome.delivery.kind === 'cancelled'
            ? t('export.cancelled')
            : t(outcome.delivery.kind === 'saved' ? 'export.saved' : 'export.downloaded', {
                path: outcome.delivery.kind === 'saved' ? outcome.delivery.path : '',
                fileName: outcome.delivery.kind === 'downloaded' ? outcome.delivery.fileName : '',
                size: size(outcome.bytes),
                records: outcome.records,
                seconds: number(outcome.elapsedMs / 1000, { maximumFractionDigits: 1 }),
              })}
          {outcome.fields && outcome.fields.some((f) => f.key.toUpperCase() !== f.dbfName) && (
            <span className="muted"> {t('export.shpFields', { fields: outcome.fields.filter((f) => f.key.toUpperCase() !== f.dbfName).map((f) => `${f.key} → ${f.dbfName}`).join(', ') })}</span>
          )}
        </p>
      )}
      <div className="resolution-actions">
        <button type="button" className="primary" disabled={busy || targetId === null || (isMap && previewing)} onClick={() => void run()} data-testid="export-go">
          {busy ? t('export.working') : t('export.go')}
        </button>
        <button type="button" disabled={busy} onClick={onClose}>
          {t('export.close')}
        </button>
      </div>
    </dialog>
  );
}
