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
