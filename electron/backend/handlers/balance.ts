import type { BalanceService } from '../balancing/balance-service';
import type { Handlers } from './types';

/** Balancing jobs: start, follow, cancel, read the proposal, accept it (one undo step) or discard it. */
export function balanceHandlers(
  service: BalanceService,
): Pick<Handlers, 'balance.start' | 'balance.state' | 'balance.cancel' | 'balance.proposal' | 'balance.accept' | 'balance.discard'> {
  return {
    'balance.start': (request) => service.start(request),
    'balance.state': ({ jobId }) => service.state(jobId),
    'balance.cancel': ({ jobId }) => service.cancel(jobId),
    'balance.proposal': ({ jobId }) => service.proposal(jobId),
    'balance.accept': ({ jobId }) => service.accept(jobId),
    'balance.discard': ({ jobId }) => service.discard(jobId),
  };
}
