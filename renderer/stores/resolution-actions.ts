import type { ResolutionReport } from '../../shared/contract/api';
import type { Client } from '../client/create-client';

/**
 * The resolution dialog's link to the backend. The call throws ContractError with a
 * user-readable message, which the dialog shows in place. On success the backend
 * announces the new workspace content (`workspace.changed`) and the UI reloads itself.
 */
export function createResolutionActions(client: Client) {
  return {
    change: (resolution: number): Promise<ResolutionReport> => client.call('workspace.setResolution', { resolution }),
  };
}

export type ResolutionActions = ReturnType<typeof createResolutionActions>;
