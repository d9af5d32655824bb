import { ContractError } from '../../../shared/contract/errors';
import type { ImportService } from '../import/import-service';
import type { DialogPort, Handlers } from './types';

const NO_DIALOG =
  'This window cannot show file dialogs (browser shell): drop the file on the import panel, or use the CLI: tessera import accounts <file> --workspace <file>.';

/** Imports: choose or stage a file, preview it with a mapping, run the import, follow it, cancel it, download its rejects. */
export function importHandlers(
  service: ImportService,
  dialogs: DialogPort | null,
): Pick<Handlers, 'import.choose' | 'import.preview' | 'import.start' | 'import.state' | 'import.cancel' | 'import.rejects' | 'import.mappings'> {
  return {
    'import.choose': async ({ kind }) => {
      if (!dialogs) throw new ContractError('UNSUPPORTED', NO_DIALOG);
      const path = await dialogs.chooseImportPath(kind);
      return path ? service.stage(path) : null;
    },
    'import.preview': ({ sourceId, kind, sheet }) => service.preview(sourceId, kind, sheet),
    'import.start': (request) => service.start(request),
    'import.state': ({ jobId }) => service.state(jobId),
    'import.cancel': ({ jobId }) => service.cancel(jobId),
    'import.rejects': ({ jobId }) => service.rejects(jobId),
    'import.mappings': () => service.mappings(),
  };
}
