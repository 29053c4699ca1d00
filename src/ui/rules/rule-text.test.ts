import { describe, expect, it } from 'vitest'
import { CATEGORY_TITLES, RULES, type RuleCategory, type RuleInfo } from '../../engine/checks/rule-catalog'
import { collectResources } from '../i18n/collect-resources'
import { ALL_ENGINE_TEMPLATES } from '../testing/engine-templates'
import enChrome from '../i18n/locales/en/rules.json'
import koFile from '../i18n/locales/ko/rules.json'
import { buildRuleTextResource, mergeRuleTexts } from './rule-resource'
import { categoryTitleKey, listMissingRuleKeys, ruleTextKey, translateRule } from './rule-text'

const CATEGORIES = Object.keys(CATEGORY_TITLES) as RuleCategory[]
/** The `rules` namespace as i18next gets it: English built from the catalog, Korean from its file. */
const loaded = collectResources({ './locales/en/rules.json': enChrome, './locales/ko/rules.json': koFile }, ALL_ENGINE_TEMPLATES)
const en = loaded.en!.rules as { category: Record<string, string>; rule: Record<string, { title: string; rationale: string; fix?: string }> }
const ko = loaded.ko!.rules as typeof en

describe('rule texts as i18next loads them', () => {
  it.each([['en', en], ['ko', ko]])('%s has a title, rationale, fix and category heading for every catalog rule', (_, resource) => {
    expect(listMissingRuleKeys(resource, RULES, CATEGORIES)).toEqual([])
  })

  it('English is the catalog word for word', () => {
    for (const rule of RULES) {
      expect(en.rule[rule.id], rule.id).toEqual({ title: rule.title, rationale: rule.rationale, ...(rule.fix === null ? {} : { fix: rule.fix }) })
    }
    for (const category of CATEGORIES) expect(en.category[category]).toBe(CATEGORY_TITLES[category])
  })

  it('the English file holds only the panel\'s own strings: rule texts have one home, the catalog', () => {
    expect(Object.keys(enChrome)).not.toContain('rule')
    expect(Object.keys(enChrome)).not.toContain('category')
    expect((loaded.en!.rules as Record<string, unknown>).quickFix).toBe(enChrome.quickFix)
  })

  it('Korean has no entries for rules or categories the catalog no longer has', () => {
    const ids = new Set<string>(RULES.map((rule) => rule.id))
    expect(Object.keys(ko.rule).filter((id) => !ids.has(id))).toEqual([])
    expect(Object.keys(ko.category).filter((id) => !(id in CATEGORY_TITLES))).toEqual([])
  })

  it('Korean is translated: no rule title or rationale is left in English', () => {
    for (const rule of RULES) {
      expect(ko.rule[rule.id]?.title, rule.id).not.toBe(rule.title)
      expect(ko.rule[rule.id]?.rationale, rule.id).toMatch(/[\uac00-\ud7a3]/)
    }
  })
})

describe('buildRuleTextResource and mergeRuleTexts', () => {
  const rule: RuleInfo = { id: 'prestop-missing', category: 'rollout', severity: 'warning', title: 'T', rationale: 'R', fix: 'F' }

  it('writes a fix key only for a rule that has a quick fix', () => {
    expect(buildRuleTextResource([rule, { ...rule, id: 'wildcard-host-apex', fix: null }], CATEGORY_TITLES).rule).toEqual({
      'prestop-missing': { title: 'T', rationale: 'R', fix: 'F' },
      'wildcard-host-apex': { title: 'T', rationale: 'R' },
    })
  })

  it('refuses a file that writes rule texts of its own beside the catalog\'s', () => {
    expect(() => mergeRuleTexts({ rule: {} }, buildRuleTextResource([rule], CATEGORY_TITLES))).toThrow(/rule/)
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
