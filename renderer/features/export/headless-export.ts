import type { Translator } from '../../../shared/i18n/create-translator';
import { takeMapSnapshot } from '../../map/map-snapshot';
import type { createActions } from '../../stores/actions';
import { useAppStore, type MapMode } from '../../stores/use-app-store';
import { exportMapImage, exportPrintPdf, type MadeFile } from './export-map';
import { PAPER_SIZES, type Orientation, type PaperName } from './print/print-geometry';

/**
 * A map export asked for in the page address (`tessera export png|pdf` opens the app in
 * a headless browser with it): `?export=png|pdf&scenario=<id>&paper=A4&orientation=landscape
 * &dpi=300[&title=…][&mode=territory|density|deviation][&accounts=1]`.
 */
export interface HeadlessExportRequest {
  format: 'png' | 'pdf';
  scenarioId: number;
  paper: PaperName;
  orientation: Orientation;
  dpi: number;
  title: string | null;
  mode: MapMode;
  accounts: boolean;
}

/** The request in the address, or null when the page is the ordinary app. */
export function headlessExportRequest(params: URLSearchParams): HeadlessExportRequest | null {
  const format = params.get('export');
  if (format !== 'png' && format !== 'pdf') return null;
  const paper = params.get('paper') ?? 'A4';
  const mode = params.get('mode') ?? 'territory';
  return {
    format,
    scenarioId: Number(params.get('scenario')),
    paper: (paper in PAPER_SIZES ? paper : 'A4') as PaperName,
    orientation: params.get('orientation') === 'portrait' ? 'portrait' : 'landscape',
    dpi: Math.min(600, Math.max(72, Number(params.get('dpi')) || 300)),
    title: params.get('title'),
    mode: mode === 'density' || mode === 'deviation' ? mode : 'territory',
    accounts: params.get('accounts') === '1',
  };
}

/** Waits until `ready` holds, checking every 100 ms. @throws Error naming what was awaited after `ms` */
async function until(ready: () => boolean, what: string, ms = 120_000): Promise<void> {
  const end = performance.now() + ms;
  while (!ready()) {
    if (performance.now() > end) throw new Error(`Timed out waiting for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function base64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * Loads the scenario, sets the map as asked, then makes the file exactly as the export
 * dialog does. Resolves with the file name and the bytes in base64.
 */
export async function runHeadlessExport(
  request: HeadlessExportRequest,
  actions: ReturnType<typeof createActions>,
  translator: Pick<Translator, 't' | 'number'>,
): Promise<{ fileName: string; base64: string }> {
  const store = useAppStore;
  await until(() => store.getState().status?.state === 'open' && store.getState().cells !== null, 'the workspace to open');
  if (!store.getState().scenarios.some((s) => s.id === request.scenarioId)) throw new Error(`There is no scenario ${request.scenarioId} in this workspace.`);
  actions.selectScenario(request.scenarioId);
  actions.setMapMode(request.mode);
  actions.setShowAccounts(request.accounts);
  await until(() => {
    const s = takeMapSnapshot();
    const state = store.getState();
    // The snapshot exists once the scenario's plan and territories are loaded (together), even when it has no territories.
    return s !== null && s.scenarioId === request.scenarioId && state.assignment?.scenarioId === request.scenarioId && (!request.accounts || s.accounts !== null);
  }, 'the map of the scenario');
  const title = request.title ?? store.getState().scenarios.find((s) => s.id === request.scenarioId)!.name;
  const onProgress = () => {};
  const file: MadeFile =
    request.format === 'png'
      ? await exportMapImage({ size: { kind: 'paper', paper: request.paper, orientation: request.orientation, dpi: request.dpi }, title, onProgress, ...translator })
      : await exportPrintPdf({ scenarioId: request.scenarioId, size: request, title, actions: actions.exports, onProgress, ...translator });
  return { fileName: file.fileName, base64: base64(file.bytes) };
}
