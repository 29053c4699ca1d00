/**
 * The i18next resources as the locale files (`locales/<lang>/<namespace>.json`) give them, plus the engine's
 * templates for the languages given (the `engine` namespace, `engine-text.ts`). No catalog is imported here: the
 * page's first load builds its resources with this alone (`index.ts`); the texts built from the engine's rule
 * catalog and parameter table are added later (`collect-resources.ts`, `deferred-english.ts`).
 */

export type Resources = Record<string, Record<string, Record<string, unknown>>>

/** The engine's templates by language (`messageTemplates(language)`), for the languages being loaded. */
export type EngineTemplates = Readonly<Partial<Record<string, Readonly<Record<string, string>>>>>

/** `{ en: { app: {...}, graph: {...} }, ko: {...} }` from locale files keyed by their path and the engine's templates. */
export function collectLocales(files: Readonly<Record<string, Record<string, unknown>>>, engine: EngineTemplates): Resources {
  const resources: Resources = {}
  for (const [path, content] of Object.entries(files)) {
    const match = /locales\/([^/]+)\/([^/]+)\.json$/.exec(path)
    if (!match) continue
    const [, language, namespace] = match as unknown as [string, string, string]
    ;(resources[language] ??= {})[namespace] = content
  }
  for (const [language, templates] of Object.entries(engine)) if (templates) (resources[language] ??= {}).engine = { ...templates }
  return resources
}
