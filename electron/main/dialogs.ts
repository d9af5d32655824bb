// Electron-only: native open/save dialogs for the backend's DialogPort.
import { existsSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { dialog, type BrowserWindow } from 'electron';
import type { DialogPort } from '../backend/handlers/types';
import type { ExportFormat } from '../../shared/contract/api';

const EXPORT_FILTERS: Record<ExportFormat, { name: string; extensions: string[] }> = {
  geojson: { name: 'GeoJSON', extensions: ['geojson'] },
  kml: { name: 'KML (Google Earth)', extensions: ['kml'] },
  shp: { name: 'Shapefile (zip)', extensions: ['zip'] },
  assignments: { name: 'CSV', extensions: ['csv'] },
  postal: { name: 'CSV', extensions: ['csv'] },
  'metrics-csv': { name: 'CSV', extensions: ['csv'] },
  'metrics-xlsx': { name: 'Excel workbook', extensions: ['xlsx'] },
  png: { name: 'PNG image', extensions: ['png'] },
  pdf: { name: 'PDF', extensions: ['pdf'] },
};

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
    async chooseExportPath(suggestedName, format) {
      const w = window();
      const filter = EXPORT_FILTERS[format];
      const options = { title: 'Export', defaultPath: suggestedName, filters: [filter, ...FILTERS.slice(1)] };
      const result = w ? await dialog.showSaveDialog(w, options) : await dialog.showSaveDialog(options);
      if (result.canceled || !result.filePath) return null;
      // A name typed without an extension gets the format's; the dialog asked about replacing
      // the name as typed, so ask again when the completed name exists.
      if (extname(result.filePath) !== '') return result.filePath;
      const path = `${result.filePath}.${filter.extensions[0]!}`;
      if (!existsSync(path)) return path;
      const confirm = { type: 'question' as const, buttons: ['Replace', 'Cancel'], defaultId: 1, cancelId: 1, message: `${basename(path)} already exists. Replace it?` };
      const answer = w ? await dialog.showMessageBox(w, confirm) : await dialog.showMessageBox(confirm);
      return answer.response === 0 ? path : null;
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
