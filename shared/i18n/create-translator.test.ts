import { describe, expect, it } from 'vitest';
import { createTranslator } from './create-translator';

describe('createTranslator', () => {
  it('fills parameters and formats numbers in the locale', () => {
    expect(createTranslator('en-US').t('territories.count', { count: 1234 })).toBe('1,234 territories');
    expect(createTranslator('de-DE').t('territories.count', { count: 1234 })).toBe('1.234 territories');
  });

  it('falls back to English, then to the key', () => {
    expect(createTranslator('ms-MY').t('action.undo')).toBe('Undo');
    expect(createTranslator('en').t('no.such.key')).toBe('no.such.key');
  });

  it('is right-to-left for Arabic and can be forced either way', () => {
    expect(createTranslator('ar-EG').dir).toBe('rtl');
    expect(createTranslator('ru-RU').dir).toBe('ltr');
    expect(createTranslator('en', 'rtl').dir).toBe('rtl');
  });
});
