/**
 * The i18next resources: every locale file (`locales/<lang>/<namespace>.json`) by language and namespace, the
 * English rule texts from the engine's rule catalog (`rules/rule-resource.ts`) and the English scenario-control
 * texts from its parameter table (`timeline/parameter-texts.ts`), which are their one home; the `engine`
 * namespace is the engine's message catalog (`engine-text.ts`), given per language by the caller so the page's
 * first load carries English only (`index.ts`, `korean-resources.ts`).
 */
import { CATEGORY_TITLES, RULES } from '../../engine/checks/rule-catalog'
import { ROLLOUT_PARAMETER_TABLE } from '../../engine/simulate/parameter-table'
import { buildRuleTextResource, mergeRuleTexts } from '../rules/rule-resource'
import { buildParameterTextResource, mergeParameterTexts, PARAMETER_TEXT_NAMESPACE } from '../timeline/parameter-texts'

export type Resources = Record<string, Record<string, Record<string, unknown>>>

/** The engine's templates by language (`messageTemplates(language)`), for the languages being loaded. */
export type EngineTemplates = Readonly<Partial<Record<string, Readonly<Record<string, string>>>>>

/** `{ en: { app: {...}, graph: {...} }, ko: {...} }` from locale files keyed by their path and the engine's templates. */
export function collectResources(files: Readonly<Record<string, Record<string, unknown>>>, engine: EngineTemplates): Resources {
  const resources: Resources = {}
  for (const [path, content] of Object.entries(files)) {
    const match = /locales\/([^/]+)\/([^/]+)\.json$/.exec(path)
    if (!match) continue
    const [, language, namespace] = match as unknown as [string, string, string]
    ;(resources[language] ??= {})[namespace] = content
  }
  const en = resources.en
  if (en) {
    en.rules = mergeRuleTexts(en.rules ?? {}, buildRuleTextResource(RULES, CATEGORY_TITLES))
    en[PARAMETER_TEXT_NAMESPACE] = mergeParameterTexts(en[PARAMETER_TEXT_NAMESPACE] ?? {}, buildParameterTextResource(ROLLOUT_PARAMETER_TABLE))
  }
  for (const [language, templates] of Object.entries(engine)) if (templates) (resources[language] ??= {}).engine = { ...templates }
  return resources
}
