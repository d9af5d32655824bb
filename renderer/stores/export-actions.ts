import type { ExportFile, ExportFormat, FileExportFormat, MetricsReport } from '../../shared/contract/api';
import type { Client } from '../client/create-client';
import { downloadBytes } from '../ui/download-text';

/** Where an export went: a path chosen in the desktop save dialog, or the browser's downloads. */
export type Delivery = { kind: 'saved'; path: string } | { kind: 'downloaded'; fileName: string } | { kind: 'cancelled' };

/** Progress tickets start at a random number, so two windows exporting at once do not take each other's progress. */
let nextTicket = 1 + Math.floor(Math.random() * 1_000_000_000);

/**
 * The export dialog's link to the backend: files made by the backend (with progress),
 * the metrics report for the printed pages, and delivery — the native save dialog in the
 * desktop shell, a download in the browser.
 */
export function createExportActions(client: Client, canUseDialogs: () => boolean) {
  return {
    async file(scenarioId: number, format: FileExportFormat, bom: boolean, onProgress: (fraction: number, phase: string) => void): Promise<ExportFile> {
      const ticket = nextTicket++;
      const off = client.on('export.progress', (p) => {
        if (p.ticket === ticket && p.phase !== 'done') onProgress(p.fraction, p.phase);
      });
      try {
        return await client.call('export.file', { scenarioId, format, bom, ticket });
      } finally {
        off();
      }
    },
    metrics: (scenarioId: number): Promise<MetricsReport> => client.call('export.metrics', { scenarioId }),
    async deliver(fileName: string, bytes: Uint8Array, format: ExportFormat, mime: string): Promise<Delivery> {
      if (canUseDialogs()) {
        const saved = await client.call('export.save', { fileName, bytes, format });
        return saved ? { kind: 'saved', path: saved.path } : { kind: 'cancelled' };
      }
      downloadBytes(fileName, bytes, mime);
      return { kind: 'downloaded', fileName };
    },
  };
}

export type ExportActions = ReturnType<typeof createExportActions>;
