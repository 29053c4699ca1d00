/**
 * The words the rules panel shows for a rule: its title, rationale and quick fix from the `rules` namespace
 * (`rule.<id>.title` …), keyed by rule id, with the catalog's English when a language lacks a key. The catalog
 * stays engine data in English and is loaded as the English resource (`rule-resource.ts`); translations live with
 * the UI.
 */
import type { RuleCategory, RuleId, RuleInfo } from '../../engine/checks/rule-catalog'
import { listMissingTexts } from '../i18n/resource-paths'

export type RuleField = 'title' | 'rationale' | 'fix'

/** What a rule reads as in one language. `fix` is null exactly when the catalog has no quick fix. */
export interface RuleText {
  readonly title: string
  readonly rationale: string
  readonly fix: string | null
}

/** Looks `key` up in the `rules` namespace; answers `fallback` when the active language (and English) lack it. */
export type TranslateWithFallback = (key: string, fallback: string) => string

/** The `rules` namespace key of one field of rule `id`. */
export function ruleTextKey(id: RuleId, field: RuleField): string {
  return `rule.${id}.${field}`
}

/** The `rules` namespace key of a category's heading. */
export function categoryTitleKey(category: RuleCategory): string {
  return `category.${category}`
}

/** The rule's title, rationale and fix in the active language, each falling back to the catalog's English. */
export function translateRule(rule: RuleInfo, translate: TranslateWithFallback): RuleText {
  return {
    title: translate(ruleTextKey(rule.id, 'title'), rule.title),
    rationale: translate(ruleTextKey(rule.id, 'rationale'), rule.rationale),
    fix: rule.fix === null ? null : translate(ruleTextKey(rule.id, 'fix'), rule.fix),
  }
}

/**
 * The keys a `rules` namespace resource lacks for `rules` and `categories`: every title and rationale, a fix
 * for each rule that has one, and every category heading. Empty strings count as missing.
 */
export function listMissingRuleKeys(resource: unknown, rules: readonly RuleInfo[], categories: readonly RuleCategory[]): string[] {
  const wanted = [
    ...categories.map(categoryTitleKey),
    ...rules.flatMap((rule) => (['title', 'rationale', ...(rule.fix === null ? [] : ['fix'])] as RuleField[]).map((field) => ruleTextKey(rule.id, field))),
  ]
  return listMissingTexts(resource, wanted)
}
