/**
 * The rule settings: actions (plain functions, as in actions.ts), the analysis options they make, and their
 * persistence under `ingress-studio.rules.v1`. A setting equal to the rule's default is dropped, so the stored
 * (and shared) settings stay small.
 */
import type { AnalyzeOptions, RuleId, RuleSetting, RuleSettings, Severity } from '../engine'
// The catalog itself (plain data), not the engine's index: the engine runs in the worker, not in the page bundle.
import { ruleInfo } from '../engine/checks/rule-catalog'
import { useStudioStore, type StudioState } from './store'

const { setState, getState } = useStudioStore

export const RULES_STORAGE_KEY = 'ingress-studio.rules.v1'

export const selectRuleSettings = (state: StudioState): RuleSettings => state.ruleSettings

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

/** Every rule back to its defaults. */
export function resetRuleSettings(): void {
  setState({ ruleSettings: {} })
}

/** Replaces the settings whole (a share link or a saved scenario). */
export function replaceRuleSettings(ruleSettings: RuleSettings): void {
  setState({ ruleSettings })
}

/** The options every analysis runs with: the rule settings and the current time (for certificate expiry). */
export function analyzeOptions(state: StudioState = getState()): AnalyzeOptions {
  return { rules: state.ruleSettings, now: Date.now() }
}

type TextStorage = Pick<Storage, 'getItem' | 'setItem'>

/** Reads saved settings; anything unreadable or unknown is left out. */
export function loadRuleSettings(storage: TextStorage | undefined): RuleSettings {
  try {
    const raw = storage?.getItem(RULES_STORAGE_KEY)
    if (!raw) return {}
    const parsed = JSON.parse(raw) as Record<string, unknown>
    const out: Record<string, RuleSetting> = {}
    for (const [id, value] of Object.entries(parsed ?? {})) {
      if (!ruleInfo(id) || typeof value !== 'object' || value === null) continue
      const { enabled, severity } = value as { enabled?: unknown; severity?: unknown }
      const setting: { enabled?: boolean; severity?: Severity } = {}
      if (enabled === false) setting.enabled = false
      if (severity === 'error' || severity === 'warning' || severity === 'info') setting.severity = severity
      if (Object.keys(setting).length > 0) out[id] = setting
    }
    return out as RuleSettings
  } catch {
    return {}
  }
}

/** Restores the saved settings and saves every change; returns a function that stops saving. */
export function startRulesPersistence(storage: TextStorage | undefined): () => void {
  replaceRuleSettings(loadRuleSettings(storage))
  // Saved at once: settings change on a click, not per keystroke, and a reload right after must keep them.
  const save = (settings: RuleSettings): void => {
    try {
      storage?.setItem(RULES_STORAGE_KEY, JSON.stringify(settings))
    } catch {
      // Storage refused (quota, privacy mode): the settings still apply for this visit.
    }
  }
  return useStudioStore.subscribe((state, previous) => {
    if (state.ruleSettings !== previous.ruleSettings) save(state.ruleSettings)
  })
}
