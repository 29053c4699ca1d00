/**
 * The rule settings: the analysis options they make, replacing them whole, and their persistence under
 * `ingress-studio.rules.v1`. The rules panel's changes are `rule-actions.ts` (they need the rule catalog's
 * defaults, which the first paint does without).
 */
import type { AnalyzeOptions, RuleSetting, RuleSettings, Severity } from '../engine'
// The id list alone (a leaf), not the catalog's texts nor the engine's index: the engine runs in the worker.
import { isRuleId } from '../engine/checks/rule-id'
import { useStudioStore, type StudioState } from './store'

const { setState, getState } = useStudioStore

export const RULES_STORAGE_KEY = 'ingress-studio.rules.v1'

export const selectRuleSettings = (state: StudioState): RuleSettings => state.ruleSettings

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
      if (!isRuleId(id) || typeof value !== 'object' || value === null) continue
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
