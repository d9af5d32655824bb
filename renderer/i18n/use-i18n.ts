import { createContext, useContext } from 'react';
import { createTranslator, type Translator } from '../../shared/i18n/create-translator';

export const I18nContext = createContext<Translator>(createTranslator('en'));

/** The active translator: `const { t, number } = useI18n()`. */
export function useI18n(): Translator {
  return useContext(I18nContext);
}
