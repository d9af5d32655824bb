import { cellToParent, getDirectedEdgeDestination, getRes0Cells, isPentagon, originToDirectedEdges } from 'h3-js';
import { cellBits, readCellBits } from './cell-bits';

/**
 * The neighbours of an H3 cell without h3-js, for the cells where that is plain digit
 * arithmetic: cells of a hexagon base cell whose neighbours lie in the same base cell
 * (nearly all of them). The others — cells of the 12 pentagon base cells, and cells on
 * a base cell's edge, whose neighbours lie across it (with a rotation) — are left to
 * h3-js `gridDisk`: {@link neighbourBits} says so.
 *
 * How it works. A cell is a base cell and one digit (0–6) per resolution. Its neighbour
 * in direction `dir` (1–6) changes the finest digit, and may carry a direction to the
 * digit above, and so on: the new digit and the carry depend only on the old digit, the
 * direction and the resolution's class (odd or even). That rule — two 7 × 7 tables — is
 * not copied from H3: it is read off h3-js once, by asking it for the neighbours of
 * cells in the middle of a hexagon base cell (`originToDirectedEdges`: the direction of
 * each edge is in its index; `getDirectedEdgeDestination`: the cell across it).
 */

/** Bits 0–44 of a cell (its 15 digits) are held as one exact number: the low word plus this many times the high word's low 13 bits. */
const TWO_32 = 2 ** 32;
/** The high word's bits above the digits (mode, resolution, base cell). */
const HIGH_MASK = ~0x1fff;

interface Rule {
  /** Per (class, old digit, direction), class = resolution & 1: the new digit, and the direction carried to the digit above (0: none). */
  digit: Uint8Array;
  carry: Uint8Array;
  /** 1 for each of the 122 base cells that is a pentagon. */
  pentagonBase: Uint8Array;
}

let rule: Rule | null = null;

/** 8^(15 − r): the place of digit r (1–15) in the 45 digit bits. */
const PLACE = Array.from({ length: 16 }, (_, r) => 8 ** (15 - r));

function digitBitsOf(hi: number, lo: number): number {
  return (hi & 0x1fff) * TWO_32 + (lo >>> 0);
}

function digitOf(bits: number, r: number): number {
  return Math.floor(bits / PLACE[r]!) % 8;
}

/** The cell text (as h3-js writes it) of a cell's halves. */
function cellText(hi: number, lo: number): string {
  return (hi >>> 0).toString(16) + (lo >>> 0).toString(16).padStart(8, '0');
}

/** The direction of a directed edge: bits 56–58 of its index. */
function edgeDirection(edge: string): number {
  return Number((BigInt(`0x${edge}`) >> 56n) & 7n);
}

/** The rule, read off h3-js once (see the file comment). */
function neighbourRule(): Rule {
  if (rule) return rule;
  const pentagonBase = new Uint8Array(122);
  let hexagonBase = '';
  for (const cell of getRes0Cells()) {
    readCellBits(cell);
    const base = (cellBits.hi >>> 13) & 0x7f;
    if (isPentagon(cell)) pentagonBase[base] = 1;
    else if (hexagonBase === '') hexagonBase = cell;
  }
  const digit = new Uint8Array(2 * 7 * 7);
  const carry = new Uint8Array(2 * 7 * 7);
  const found = new Uint8Array(2 * 7 * 7);
  readCellBits(hexagonBase);
  const baseHi = cellBits.hi & HIGH_MASK & ~(0xf << 20);
  // Probe cells at resolutions 2 and 3 (one of each class): digits 0 down to the last,
  // which is each of 0–6; their parents (all-0 digits) lie in the middle of the base cell.
  for (const res of [2, 3]) {
    const cls = res & 1;
    for (let old = 0; old < 7; old++) {
      // Digits 1 … res−1 are 0, digit res is `old`, the unused ones are 7.
      let bits = 0;
      for (let r = 1; r <= 15; r++) bits += (r < res ? 0 : r === res ? old : 7) * PLACE[r]!;
      const hi = baseHi | (res << 20) | Math.floor(bits / TWO_32);
      const lo = bits % TWO_32;
      const cell = cellText(hi, lo);
      const parent = cellToParent(cell, res - 1);
      const parentEdges = originToDirectedEdges(parent);
      for (const edge of originToDirectedEdges(cell)) {
        const dir = edgeDirection(edge);
        const dest = getDirectedEdgeDestination(edge);
        readCellBits(dest);
        const t = (cls * 7 + old) * 7 + dir;
        digit[t] = digitOf(digitBitsOf(cellBits.hi, cellBits.lo), res);
        const destParent = cellToParent(dest, res - 1);
        let up = destParent === parent ? 0 : -1;
        if (up < 0) {
          for (const e of parentEdges) {
            if (getDirectedEdgeDestination(e) === destParent) up = edgeDirection(e);
          }
        }
        if (up < 0) throw new Error('Cannot read the H3 neighbour rule off h3-js.');
        carry[t] = up;
        found[t] = 1;
      }
    }
  }
  for (let cls = 0; cls < 2; cls++) {
    for (let old = 0; old < 7; old++) {
      for (let dir = 1; dir < 7; dir++) if (!found[(cls * 7 + old) * 7 + dir]) throw new Error('Cannot read the H3 neighbour rule off h3-js.');
    }
  }
  rule = { digit, carry, pentagonBase };
  return rule;
}

/**
 * Writes the 6 neighbours of the cell with halves (hi, lo) into `out` as
 * hi0, lo0, hi1, lo1 … (in direction order 1–6), by digit arithmetic.
 * @returns false when the cell is left to h3-js `gridDisk` (a pentagon base cell, a
 * neighbour across a base cell's edge, resolution 0); `out` is then unspecified
 */
export function neighbourBits(hi: number, lo: number, out: Int32Array): boolean {
  const { digit, carry, pentagonBase } = neighbourRule();
  const res = (hi >>> 20) & 0xf;
  if (res === 0 || pentagonBase[(hi >>> 13) & 0x7f]) return false;
  const bits = digitBitsOf(hi, lo);
  const top = hi & HIGH_MASK;
  for (let d = 1; d < 7; d++) {
    let y = bits;
    let dir = d;
    let r = res;
    for (;;) {
      const place = PLACE[r]!;
      const old = Math.floor(y / place) % 8;
      const t = ((r & 1) * 7 + old) * 7 + dir;
      y += (digit[t]! - old) * place;
      dir = carry[t]!;
      if (dir === 0) break;
      if (--r === 0) return false;
    }
    const upper = Math.floor(y / TWO_32);
    out[2 * (d - 1)] = top | upper;
    out[2 * (d - 1) + 1] = (y - upper * TWO_32) | 0;
  }
  return true;
}
