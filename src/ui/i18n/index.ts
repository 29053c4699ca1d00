/**
 * Every string the studio shows goes through i18next, in English and Korean. Each feature owns one namespace (a
 * JSON file per language in `locales/<lang>/<namespace>.json`); the English rule texts come from the engine's rule
 * catalog (`collect-resources.ts`). The first load carries the UI's English (but the presets' texts, which load
 * with their views: `loadEnglishNamespace`); the engine's English words load beside the engine worker
 * (`engineTextsReady`); Korean, the UI's and the engine's, is one chunk (`korean-resources.ts`) loaded before the
 * first render when the reader's language is Korean (`languageReady`), else on the switch. All are precached, so
 * nothing is fetched offline. The choice is remembered in localStorage; the first visit follows the browser's
 * language (docs/i18n.md).
 */
import i18n from 'i18next'
import { initReactI18next } from 'react-i18next'
import { collectLocales } from './collect-locales'

export const LANGUAGES = ['en', 'ko'] as const
export type Language = (typeof LANGUAGES)[number]

export const LANGUAGE_STORAGE_KEY = 'ingress-studio.language.v1'

// English namespaces in the first load: all but the ones only a view that loads later reads (`loadEnglishNamespace`).
const files = import.meta.glob<Record<string, unknown>>(['./locales/en/*.json', '!./locales/en/presets.json'], { eager: true, import: 'default' })
/** English namespaces that load with the one view that reads them: the presets' titles and guided steps (13 KB). */
const laterEnglish = import.meta.glob<Record<string, unknown>>('./locales/en/presets.json', { import: 'default' })

// The engine's English templates and the texts built from its catalogs are not here: they load beside the engine
// worker (`engineTextsReady`).
const resources = collectLocales(files, {})

/**
 * The remembered language, else the first of the browser's languages the studio has, else English — what
 * i18next's browser detector did with `order: ['localStorage', 'navigator']`, in the dozen lines this needs
 * (the detector's other sources, cookies, query strings and the like, are not used here).
 */
function detectLanguage(): Language {
  const known = (tag: string | null | undefined): Language | undefined => LANGUAGES.find((language) => language === tag?.toLowerCase().split('-')[0])
  try {
    const saved = known(window.localStorage.getItem(LANGUAGE_STORAGE_KEY))
    if (saved) return saved
  } catch {
    // Storage refused (some privacy modes throw): follow the browser.
  }
  for (const tag of navigator.languages ?? [navigator.language]) {
    const language = known(tag)
    if (language) return language
  }
  return 'en'
}

const detected = detectLanguage()

/** Every language the studio takes (the first one too) is remembered for the next visit. */
i18n.on('languageChanged', (language) => {
  try {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, language)
  } catch {
    // Storage refused: the choice holds for this visit.
  }
})

void i18n
  .use(initReactI18next)
  .init({
    lng: detected,
    resources,
    supportedLngs: [...LANGUAGES],
    nonExplicitSupportedLngs: true,
    fallbackLng: 'en',
    // Korean and some English arrive later as resource bundles (`loadKorean`, `engineTextsReady`, `loadEnglishNamespace`).
    partialBundledLanguages: true,
    ns: [...Object.keys(resources.en ?? {}), 'engine'],
    defaultNS: 'app',
    // React escapes what it renders; i18next must not escape a second time (names would show as &lt;…).
    interpolation: { escapeValue: false },
    returnNull: false,
    // Views re-render when a language's bundles arrive (the engine's words, Korean), not only on a switch.
    react: { bindI18nStore: 'added' },
  })

/**
 * The engine's English templates (the `engine` namespace) and the texts built from its rule catalog and parameter
 * table, loaded at start beside the engine worker instead of in the first paint (`deferred-english.ts`): nothing
 * on screen says them before the engine has answered, and the engine client hands answers over only after this
 * (`answersAfter`, start-studio.ts). English is every language's fallback.
 */
export const engineTextsReady: Promise<void> = import('./deferred-english').then(({ deferredEnglish }) => {
  const added = deferredEnglish((namespace) => i18n.getResourceBundle('en', namespace) as Record<string, unknown> | undefined)
  for (const [namespace, content] of Object.entries(added)) i18n.addResourceBundle('en', namespace, content, true, true)
})

/** Adds an English namespace kept out of the first load; the view that reads it loads with this (Korean has all). */
export function loadEnglishNamespace(namespace: 'presets'): Promise<void> {
  const load = laterEnglish[`./locales/en/${namespace}.json`]
  if (!load || i18n.hasResourceBundle('en', namespace)) return Promise.resolve()
  return load().then((content) => {
    i18n.addResourceBundle('en', namespace, content, true, true)
  })
}

let korean: Promise<void> | undefined

/** Adds the Korean resources once (one chunk: the UI's namespaces and the engine's templates). */
function loadKorean(): Promise<void> {
  korean ??= import('./korean-resources').then(({ KOREAN_RESOURCES }) => {
    for (const [namespace, content] of Object.entries(KOREAN_RESOURCES)) i18n.addResourceBundle('ko', namespace, content, true, true)
  })
  return korean
}

/** The detected language's resources, loaded: main.tsx renders after this, so a Korean reader never sees English first. */
export const languageReady: Promise<void> = detected === 'ko'
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
