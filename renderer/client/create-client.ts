import type { Args, Method, Result } from '../../shared/contract/api';
import { ContractError, isErrorCode } from '../../shared/contract/errors';
import type { EventName, Events } from '../../shared/contract/events';
import type { Transport } from '../../shared/contract/transport';

/** A typed client over any transport: `call` resolves with the result or throws ContractError. */
export interface Client {
  call<M extends Method>(method: M, args: Args<M>): Promise<Result<M>>;
  on<E extends EventName>(name: E, listener: (payload: Events[E]) => void): () => void;
}

export function createClient(transport: Transport): Client {
  return {
    async call(method, args) {
      const envelope = await transport.invoke(method, args);
      if (envelope.ok) return envelope.value as Result<typeof method>;
      const code = isErrorCode(envelope.error?.code) ? envelope.error.code : 'INTERNAL';
      throw new ContractError(code, envelope.error?.message ?? 'Unknown error.');
    },
    on(name, listener) {
      return transport.subscribe((event) => {
        if (event.name === name) listener(event.payload as Events[typeof name]);
      });
    },
  };
}
