/**
 * H3 cells as their two 32-bit halves, for the hot loops of the import and the grid
 * build: reading a cell string's bits is cheap, while hashing the fresh strings h3-js
 * returns (a map or set lookup) costs about half a microsecond each.
 */

/** The halves of the cell last read by {@link readCellBits}: bits 32–63 and 0–31 (as int32). */
export const cellBits = { hi: 0, lo: 0 };

/**
 * Reads a cell written as h3-js writes cells — 15 lower-case hex digits, mode 1 (so
 * the text starts with '8') — into {@link cellBits}. False for any other text, which
 * the caller handles as text.
 */
export function readCellBits(cell: string): boolean {
  if (cell.length !== 15) return false;
  let h = 0;
  for (let k = 0; k < 7; k++) {
    const d = hexDigit(cell.charCodeAt(k));
    if (d < 0) return false;
    h = (h << 4) | d;
  }
  let l = 0;
  for (let k = 7; k < 15; k++) {
    const d = hexDigit(cell.charCodeAt(k));
    if (d < 0) return false;
    l = (l << 4) | d;
  }
  if (h >>> 24 !== 8) return false;
  cellBits.hi = h;
  cellBits.lo = l;
  return true;
}

function hexDigit(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  return -1;
}

/** An open-addressing hash from a cell's two halves to a non-negative number; grows as needed. */
export class CellTable {
  private mask: number;
  private count = 0;
  /** Per slot: upper half, lower half, value (−1 = empty), side by side for one cache line per probe. */
  private slots: Int32Array;

  /** @param expected how many cells it will hold (it grows past that) */
  constructor(expected = 0) {
    let capacity = 16;
    while (capacity < expected * 2) capacity *= 2;
    this.mask = capacity - 1;
    this.slots = emptySlots(capacity);
  }

  /** The slot of a cell: where it is, or the empty slot where it would go. */
  private slot(h: number, l: number): number {
    const x = mix(h ^ mix(l));
    const { mask, slots } = this;
    let s = x & mask;
    for (;;) {
      const k = s * 3;
      if (slots[k + 2] === -1 || (slots[k] === h && slots[k + 1] === l)) return k;
      s = (s + 1) & mask;
    }
  }

  /** Sets the value (≥ 0) of a cell; a repeated cell keeps the last value, as a Map would. */
  set(h: number, l: number, value: number): void {
    const k = this.slot(h, l);
    if (this.slots[k + 2] === -1) {
      if (++this.count * 2 > this.mask + 1) {
        this.grow();
        this.set(h, l, value);
        return;
      }
      this.slots[k] = h;
      this.slots[k + 1] = l;
    }
    this.slots[k + 2] = value;
  }

  /** The value of a cell, or −1. */
  get(h: number, l: number): number {
    return this.slots[this.slot(h, l) + 2]!;
  }

  private grow(): void {
    const old = this.slots;
    const capacity = (this.mask + 1) * 2;
    this.mask = capacity - 1;
    this.slots = emptySlots(capacity);
    this.count = 0;
    for (let k = 0; k < old.length; k += 3) if (old[k + 2] !== -1) this.set(old[k]!, old[k + 1]!, old[k + 2]!);
  }
}

/** MurmurHash3's 32-bit finaliser: every input bit reaches every output bit. */
function mix(v: number): number {
  v ^= v >>> 16;
  v = Math.imul(v, 0x85ebca6b);
  v ^= v >>> 13;
  v = Math.imul(v, 0xc2b2ae35);
  return v ^ (v >>> 16);
}

function emptySlots(capacity: number): Int32Array {
  const slots = new Int32Array(capacity * 3);
  for (let k = 2; k < slots.length; k += 3) slots[k] = -1;
  return slots;
}
