/**
 * Which ids name a configurable rule: a leaf (it imports only the code lists), so the page can check stored rule
 * settings without loading the rule catalog's texts (`rule-catalog.ts` has every rule's title and rationale).
 */
import { LINT_CODES, ROUTE_CODES, type LintCode, type RouteCode } from '../diagnostics'

/** The id of a configurable rule: a lint code, a routing finding's code, or the model stage's API version rule. */
export type RuleId = LintCode | RouteCode | 'removed-api-version'

const RULE_IDS: ReadonlySet<string> = new Set<string>([...LINT_CODES, ...ROUTE_CODES, 'removed-api-version'])

export function isRuleId(id: string): id is RuleId {
  return RULE_IDS.has(id)
}
