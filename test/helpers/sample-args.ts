import type { Args, Method } from '../../shared/contract/api';

/** A valid argument for every contract method (scenario 1 exists in every demo workspace). */
export const SAMPLE_ARGS: { [M in Method]: Args<M> } = {
  'app.about': {},
  'workspace.status': {},
  'workspace.info': {},
  'workspace.recent': {},
  'workspace.create': { resolution: 7 },
  'workspace.open': {},
  'workspace.openDemo': {},
  'workspace.saveAs': {},
  'workspace.close': {},
  'measure.list': {},
  'rep.list': {},
  'scenario.list': {},
  'studyArea.get': {},
  'assignment.get': { scenarioId: 1 },
  'territory.list': { scenarioId: 1 },
  'region.list': { scenarioId: 1 },
  'account.list': {},
  'command.execute': { scenarioId: 1, command: { type: 'territory.assignCells', cells: [0], to: 1 } },
  'command.undo': { scenarioId: 1 },
  'command.redo': { scenarioId: 1 },
  'history.state': { scenarioId: 1 },
};
