import { describe, expect, it } from 'vitest'
import { analyze } from '../analyze'
import { SEED_MANIFEST } from '../../presets/seed'
import { RULES } from './rule-catalog'
import { LINT_RULES } from './registry'
import { codesOf } from '../testing/quick-fixes'
import { stack } from '../testing/stack'

const READY = 'readinessProbe:\n  httpGet: {path: /healthz, port: http}'

describe('runChecks through analyze', () => {
  it('has a catalog entry for every rule, and every catalog id is unique', () => {
    const ids = RULES.map((rule) => rule.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const rule of LINT_RULES) expect(ids).toContain(rule.id)
  })

  it('turns a rule off and changes its severity', () => {
    const text = stack({ container: READY })
    expect(codesOf(text, { rules: { 'prestop-missing': { enabled: false } } })).not.toContain('prestop-missing')
    const graded = analyze([{ name: 't.yaml', text }], { rules: { 'prestop-missing': { severity: 'error' } } }).diagnostics
    expect(graded.find((d) => d.code === 'prestop-missing')?.severity).toBe('error')
  })

  it('surfaces routing findings as configurable rules', () => {
    const dup = stack({ container: `${READY}\nlifecycle: {preStop: {sleep: {seconds: 5}}}` }) + '---\n' +
      stack({ ingress: true }).split('---\n')[2]?.replace('name: web\nspec', 'name: web2\nspec')
    expect(codesOf(dup)).toContain('route-conflict')
    expect(codesOf(dup, { rules: { 'route-conflict': { enabled: false } } })).not.toContain('route-conflict')
  })

  it('finds in the seed: rewrite-target without capture and the missing preStops of s1 and s2, nothing at error', () => {
    const { diagnostics, certificates } = analyze([{ name: 'seed.yaml', text: SEED_MANIFEST }], { now: Date.UTC(2027, 0, 1) })
    const lints = diagnostics.filter((d) => !d.code.endsWith('api-version')).map((d) => d.code)
    expect(lints).toEqual(['rewrite-without-capture', 'prestop-missing', 'prestop-missing'])
    expect(certificates).toEqual([expect.objectContaining({ name: 'kube-book-secret', status: 'valid', hosts: [{ host: 'kube-book.com', ingress: 'default/ingress-ssl', coveredBy: 'kube-book.com' }] })])
  })
})
