import type { ContractErrorData } from './errors';
import type { EventMessage } from './events';

/** The result of one call as it crosses a process boundary. */
export type Envelope = { ok: true; value: unknown } | { ok: false; error: ContractErrorData };

/**
 * What a shell offers the renderer: the Electron preload (`window.tdw`) and the web
 * host's WebSocket/HTTP client both implement exactly this.
 */
export interface Transport {
  invoke(method: string, args: unknown): Promise<Envelope>;
  subscribe(listener: (event: EventMessage) => void): () => void;
  /**
   * Hands a file the user dropped to the backend for import; resolves with the staged
   * file (`StagedFile`) in an envelope. The desktop shell passes the file's own path;
   * the web host receives a streamed copy.
   */
  stageFile(file: File): Promise<Envelope>;
}
