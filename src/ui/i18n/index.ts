/**
 * Every string the studio shows goes through i18next, in English and Korean. Each feature owns one namespace (a
 * JSON file per language in `locales/<lang>/<namespace>.json`); all are bundled, so switching language never
 * fetches anything; the English rule texts come from the engine's rule catalog (`collect-resources.ts`). The
 * choice is remembered in localStorage; the first visit follows the browser's language.
 */
import i18n from 'i18next'
import LanguageDetector from 'i18next-browser-languagedetector'
import { initReactI18next } from 'react-i18next'
import { collectResources } from './collect-resources'

export const LANGUAGES = ['en', 'ko'] as const
export type Language = (typeof LANGUAGES)[number]

export const LANGUAGE_STORAGE_KEY = 'ingress-studio.language.v1'

// Vite bundles every locale file eagerly: a few KB of JSON, and no request at run time.
const files = import.meta.glob<Record<string, unknown>>('./locales/*/*.json', { eager: true, import: 'default' })

const resources = collectResources(files)

void i18n
  .use(LanguageDetector)
  .use(initReactI18next)
  .init({
    resources,
    supportedLngs: [...LANGUAGES],
    nonExplicitSupportedLngs: true,
    fallbackLng: 'en',
    ns: Object.keys(resources.en ?? {}),
    defaultNS: 'app',
    // React escapes what it renders; i18next must not escape a second time (names would show as &lt;…).
    interpolation: { escapeValue: false },
    detection: {
      order: ['localStorage', 'navigator'],
      lookupLocalStorage: LANGUAGE_STORAGE_KEY,
      caches: ['localStorage'],
    },
    returnNull: false,
  })

/** Switches the UI language at run time and remembers it. */
export function setLanguage(language: Language): void {
  void i18n.changeLanguage(language)
}

/** The active language, narrowed to the ones the studio has. */
export function currentLanguage(): Language {
  return i18n.resolvedLanguage === 'ko' ? 'ko' : 'en'
}

export { i18n }
