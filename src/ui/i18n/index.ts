/**
 * Every string the studio shows goes through i18next, in English and Korean. Each feature owns one namespace (a
 * JSON file per language in `locales/<lang>/<namespace>.json`); the English rule texts come from the engine's rule
 * catalog (`collect-resources.ts`). English is in the first load; Korean (the UI's and the engine's) is one chunk
 * loaded when the reader needs it (`korean-resources.ts`): before the first render when the remembered or browser
 * language is Korean (`languageReady`), else on the switch. Both are precached, so nothing is fetched offline.
 * The choice is remembered in localStorage; the first visit follows the browser's language.
 */
import i18n from 'i18next'
import LanguageDetector from 'i18next-browser-languagedetector'
import { initReactI18next } from 'react-i18next'
import { englishTemplates } from '../../engine/messages/families-en'
import { collectResources } from './collect-resources'

export const LANGUAGES = ['en', 'ko'] as const
export type Language = (typeof LANGUAGES)[number]

export const LANGUAGE_STORAGE_KEY = 'ingress-studio.language.v1'

const files = import.meta.glob<Record<string, unknown>>('./locales/en/*.json', { eager: true, import: 'default' })

const resources = collectResources(files, { en: englishTemplates() })

void i18n
  .use(LanguageDetector)
  .use(initReactI18next)
  .init({
    resources,
    supportedLngs: [...LANGUAGES],
    nonExplicitSupportedLngs: true,
    fallbackLng: 'en',
    // Korean arrives later as resource bundles (loadLanguage); until then i18next must not treat it as missing.
    partialBundledLanguages: true,
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

let korean: Promise<void> | undefined

/** Adds the Korean resources once (one chunk: the UI's namespaces and the engine's templates). */
function loadKorean(): Promise<void> {
  korean ??= import('./korean-resources').then(({ KOREAN_RESOURCES }) => {
    for (const [namespace, content] of Object.entries(KOREAN_RESOURCES)) i18n.addResourceBundle('ko', namespace, content, true, true)
  })
  return korean
}

/** The detected language's resources, loaded: main.tsx renders after this, so a Korean reader never sees English first. */
// `language`, not `resolvedLanguage`: before its resources are added, Korean resolves to the English fallback.
export const languageReady: Promise<void> = /^ko\b/i.test(i18n.language ?? '')
  ? loadKorean().then(() => i18n.changeLanguage('ko')).then(() => undefined)
  : Promise.resolve()

/** Switches the UI language at run time (loading Korean first when it is new) and remembers it. */
export function setLanguage(language: Language): Promise<void> {
  return (language === 'ko' ? loadKorean() : Promise.resolve()).then(() => i18n.changeLanguage(language)).then(() => undefined)
}

/** The active language, narrowed to the ones the studio has. */
export function currentLanguage(): Language {
  return i18n.resolvedLanguage === 'ko' ? 'ko' : 'en'
}

export { i18n }
