import type { Args, Method, Result, StagedFile } from '../../shared/contract/api';
import type { Envelope } from '../../shared/contract/transport';
import { ContractError, isErrorCode } from '../../shared/contract/errors';
import type { EventName, Events } from '../../shared/contract/events';
import type { Transport } from '../../shared/contract/transport';

/** A typed client over any transport: `call` resolves with the result or throws ContractError. */
export interface Client {
  call<M extends Method>(method: M, args: Args<M>): Promise<Result<M>>;
  on<E extends EventName>(name: E, listener: (payload: Events[E]) => void): () => void;
  /** Stages a dropped file for import. @throws ContractError */
  stageFile(file: File): Promise<StagedFile>;
}

function unwrap<T>(envelope: Envelope): T {
  if (envelope.ok) return envelope.value as T;
  const code = isErrorCode(envelope.error?.code) ? envelope.error.code : 'INTERNAL';
  throw new ContractError(code, envelope.error?.message ?? 'Unknown error.');
}

export function createClient(transport: Transport): Client {
  return {
    async call(method, args) {
      return unwrap<Result<typeof method>>(await transport.invoke(method, args));
    },
    async stageFile(file) {
      return unwrap<StagedFile>(await transport.stageFile(file));
    },
    on(name, listener) {
      return transport.subscribe((event) => {
        if (event.name === name) listener(event.payload as Events[typeof name]);
      });
    },
  };
}
