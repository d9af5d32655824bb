import { cellToChildren, cellToParent, latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { UNASSIGNED_FILL } from '../../map/color';
import { coarseMoved, diffFill, MOVED_UNASSIGNED, movedIndex, movedMask, planFill, territoryColors } from './compare-fills';

describe('compare map fills', () => {
  const colors = territoryColors([{ id: 1, color: '#ff0000' }, { id: 2, color: '#00ff00' }], 200);

  it('colours a plan by territory, unassigned and unknown territories grey', () => {
    const fill = planFill(Int32Array.of(1, 2, -1, 7), colors);
    expect(fill(0)).toEqual([255, 0, 0, 200]);
    expect(fill(1)).toEqual([0, 255, 0, 200]);
    expect(fill(2)).toBe(UNASSIGNED_FILL);
    expect(fill(3)).toBe(UNASSIGNED_FILL);
  });

  it('indexes moved cells by cell', () => {
    expect(Array.from(movedIndex(5, Int32Array.of(3, 0)))).toEqual([1, -1, -1, 0, -1]);
  });

  it('fades unchanged cells and draws moved cells in their new colour', () => {
    const other = Int32Array.of(1, 2, 2, -1);
    const moved = movedIndex(4, Int32Array.of(1, 3));
    const fill = diffFill(other, moved, Int32Array.of(2, -1), territoryColors([{ id: 1, color: '#ff0000' }, { id: 2, color: '#00ff00' }], 45), territoryColors([{ id: 1, color: '#ff0000' }, { id: 2, color: '#00ff00' }], 255));
    expect(fill(0)).toEqual([255, 0, 0, 45]);
    expect(fill(1)).toEqual([0, 255, 0, 255]);
    expect(fill(2)).toEqual([0, 255, 0, 45]);
    expect(fill(3)).toBe(MOVED_UNASSIGNED);
  });

  it('groups moved cells under their coarse parents', () => {
    const p1 = cellToParent(latLngToCell(40, -100, 7), 5);
    const p2 = cellToParent(latLngToCell(35, -90, 7), 5);
    const h3 = [...cellToChildren(p1, 7).slice(0, 3), ...cellToChildren(p2, 7).slice(0, 2)];
    const result = coarseMoved({ resolution: 5, h3: [p2, p1] }, h3, Int32Array.of(2, 1, 4));
    expect(Array.from(result.child)).toEqual([4, 2]);
    expect(Array.from(result.count)).toEqual([1, 2]);
  });
});

describe('moved mask', () => {
  it('marks moved cells with 1', () => {
    expect(Array.from(movedMask(4, Int32Array.of(2, 0)))).toEqual([1, 0, 1, 0]);
  });
});

describe('territoryColors per side', () => {
  it('colours each side with its own colour for a territory recoloured in one scenario', () => {
    const territories = [{ id: 1, color: '#00ff00', colors: { before: '#ff0000', after: '#00ff00' } }];
    expect(territoryColors(territories, 255, 'before').get(1)).toEqual([255, 0, 0, 255]);
    expect(territoryColors(territories, 255, 'after').get(1)).toEqual([0, 255, 0, 255]);
  });
});
