// Electron-only: native open/save dialogs for the backend's DialogPort.
import { dialog, type BrowserWindow } from 'electron';
import type { DialogPort } from '../backend/handlers/types';

const FILTERS = [
  { name: 'Tessera workspace', extensions: ['tessera'] },
  { name: 'All files', extensions: ['*'] },
];

export function electronDialogs(window: () => BrowserWindow | null): DialogPort {
  return {
    async chooseOpenPath() {
      const w = window();
      const options = { title: 'Open workspace', properties: ['openFile' as const], filters: FILTERS };
      const result = w ? await dialog.showOpenDialog(w, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async chooseImportPath(kind) {
      const w = window();
      const filters =
        kind === 'alignment'
          ? [{ name: 'Alignment (CSV, Excel, GeoJSON)', extensions: ['csv', 'tsv', 'txt', 'xlsx', 'geojson', 'json'] }, ...FILTERS.slice(1)]
          : [{ name: 'Table (CSV, TSV, Excel)', extensions: ['csv', 'tsv', 'txt', 'xlsx'] }, ...FILTERS.slice(1)];
      const options = { title: `Import ${kind}`, properties: ['openFile' as const], filters };
      const result = w ? await dialog.showOpenDialog(w, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async chooseSavePath(suggestedName) {
      const w = window();
      const options = { title: 'Save workspace', defaultPath: suggestedName, filters: FILTERS };
      const result = w ? await dialog.showSaveDialog(w, options) : await dialog.showSaveDialog(options);
      if (result.canceled || !result.filePath) return null;
      return /\.tessera$/i.test(result.filePath) ? result.filePath : `${result.filePath}.tessera`;
    },
  };
}
