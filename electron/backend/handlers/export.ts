import { renameSync, rmSync, writeFileSync } from 'node:fs';
import type { Events } from '../../../shared/contract/events';
import { ContractError } from '../../../shared/contract/errors';
import type { ExportService } from '../export/export-service';
import type { Handlers, HandlerContext } from './types';

const NO_DIALOGS = 'This window cannot show a save dialog (browser shell): the file is downloaded instead.';

/** Writes bytes to a path through a temporary file beside it, so a failed write leaves no half file. */
export function writeFileAtomic(path: string, bytes: Uint8Array): void {
  const temp = `${path}.${process.pid}.part`;
  try {
    writeFileSync(temp, bytes);
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw new ContractError('WRITE_FAILED', `Could not write ${path}: ${(error as Error).message}`);
  }
}

/** Exports: files from a scenario, the metrics report, and saving bytes where the user chooses (desktop shell). */
export function exportHandlers(
  ctx: HandlerContext,
  service: ExportService,
  emit: (payload: Events['export.progress']) => void,
): Pick<Handlers, 'export.file' | 'export.metrics' | 'export.save'> {
  return {
    'export.file': ({ scenarioId, format, bom, ticket }) =>
      service.file(scenarioId, format, { bom: bom ?? false }, ticket === undefined ? undefined : (fraction, phase) => emit({ ticket, fraction, phase })),
    'export.metrics': ({ scenarioId }) => service.metrics(scenarioId),
    'export.save': async ({ fileName, bytes, format }) => {
      if (!ctx.dialogs) throw new ContractError('UNSUPPORTED', NO_DIALOGS);
      const path = await ctx.dialogs.chooseExportPath(fileName, format);
      if (path === null) return null;
      writeFileAtomic(path, bytes);
      return { path };
    },
  };
}
