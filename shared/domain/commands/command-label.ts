import type { MessageRef } from '../model/message';
import type { AlignmentView } from './apply-command';
import type { Command } from './command';

/** The undo label of a command, as a message key the UI translates ("Undo Assign 12 cells to North"). */
export function labelOf(view: AlignmentView, command: Command): MessageRef {
  const territoryName = (id: number) => view.territory(id)?.name ?? String(id);
  switch (command.type) {
    case 'batch':
      return command.label ?? { key: 'command.batch', params: { count: command.commands.length } };
    case 'territory.assignCells':
      return command.to === null
        ? { key: 'command.unassignCells', params: { count: command.cells.length } }
        : { key: 'command.assignCells', params: { count: command.cells.length, territory: territoryName(command.to) } };
    case 'territory.update': {
      const name = view.territory(command.territoryId)?.name ?? '';
      const keys = Object.keys(command.changes);
      if (keys.length === 1 && command.changes.name !== undefined) {
        return { key: 'command.renameTerritory', params: { from: name, to: command.changes.name } };
      }
      if (keys.length === 1 && command.changes.parentId !== undefined) {
        const region = command.changes.parentId === null ? null : view.region(command.changes.parentId);
        return region
          ? { key: 'command.moveToRegion', params: { territory: name, region: region.name } }
          : { key: 'command.removeFromRegion', params: { territory: name } };
      }
      return { key: 'command.updateTerritory', params: { territory: name } };
    }
    case 'territory.create':
      return { key: 'command.createTerritory', params: { territory: command.territory.name } };
    case 'territory.delete':
      return { key: 'command.deleteTerritory', params: { territory: territoryName(command.territoryId) } };
    case 'territory.merge':
      return { key: 'command.mergeTerritories', params: { from: territoryName(command.from), into: territoryName(command.into) } };
    case 'account.override': {
      const count = command.accountIds.length;
      const many = count === 1 ? '' : 'Many';
      const account = command.accountIds[0] ?? '';
      return command.to === null
        ? { key: `command.clearOverride${many}`, params: { count, account } }
        : { key: `command.overrideAccounts${many}`, params: { count, account, territory: territoryName(command.to) } };
    }
    case 'region.create':
      return { key: 'command.createRegion', params: { region: command.region.name } };
    case 'region.update':
      return { key: 'command.renameRegion', params: { from: view.region(command.regionId)?.name ?? '', to: command.changes.name ?? '' } };
    case 'region.delete':
      return { key: 'command.deleteRegion', params: { region: view.region(command.regionId)?.name ?? '' } };
    case 'cells.pin':
      return { key: command.pinned ? 'command.pinCells' : 'command.unpinCells', params: { count: command.cells.length } };
  }
}
