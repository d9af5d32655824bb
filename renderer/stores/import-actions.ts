import type { ImportJobState, ImportPreview, ImportRequest, StagedFile } from '../../shared/contract/api';
import type { Events } from '../../shared/contract/events';
import type { ImportKind } from '../../shared/domain/import/types';
import type { Client } from '../client/create-client';

/**
 * The import wizard's link to the backend: stage a file, preview it, run and follow the
 * job, fetch its rejects. Each call throws ContractError with a user-readable message;
 * the wizard shows it in place (not in the app's error banner).
 */
export function createImportActions(client: Client) {
  return {
    stage: (file: File): Promise<StagedFile> => client.stageFile(file),
    preview: (sourceId: string, kind: ImportKind, sheet?: string): Promise<ImportPreview> =>
      client.call('import.preview', sheet === undefined ? { sourceId, kind } : { sourceId, kind, sheet }),
    start: (request: ImportRequest): Promise<{ jobId: number }> => client.call('import.start', request),
    state: (jobId: number): Promise<ImportJobState> => client.call('import.state', { jobId }),
    cancel: (jobId: number): Promise<ImportJobState> => client.call('import.cancel', { jobId }),
    rejects: (jobId: number): Promise<{ fileName: string; csv: string }> => client.call('import.rejects', { jobId }),
    onProgress: (listener: (p: Events['import.progress']) => void): (() => void) => client.on('import.progress', listener),
    onFinished: (listener: (s: Events['import.finished']) => void): (() => void) => client.on('import.finished', listener),
  };
}

export type ImportActions = ReturnType<typeof createImportActions>;
