import { describe, expect, it } from 'vitest';
import { unitVectors } from './geometry';
import { allocateIslands } from './island-allocation';

/**
 * Islands as rows of cells along the equator, 0.1° apart: A at 0°, B at 10°, C (no rep) at
 * 12°, just past B, and an islet D at −30°. Each cell weighs 0.1.
 */
function archipelago() {
  const starts = { A: 0, B: 10, C: 12, D: -30 };
  const sizes = { A: 10, B: 10, C: 10, D: 1 };
  const lon: number[] = [];
  const members: Int32Array[] = [];
  for (const key of ['A', 'B', 'C', 'D'] as const) {
    const first = lon.length;
    for (let x = 0; x < sizes[key]; x++) lon.push(starts[key] + 0.1 * x);
    members.push(Int32Array.from({ length: sizes[key] }, (_, x) => first + x));
  }
  const units = unitVectors(new Float64Array(lon.length), Float64Array.from(lon));
  const weight = new Float64Array(lon.length).fill(0.1);
  // Territory 0 on A, 1 on B, 2 on the islet D.
  const anchors = Int32Array.from([members[0]![0]!, members[1]![0]!, members[3]![0]!]);
  const onIsland = [[0], [1], [], [2]];
  return { members, units, weight, anchors, onIsland, share: [1 / 3, 1 / 3, 1 / 3] };
}

describe('allocateIslands', () => {
  it('moves the islet rep to the island that takes the unclaimed island beside it', () => {
    // A holds 1 of the 3.1 load, B 1 plus C's 1 (C goes to B's anchor), the islet 0.1: the
    // islet's territory belongs on B. Counting only the islands with reps, A and B look alike.
    const { members, units, weight, anchors, onIsland, share } = archipelago();
    allocateIslands(members, onIsland, anchors, units, weight, share, 0.05);
    expect(onIsland).toEqual([[0], [1, 2], [], []]);
    // Anchored at B's cell nearest its old home at −30° that no territory holds: B's second westernmost.
    expect(anchors[2]).toBe(members[1]![0]! + 1);
    expect([anchors[0], anchors[1]]).toEqual([members[0]![0], members[1]![0]]);
  });

  it('leaves islands alone when every move would make things worse', () => {
    const { members, units, weight, anchors, onIsland, share } = archipelago();
    // Give C a rep of its own: A, B and C each hold 1 territory and 1 load; the islet has no rep.
    onIsland[2] = [2];
    onIsland[3] = [];
    anchors[2] = members[2]![5]!;
    const before = JSON.stringify({ onIsland, anchors: [...anchors] });
    allocateIslands(members, onIsland, anchors, units, weight, share, 0.05);
    expect(JSON.stringify({ onIsland, anchors: [...anchors] })).toBe(before);
  });
});
