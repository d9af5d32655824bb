import { describe, expect, it } from 'vitest';
import { assignCommands } from './assign-commands';

describe('assignCommands', () => {
  it('groups the cells by target territory, targets ascending, cells in the order given; -1 unassigns', () => {
    const target = new Map([
      [7, 3],
      [2, 1],
      [9, 3],
      [4, -1],
      [5, 1],
    ]);
    expect(assignCommands([7, 2, 9, 4, 5], (cell) => target.get(cell)!)).toEqual([
      { type: 'territory.assignCells', cells: [4], to: null },
      { type: 'territory.assignCells', cells: [2, 5], to: 1 },
      { type: 'territory.assignCells', cells: [7, 9], to: 3 },
    ]);
  });

  it('gives no command when nothing moves', () => {
    expect(assignCommands([], () => 1)).toEqual([]);
  });

  it('keeps every one of a million cells, each once', () => {
    const cells = Int32Array.from({ length: 1_000_000 }, (_, i) => i);
    const commands = assignCommands(cells, (cell) => cell % 60);
    expect(commands).toHaveLength(60);
    const seen = new Uint8Array(cells.length);
    for (const c of commands) for (const cell of (c as { cells: number[] }).cells) seen[cell]!++;
    expect(seen.every((x) => x === 1)).toBe(true);
  });
});
