import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Actions } from '../../stores/actions';
import { ActionsContext } from '../../stores/actions-context';
import { estimateCells, ResolutionDialog, ResolutionReportView } from './ResolutionDialog';

const info = {
  path: '/tmp/demo.tessera', name: 'Demo', schemaVersion: 3, resolution: 6, accounts: 100_000, reps: 100, cells: 209_698,
  scenarios: 2, measures: [], createdAt: '', credits: [], bounds: null,
};
const render = (element: ReturnType<typeof createElement>) =>
  renderToStaticMarkup(createElement(ActionsContext.Provider, { value: {} as Actions }, element));

describe('the resolution dialog', () => {
  it('estimates 7× the cells per step finer', () => {
    expect(estimateCells(1000, 6, 7)).toBe(7000);
    expect(estimateCells(49_000, 6, 4)).toBe(1000);
  });

  it('shows the current resolution, the size of each resolution, the estimate and the history warning', () => {
    const html = render(createElement(ResolutionDialog, { info, onClose: () => {} }));
    expect(html).toContain('Now: H3 resolution 6, 209,698 cells, hexagon edge ≈ 3.72 km');
    expect(html).toMatch(/Res 7: edge ≈ 1.41 km, ≈ 5.16 km² per cell, ≈ 1,467,886 cells/);
    expect(html).toContain('About 1,467,886 cells after the change (7× the cells now).');
    expect(html).toContain('The undo history of every scenario is cleared');
    expect(html).not.toContain('Too many cells');
  });

  it('reports, per scenario, the accounts that changed territory', () => {
    const html = render(
      createElement(ResolutionReportView, {
        report: {
          from: 6, to: 7, cellsBefore: 209_698, cellsAfter: 1_468_069, elapsedMs: 31_500, historyCleared: 12,
          scenarios: [
            { scenarioId: 1, name: 'Current alignment', accountsChanged: 0, changedAccountIds: [], cellsUnassigned: 0 },
            { scenarioId: 2, name: 'What-if', accountsChanged: 25, changedAccountIds: Array.from({ length: 25 }, (_, i) => `A${i}`), cellsUnassigned: 3 },
          ],
        },
        onClose: () => {},
      }),
    );
    expect(html).toContain('H3 resolution 6 → 7: 209,698 → 1,468,069 cells, in 31.5 s.');
    expect(html).toContain('12 undo steps were cleared.');
    expect(html).toContain('every account keeps its territory');
    expect(html).toContain('25 accounts are now in another territory');
    expect(html).toContain('3 cells left unassigned');
    expect(html).toContain('First ones: A0, A1');
    expect(html).toContain('… and 5 more');
  });
});
