import { beforeEach, describe, expect, it } from 'vitest'
import { analyzeOptions, loadRuleSettings, replaceRuleSettings, resetRuleSettings, RULES_STORAGE_KEY, startRulesPersistence } from './rules'
import { setRuleEnabled, setRuleSeverity } from './rule-actions'
import { useStudioStore } from './store'

function memoryStorage(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial))
  return { getItem: (key: string) => items.get(key) ?? null, setItem: (key: string, value: string) => void items.set(key, value), items }
}

const settings = () => useStudioStore.getState().ruleSettings

describe('rule settings', () => {
  beforeEach(() => resetRuleSettings())

  it('keeps only what differs from the rule defaults', () => {
    setRuleEnabled('prestop-missing', false)
    setRuleSeverity('prestop-missing', 'error')
    expect(settings()).toEqual({ 'prestop-missing': { enabled: false, severity: 'error' } })
    setRuleEnabled('prestop-missing', true)
    setRuleSeverity('prestop-missing', 'warning') // the rule's own default
    expect(settings()).toEqual({})
    setRuleSeverity('tls-cert-expired', 'warning')
    setRuleSeverity('tls-cert-expired', null)
    expect(settings()).toEqual({})
  })

  it('goes into every analysis with the current time', () => {
    setRuleEnabled('regex-enforced', false)
    const options = analyzeOptions()
    expect(options.rules).toEqual({ 'regex-enforced': { enabled: false } })
    expect(Math.abs((options.now ?? 0) - Date.now())).toBeLessThan(1000)
  })

  it('is restored from storage (unknown rules and values dropped) and saved on every change', () => {
    const storage = memoryStorage({ [RULES_STORAGE_KEY]: JSON.stringify({ 'prestop-missing': { enabled: false }, bogus: { enabled: false }, 'tls-key-mismatch': { severity: 'loud' } }) })
    const stop = startRulesPersistence(storage)
    expect(settings()).toEqual({ 'prestop-missing': { enabled: false } })
    setRuleSeverity('readiness-too-slow', 'error')
    expect(JSON.parse(storage.items.get(RULES_STORAGE_KEY)!)).toEqual({ 'prestop-missing': { enabled: false }, 'readiness-too-slow': { severity: 'error' } })
    stop()
    replaceRuleSettings({})
    expect(JSON.parse(storage.items.get(RULES_STORAGE_KEY)!)).toHaveProperty('readiness-too-slow')
  })

  it('reads broken storage as no settings', () => {
    expect(loadRuleSettings(memoryStorage({ [RULES_STORAGE_KEY]: '{not json' }))).toEqual({})
    expect(loadRuleSettings(undefined)).toEqual({})
  })
})

describe('isRuleId (the id list the first paint checks stored settings with)', () => {
  it('names exactly the rules of the catalog', async () => {
    const { isRuleId } = await import('../engine/checks/rule-id')
    const { RULES, ruleInfo } = await import('../engine/checks/rule-catalog')
    const { LINT_CODES, ROUTE_CODES, MODEL_CODES, SOURCE_CODES } = await import('../engine/diagnostics')
    for (const rule of RULES) expect(isRuleId(rule.id), rule.id).toBe(true)
    for (const code of [...LINT_CODES, ...ROUTE_CODES, ...MODEL_CODES, ...SOURCE_CODES, 'not-a-rule']) {
      expect(isRuleId(code), code).toBe(ruleInfo(code) !== undefined)
    }
  })
})
