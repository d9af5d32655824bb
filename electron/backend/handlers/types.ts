import type { Args, ExportFormat, Method, Result } from '../../../shared/contract/api';
import type { WorkspaceSession } from '../workspace/session';

/** The one implementation of the contract: a handler per method. */
export type Handlers = { [M in Method]: (args: Args<M>) => Promise<Result<M>> | Result<M> };

/** Native file dialogs, supplied by a shell that has them (Electron). */
export interface DialogPort {
  /** Asks the user for a workspace to open; null when cancelled. */
  chooseOpenPath(): Promise<string | null>;
  /** Asks for a file name to create or save to; null when cancelled. */
  chooseSavePath(suggestedName: string): Promise<string | null>;
  /** Asks for a file to import (CSV, TSV, Excel; GeoJSON for alignments); null when cancelled. */
  chooseImportPath(kind: 'accounts' | 'reps' | 'alignment'): Promise<string | null>;
  /** Asks where to save an export (the suggested name's extension sets the filter); null when cancelled. */
  chooseExportPath(suggestedName: string, format: ExportFormat): Promise<string | null>;
}

export interface HandlerContext {
  session: WorkspaceSession;
  dialogs: DialogPort | null;
  appVersion: string;
}
