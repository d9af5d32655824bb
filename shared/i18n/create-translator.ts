import { en, type Catalog, type MessageKey } from './messages/en';

const CATALOGS: Record<string, Catalog> = { en };
const RTL_LANGUAGES = new Set(['ar', 'he', 'fa', 'ur', 'ps', 'sd', 'ug', 'yi']);

export interface Translator {
  locale: string;
  dir: 'ltr' | 'rtl';
  /** Looks a key up (falling back to English, then to the key) and fills `{param}`s. */
  t(key: MessageKey | string, params?: Record<string, string | number>): string;
  number(value: number, options?: Intl.NumberFormatOptions): string;
  compact(value: number): string;
  date(iso: string): string;
}

/**
 * Builds the translator for a BCP 47 locale. Numbers and dates always go through Intl in
 * that locale; text comes from the locale's catalog where one exists.
 */
export function createTranslator(locale: string, dirOverride?: 'ltr' | 'rtl'): Translator {
  const language = locale.toLowerCase().split('-')[0] ?? 'en';
  const catalog = CATALOGS[language] ?? {};
  const numberFormat = new Intl.NumberFormat(locale);
  const compactFormat = new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 });
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const t = (key: string, params?: Record<string, string | number>) => {
    const template = (catalog as Record<string, string>)[key] ?? (en as Record<string, string>)[key] ?? key;
    if (!params) return template;
    return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = params[name];
      if (value === undefined) return whole;
      return typeof value === 'number' ? numberFormat.format(value) : value;
    });
  };
  return {
    locale,
    dir: dirOverride ?? (RTL_LANGUAGES.has(language) ? 'rtl' : 'ltr'),
    t,
    number: (value, options) => (options ? new Intl.NumberFormat(locale, options).format(value) : numberFormat.format(value)),
    compact: (value) => compactFormat.format(value),
    date: (iso) => {
      const d = new Date(iso);
      return Number.isNaN(d.getTime()) ? iso : dateFormat.format(d);
    },
  };
}
