import { ContractError } from '../../../shared/contract/errors';
import { changeResolution } from '../workspace/change-resolution';
import type { Handlers, HandlerContext } from './types';

const NO_DIALOGS =
  'This window cannot show file dialogs (browser shell). Use the desktop app, or start the web host on a file: tessera serve <file>.';

export function workspaceHandlers(
  ctx: HandlerContext,
): Pick<Handlers, 'workspace.status' | 'workspace.info' | 'workspace.recent' | 'workspace.create' | 'workspace.open' | 'workspace.openDemo' | 'workspace.saveAs' | 'workspace.close' | 'workspace.setResolution'> {
  const { session } = ctx;
  const dialogs = () => {
    if (!ctx.dialogs) throw new ContractError('UNSUPPORTED', NO_DIALOGS);
    return ctx.dialogs;
  };
  return {
    'workspace.status': () => session.status(),
    'workspace.info': () => session.require().info(),
    'workspace.recent': () => session.recent.list(),
    'workspace.create': async ({ resolution }) => {
      const path = await dialogs().chooseSavePath('Untitled.tessera');
      return path ? session.create(path, resolution) : session.status();
    },
    'workspace.open': async ({ recentPath }) => {
      if (recentPath !== undefined) {
        // The renderer may only name a file the user chose before (it is on the recent list).
        if (!session.recent.has(recentPath)) throw new ContractError('FORBIDDEN', 'That file is not on the recent list.');
        return session.open(recentPath);
      }
      const path = await dialogs().chooseOpenPath();
      return path ? session.open(path) : session.status();
    },
    'workspace.openDemo': () => session.openDemo(),
    'workspace.saveAs': async () => {
      const current = session.require();
      const path = await dialogs().chooseSavePath(`${current.info().name} copy.tessera`);
      return path ? session.saveAs(path) : session.status();
    },
    'workspace.close': () => session.close(),
    'workspace.setResolution': ({ resolution }) => {
      const report = changeResolution(session.require(), resolution);
      session.contentChanged();
      return report;
    },
  };
}
