import { chordKm } from './geometry';

/**
 * Which island each territory grows on. A territory cannot cross the sea, so an island's
 * territories share its load (plus that of the islands without a territory, which go whole
 * to the nearest anchor). A rep on an islet far too light for a territory would get the
 * islet and nothing else, and an island with more load than its reps' shares leaves all
 * of them over target. So territories move between islands while that lowers the excess
 * Σ_territories max(0, |fill − 1| − tolerance) (plus a thousandth of Σ (fill − 1)² to break
 * ties), fill being an island's load over its territories' shares of the total: each round
 * the move, from any island to any other, that lowers it most (the smallest territory of
 * the island it leaves). An island keeps its last territory unless its load is under half
 * a target. A moved
 * territory is anchored at the receiving island's cell nearest its old anchor, and an
 * island it leaves empty goes (with the islands it took) to the nearest anchor, usually
 * that same territory's, so the rep keeps their island and gains the coast beside it.
 * Deterministic: ties go to the lower island and territory.
 *
 * @param members cells of each island
 * @param onIsland territories anchored on each island; changed in place
 * @param anchors anchor cell per territory; a moved territory's changes
 */
export function allocateIslands(
  members: Int32Array[],
  onIsland: number[][],
  anchors: Int32Array,
  units: Float64Array,
  weight: Float64Array,
  share: ArrayLike<number>,
  tolerance: number,
): void {
  const count = members.length;
  const own = new Float64Array(count);
  const shares = new Float64Array(count);
  let totalLoad = 0;
  let totalShare = 0;
  let smallest = Infinity;
  for (let c = 0; c < count; c++) {
    for (const i of members[c]!) own[c]! += weight[i]!;
    totalLoad += own[c]!;
    for (const t of onIsland[c]!) {
      shares[c]! += share[t]!;
      smallest = Math.min(smallest, share[t]!);
    }
    totalShare += shares[c]!;
  }
  if (!(totalLoad > 0) || !(totalShare > 0)) return;

  /** The island (with territories, other than `except`) of the anchor nearest island c's first cell. */
  const taker = (c: number, except = -1): number => {
    const first = members[c]![0]!;
    let best = -1;
    let bestKm = Infinity;
    for (let o = 0; o < count; o++) {
      if (o === c || o === except) continue;
      for (const t of onIsland[o]!) {
        const d = chordKm(units, first, anchors[t]!);
        if (d < bestKm) [best, bestKm] = [o, d];
      }
    }
    return best;
  };
  // Each island's load with the islands without territories that go to its anchors.
  const load = Float64Array.from(own);
  for (let c = 0; c < count; c++) {
    if (onIsland[c]!.length > 0 || own[c] === 0) continue;
    const o = taker(c);
    if (o >= 0) load[o]! += load[c]!;
    load[c] = 0;
  }
  /** Over the island's territories (one per smallest share): the fill's excess beyond the tolerance, plus a thousandth of its square. */
  const cost = (l: number, s: number) => {
    if (!(s > 1e-15)) return 0;
    const off = Math.abs((l * totalShare) / (s * totalLoad) - 1);
    return (s / smallest) * (Math.max(0, off - tolerance) + 1e-3 * off * off);
  };

  const used = new Set<number>(anchors);
  for (let round = 0; round < anchors.length; round++) {
    // The islands a single territory would leave empty go to the nearest other anchor (or, with none, the receiver).
    const takers = new Int32Array(count).fill(-1);
    for (let a = 0; a < count; a++) if (onIsland[a]!.length === 1) takers[a] = taker(a);
    let bestGain = 1e-12;
    let bestFrom = -1;
    let bestTo = -1;
    let bestTerritory = -1;
    let bestTaker = -1;
    for (let a = 0; a < count; a++) {
      const territories = onIsland[a]!;
      if (territories.length === 0) continue;
      let t = territories[0]!;
      for (const x of territories) if (share[x]! < share[t]! || (share[x] === share[t] && x < t)) t = x;
      const s = share[t]!;
      // An island keeps its last territory unless it is too light for one on its own (under half a target).
      if (territories.length === 1 && own[a]! >= (0.5 * s * totalLoad) / totalShare) continue;
      for (let b = 0; b < count; b++) {
        if (b === a || onIsland[b]!.length === 0) continue;
        const o = territories.length === 1 ? (takers[a]! >= 0 ? takers[a]! : b) : -1;
        const before = cost(load[a]!, shares[a]!) + cost(load[b]!, shares[b]!) + (o >= 0 && o !== b ? cost(load[o]!, shares[o]!) : 0);
        const after =
          (territories.length === 1 ? 0 : cost(load[a]!, shares[a]! - s)) +
          cost(load[b]! + (o === b ? load[a]! : 0), shares[b]! + s) +
          (o >= 0 && o !== b ? cost(load[o]! + load[a]!, shares[o]!) : 0);
        if (before - after > bestGain) [bestGain, bestFrom, bestTo, bestTerritory, bestTaker] = [before - after, a, b, t, o];
      }
    }
    if (bestFrom < 0) return;
    const to = bestTo;
    let cell = -1;
    let cellKm = Infinity;
    for (const i of members[to]!) {
      if (used.has(i)) continue;
      const d = chordKm(units, i, anchors[bestTerritory]!);
      if (d < cellKm) [cell, cellKm] = [i, d];
    }
    if (cell < 0) return;
    anchors[bestTerritory] = cell;
    used.add(cell);
    const s = share[bestTerritory]!;
    onIsland[bestFrom] = onIsland[bestFrom]!.filter((x) => x !== bestTerritory);
    onIsland[to]!.push(bestTerritory);
    shares[bestFrom]! -= s;
    shares[to]! += s;
    if (onIsland[bestFrom]!.length === 0) {
      if (bestTaker >= 0) load[bestTaker]! += load[bestFrom]!;
      load[bestFrom] = 0;
    }
  }
}
