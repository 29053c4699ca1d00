/**
 * The i18next resources whole: the locale files and the engine's templates (`collect-locales.ts`), with the
 * English rule texts built from the engine's rule catalog (`rules/rule-resource.ts`) and the English
 * scenario-control texts from its parameter table (`timeline/parameter-texts.ts`), which are their one home.
 * The page adds the built texts after its first paint (`deferred-english.ts`); tests take everything at once.
 */
import { CATEGORY_TITLES, RULES } from '../../engine/checks/rule-catalog'
import { ROLLOUT_PARAMETER_TABLE } from '../../engine/simulate/parameter-table'
import { buildRuleTextResource, mergeRuleTexts } from '../rules/rule-resource'
import { buildParameterTextResource, mergeParameterTexts, PARAMETER_TEXT_NAMESPACE } from '../timeline/parameter-texts'
import { collectLocales, type EngineTemplates, type Resources } from './collect-locales'

export type { EngineTemplates, Resources } from './collect-locales'

/**
 * The English namespaces that carry built texts, each merged with what its locale file (`chrome`, by namespace)
 * says: `rules` (titles, rationales, fixes) and the timeline's parameter texts.
 */
export function builtEnglishTexts(chrome: (namespace: string) => Readonly<Record<string, unknown>> | undefined): Record<string, Record<string, unknown>> {
  return {
    rules: mergeRuleTexts(chrome('rules') ?? {}, buildRuleTextResource(RULES, CATEGORY_TITLES)),
    [PARAMETER_TEXT_NAMESPACE]: mergeParameterTexts(chrome(PARAMETER_TEXT_NAMESPACE) ?? {}, buildParameterTextResource(ROLLOUT_PARAMETER_TABLE)),
  }
}

/** Every resource at once: the locale files, the engine's templates given, and the built English texts. */
export function collectResources(files: Readonly<Record<string, Record<string, unknown>>>, engine: EngineTemplates): Resources {
  const resources = collectLocales(files, engine)
  const en = resources.en
  if (en) Object.assign(en, builtEnglishTexts((namespace) => en[namespace]))
  return resources
}
