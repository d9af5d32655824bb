import { argSchemas } from '../../shared/contract/schemas';
import { isMethod } from '../../shared/contract/api';
import { ContractError } from '../../shared/contract/errors';
import type { Envelope } from '../../shared/contract/transport';
import type { Handlers } from './handlers/types';

/**
 * The single entry point of every shell: checks the method name, validates the
 * argument against the contract's schema, runs the handler and turns any failure into
 * `{ code, message }`. Calls run one at a time, in arrival order.
 */
export function createDispatcher(handlers: Handlers, log: (error: unknown) => void = defaultLog) {
  let queue: Promise<unknown> = Promise.resolve();
  return function dispatch(method: unknown, args: unknown): Promise<Envelope> {
    const run = async (): Promise<Envelope> => {
      try {
        if (!isMethod(method)) throw new ContractError('UNKNOWN_METHOD', `There is no method "${String(method)}".`);
        const parsed = argSchemas[method].safeParse(args ?? {});
        if (!parsed.success) {
          const issue = parsed.error.issues[0];
          const where = issue?.path.length ? ` at "${issue.path.join('.')}"` : '';
          throw new ContractError('BAD_REQUEST', `Invalid arguments for ${method}${where}: ${issue?.message ?? 'invalid'}.`);
        }
        const handler = handlers[method] as (a: unknown) => unknown;
        return { ok: true, value: await handler(parsed.data) };
      } catch (error) {
        if (error instanceof ContractError) return { ok: false, error: error.toData() };
        log(error);
        return { ok: false, error: { code: 'INTERNAL', message: 'Something went wrong inside Tessera; the details are in the log.' } };
      }
    };
    const result = queue.then(run, run);
    queue = result;
    return result;
  };
}

export type Dispatch = ReturnType<typeof createDispatcher>;

function defaultLog(error: unknown): void {
  console.error('[tessera backend]', error);
}
