import type { AccountColumns } from '../../../shared/contract/api';
import type { Workspace } from './workspace';

const cache = new WeakMap<Workspace, { generation: number; columns: AccountColumns }>();

/**
 * The workspace's account columns, read once per content generation (an import or a
 * resolution change makes a new one) and shared by the services that need every account:
 * comparisons, exports, attainment. Callers must not change them.
 */
export function cachedAccountColumns(ws: Workspace): AccountColumns {
  let entry = cache.get(ws);
  if (!entry || entry.generation !== ws.generation) {
    entry = { generation: ws.generation, columns: ws.accountColumns() };
    cache.set(ws, entry);
  }
  return entry.columns;
}

/** Drops the cached columns, so the next use reads them again (benchmarks of a cold start). */
export function forgetAccountColumns(ws: Workspace): void {
  cache.delete(ws);
}
