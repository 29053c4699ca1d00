/**
 * The English rule texts of the `rules` namespace, built from the engine's catalog when i18next loads: the
 * catalog is the one home of every rule's English title, rationale and fix and of the category headings (the
 * CLI prints the same words), so `locales/en/rules.json` holds only the panel's own strings. Other languages
 * keep their translations in their `rules.json` under the same keys (`ruleTextKey`, `categoryTitleKey`).
 */
import type { RuleCategory, RuleInfo } from '../../engine/checks/rule-catalog'

/** What one rule reads as under `rule.<id>`: no `fix` key for a rule without a quick fix. */
export interface RuleTextEntry {
  readonly title: string
  readonly rationale: string
  readonly fix?: string
}

/** The catalog's part of a `rules` namespace resource. */
export interface RuleTextResource {
  readonly category: Readonly<Record<string, string>>
  readonly rule: Readonly<Record<string, RuleTextEntry>>
}

/** `{ category: {...}, rule: {...} }` in the catalog's words. */
export function buildRuleTextResource(rules: readonly RuleInfo[], categoryTitles: Readonly<Record<RuleCategory, string>>): RuleTextResource {
  return {
    category: { ...categoryTitles },
    rule: Object.fromEntries(rules.map((rule) => [rule.id, {
      title: rule.title,
      rationale: rule.rationale,
      ...(rule.fix === null ? {} : { fix: rule.fix }),
    }])),
  }
}

/**
 * `chrome` (a language's `rules.json`) with `texts` added. The chrome must not carry keys of its own under
 * `category` or `rule` for this language: there is one home for them.
 */
export function mergeRuleTexts(chrome: Readonly<Record<string, unknown>>, texts: RuleTextResource): Record<string, unknown> {
  const clash = Object.keys(texts).filter((key) => key in chrome)
  if (clash.length > 0) throw new Error(`rules.json must not define ${clash.join(', ')}: they are built from the rule catalog`)
  return { ...chrome, ...texts }
}
