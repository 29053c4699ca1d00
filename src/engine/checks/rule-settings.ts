/**
 * The user's rule settings (the rules panel): per rule, on or off and a severity. Part of the scenario, so
 * plain data; absent entries mean the rule's defaults.
 */
import type { Severity } from '../diagnostics'
import type { RuleId } from './rule-catalog'

export interface RuleSetting {
  /** Default: true. */
  readonly enabled?: boolean
  /** Default: the rule's own (or the finding's) severity. */
  readonly severity?: Severity
}

export type RuleSettings = Readonly<Partial<Record<RuleId, RuleSetting>>>

/** The severity a finding of `id` gets, or null when the rule is off. `own` is the finding's default. */
export function effectiveSeverity(settings: RuleSettings | undefined, id: RuleId, own: Severity): Severity | null {
  const setting = settings?.[id]
  if (setting?.enabled === false) return null
  return setting?.severity ?? own
}
