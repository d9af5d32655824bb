import type { Translator } from '../../../shared/i18n/create-translator';

/** Number formats shared by the compare view's tables, in the translator's locale. */
export function compareFormat({ number }: Pick<Translator, 'number'>) {
  const digits = (v: number) => (Math.abs(v) < 100 && !Number.isInteger(v) ? 1 : 0);
  const value = (v: number | null | undefined): string =>
    v === null || v === undefined || Number.isNaN(v) ? '—' : number(v, { maximumFractionDigits: digits(v) });
  return {
    value,
    /** A signed change (`+12`, `−3`; empty when nothing changed). */
    delta(v: number): string {
      if (v === 0 || Number.isNaN(v)) return '';
      return number(v, { maximumFractionDigits: digits(v), signDisplay: 'exceptZero' });
    },
    /** A fraction as a percentage. */
    percent(v: number | null | undefined, signed = false): string {
      if (v === null || v === undefined || Number.isNaN(v)) return '—';
      return number(v, { style: 'percent', maximumFractionDigits: 1, ...(signed ? { signDisplay: 'exceptZero' } : {}) });
    },
    km(v: number | null | undefined): string {
      return v === null || v === undefined || Number.isNaN(v) ? '—' : number(v, { maximumFractionDigits: v < 100 ? 1 : 0 });
    },
  };
}

/** Each territory's name in the base (`before`) and in the other scenario (`after`), where it exists there. */
export function territoryNamesBySide(territories: readonly { id: number; names: { before: string | null; after: string | null } }[]) {
  const before = new Map<number, string>();
  const after = new Map<number, string>();
  for (const x of territories) {
    if (x.names.before !== null) before.set(x.id, x.names.before);
    if (x.names.after !== null) after.set(x.id, x.names.after);
  }
  return { before, after };
}

/**
 * A territory's name on one side of the comparison, else its name on the other side (a
 * territory only one scenario has), else its id; `unassigned` for no territory (id < 0).
 */
export function territoryNameOn(names: ReturnType<typeof territoryNamesBySide>, id: number, side: 'before' | 'after', unassigned: string): string {
  if (id < 0) return unassigned;
  return names[side].get(id) ?? names[side === 'before' ? 'after' : 'before'].get(id) ?? String(id);
}
