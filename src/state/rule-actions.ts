/**
 * The rules panel's changes to the rule settings (plain functions, as in actions.ts). A setting equal to the
 * rule's default is dropped, so the stored (and shared) settings stay small; the default is the rule catalog's.
 */
import type { RuleId, RuleSetting, Severity } from '../engine'
// The catalog itself (plain data), not the engine's index: the engine runs in the worker, not in the page bundle.
import { ruleInfo } from '../engine/checks/rule-catalog'
import { useStudioStore } from './store'

const { setState, getState } = useStudioStore

function update(id: RuleId, change: (setting: RuleSetting) => RuleSetting): void {
  const current = getState().ruleSettings
  const next = change(current[id] ?? {})
  const clean: { enabled?: boolean; severity?: Severity } = {}
  if (next.enabled === false) clean.enabled = false
  if (next.severity !== undefined && next.severity !== ruleInfo(id)?.severity) clean.severity = next.severity
  const { [id]: _old, ...rest } = current
  setState({ ruleSettings: Object.keys(clean).length > 0 ? { ...rest, [id]: clean } : rest })
}

/** Turns a rule on or off. */
export function setRuleEnabled(id: RuleId, enabled: boolean): void {
  update(id, (setting) => ({ ...setting, enabled }))
}

/** Sets a rule's severity; null goes back to the rule's default. */
export function setRuleSeverity(id: RuleId, severity: Severity | null): void {
  update(id, (setting) => ({ ...setting, severity: severity ?? undefined }))
}
