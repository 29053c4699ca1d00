import { describe, expect, it } from 'vitest'
import { CATEGORY_TITLES, RULES, type RuleCategory, type RuleInfo } from '../../engine/checks/rule-catalog'
import en from '../i18n/locales/en/rules.json'
import ko from '../i18n/locales/ko/rules.json'
import { categoryTitleKey, listMissingRuleKeys, ruleTextKey, translateRule } from './rule-text'

const CATEGORIES = Object.keys(CATEGORY_TITLES) as RuleCategory[]

describe('rule texts in the locale files', () => {
  it.each([['en', en], ['ko', ko]])('%s has a title, rationale, fix and category heading for every catalog rule', (_, resource) => {
    expect(listMissingRuleKeys(resource, RULES, CATEGORIES)).toEqual([])
  })

  it('English matches the catalog word for word', () => {
    for (const rule of RULES) {
      const entry = (en.rule as Record<string, { title?: string; rationale?: string; fix?: string }>)[rule.id]
      expect(entry, rule.id).toEqual({ title: rule.title, rationale: rule.rationale, ...(rule.fix === null ? {} : { fix: rule.fix }) })
    }
    for (const category of CATEGORIES) expect(en.category[category]).toBe(CATEGORY_TITLES[category])
  })

  it('has no entries for rules the catalog no longer has', () => {
    const ids = new Set<string>(RULES.map((rule) => rule.id))
    for (const resource of [en, ko]) expect(Object.keys(resource.rule).filter((id) => !ids.has(id))).toEqual([])
  })

  it('Korean is translated: no rule title or rationale is left in English', () => {
    const rules = ko.rule as Record<string, { title: string; rationale: string }>
    for (const rule of RULES) {
      expect(rules[rule.id]?.title, rule.id).not.toBe(rule.title)
      expect(rules[rule.id]?.rationale, rule.id).toMatch(/[\uac00-\ud7a3]/)
    }
  })
})

describe('listMissingRuleKeys', () => {
  const rule: RuleInfo = { id: 'prestop-missing', category: 'rollout', severity: 'warning', title: 'T', rationale: 'R', fix: 'F' }
  const noFix: RuleInfo = { ...rule, id: 'wildcard-host-apex', fix: null }

  it('names absent, empty and non-string entries, and a fix only where the rule has one', () => {
    const resource = { category: { rollout: 'Rollouts' }, rule: { 'prestop-missing': { title: 'x', rationale: ' ' }, 'wildcard-host-apex': { title: 1 } } }
    expect(listMissingRuleKeys(resource, [rule, noFix], ['rollout', 'tls'])).toEqual([
      'category.tls',
      'rule.prestop-missing.rationale',
      'rule.prestop-missing.fix',
      'rule.wildcard-host-apex.title',
      'rule.wildcard-host-apex.rationale',
    ])
  })

  it('treats a resource that is not an object as empty', () => {
    expect(listMissingRuleKeys(null, [noFix], [])).toEqual(['rule.wildcard-host-apex.title', 'rule.wildcard-host-apex.rationale'])
  })
})

describe('translateRule', () => {
  const rule: RuleInfo = { id: 'prestop-missing', category: 'rollout', severity: 'warning', title: 'T', rationale: 'R', fix: 'F' }

  it('asks for each field by rule id and uses what the language has', () => {
    const asked: string[] = []
    const text = translateRule(rule, (key) => (asked.push(key), `ko:${key}`))
    expect(asked).toEqual([ruleTextKey('prestop-missing', 'title'), ruleTextKey('prestop-missing', 'rationale'), ruleTextKey('prestop-missing', 'fix')])
    expect(text).toEqual({ title: 'ko:rule.prestop-missing.title', rationale: 'ko:rule.prestop-missing.rationale', fix: 'ko:rule.prestop-missing.fix' })
  })

  it('falls back to the catalog English for keys the language lacks', () => {
    expect(translateRule(rule, (_, fallback) => fallback)).toEqual({ title: 'T', rationale: 'R', fix: 'F' })
  })

  it('keeps fix null without asking when the rule has no quick fix', () => {
    const asked: string[] = []
    const text = translateRule({ ...rule, fix: null }, (key, fallback) => (asked.push(key), fallback))
    expect(text.fix).toBeNull()
    expect(asked).not.toContain('rule.prestop-missing.fix')
  })

  it('category keys follow the category id', () => {
    expect(categoryTitleKey('tls')).toBe('category.tls')
  })
})
