// Renderer entry: picks the transport once (Electron preload or the web host), then mounts the app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { Transport } from '../shared/contract/transport';
import { App } from './App';
import { createClient } from './client/create-client';
import { createWsTransport } from './client/ws-transport';
import { createTranslator } from '../shared/i18n/create-translator';
import { I18nContext } from './i18n/use-i18n';
import { createActions } from './stores/actions';
import { ActionsContext } from './stores/actions-context';
import { useAppStore } from './stores/use-app-store';
import { headlessExportRequest, runHeadlessExport } from './features/export/headless-export';
import { exportMapImage, exportPrintPdf } from './features/export/export-map';
import './styles.css';

declare global {
  interface Window {
    tdw?: Transport;
    /** Present only with `?bench=1`: the store and actions, for `npm run bench` (scripts/bench-render.js). */
    tesseraBench?: {
      store: typeof useAppStore;
      actions: ReturnType<typeof createActions>;
      /** Makes the map PNG or PDF (A4 landscape) as the export dialog does; resolves with its size in bytes. */
      exportMap: (format: 'png' | 'pdf', dpi: number) => Promise<number>;
    };
    /** Present only with `?export=png|pdf`: the file `tessera export png|pdf` asked for (see headless-export.ts). */
    tesseraExport?: Promise<{ fileName: string; base64: string }>;
  }
}

const params = new URLSearchParams(location.search);
const inElectron = window.tdw !== undefined;
const transport = window.tdw ?? createWsTransport(location.origin, params.get('token'));
const client = createClient(transport);
const actions = createActions(client, { canUseDialogs: inElectron });

const dirParam = params.get('dir');
const translator = createTranslator(
  params.get('lang') ?? navigator.language ?? 'en',
  dirParam === 'rtl' || dirParam === 'ltr' ? dirParam : undefined,
);
document.documentElement.lang = translator.locale;
document.documentElement.dir = translator.dir;
document.title = translator.t('app.name');

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nContext.Provider value={translator}>
      <ActionsContext.Provider value={actions}>
        <App canUseDialogs={inElectron} />
      </ActionsContext.Provider>
    </I18nContext.Provider>
  </StrictMode>,
);

void actions.start();

if (params.get('bench') === '1') {
  const exportMap = async (format: 'png' | 'pdf', dpi: number) => {
    const size = { paper: 'A4' as const, orientation: 'landscape' as const, dpi };
    const title = 'Benchmark';
    const file =
      format === 'png'
        ? await exportMapImage({ size: { kind: 'paper', ...size }, title, onProgress: () => {}, ...translator })
        : await exportPrintPdf({ scenarioId: useAppStore.getState().scenarioId!, size, title, actions: actions.exports, onProgress: () => {}, ...translator });
    return file.bytes.byteLength;
  };
  window.tesseraBench = { store: useAppStore, actions, exportMap };
}

const headless = headlessExportRequest(params);
if (headless) window.tesseraExport = runHeadlessExport(headless, actions, translator);
