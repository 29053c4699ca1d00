import { describe, expect, it } from 'vitest'
import { analyze } from '../analyze'
import { formatMessage } from '../messages/render'
import { SEED_MANIFEST } from '../../presets/seed'
import { applyEdits } from './apply-fix'
import { findQuickFixes } from './quick-fixes'

const files = [{ name: 'seed.yaml', text: SEED_MANIFEST }]
const diagnostics = analyze(files).diagnostics

describe('findQuickFixes', () => {
  it('offers the fixes of the lint at the range, the first one preferred', () => {
    const prestop = diagnostics.find((d) => d.code === 'prestop-missing')!
    const fixes = findQuickFixes(files, {}, { file: 'seed.yaml', code: 'prestop-missing', span: prestop.span })
    expect(fixes.map((fix) => [formatMessage(fix.title).slice(0, 24), fix.preferred])).toEqual([['Add a preStop sleep of 5', true], ['Add a preStop exec "slee', false]])
    const fixed = applyEdits(SEED_MANIFEST, fixes[0]!.edits)
    expect(analyze([{ name: 'seed.yaml', text: fixed }]).diagnostics.filter((d) => d.code === 'prestop-missing')).toHaveLength(1)
  })

  it('converts the one object whose removed apiVersion is marked', () => {
    const deployment = diagnostics.find((d) => d.code === 'removed-api-version' && d.message.startsWith('Deployment'))!
    const [fix] = findQuickFixes(files, {}, { file: 'seed.yaml', code: 'removed-api-version', span: deployment.span })
    expect(formatMessage(fix!.title)).toBe('Convert to apps/v1')
    expect(formatMessage(fix!.title, 'ko')).toBe('apps/v1 버전으로 변환')
    const fixed = applyEdits(SEED_MANIFEST, fix!.edits)
    expect(fixed.match(/^apiVersion: extensions\/v1beta1$/gm)).toHaveLength(3)
    expect(fixed).toContain('apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: websample\n')
  })

  it('makes a regex path ImplementationSpecific', () => {
    const text = 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: r}\nspec:\n  rules:\n  - http:\n      paths:\n      - path: /v[0-9]+\n        pathType: Prefix\n        backend: {service: {name: s, port: {number: 80}}}\n'
    const strict = analyze([{ name: 'r.yaml', text }]).diagnostics.find((d) => d.code === 'nginx-strict-path')!
    const [fix] = findQuickFixes([{ name: 'r.yaml', text }], {}, { file: 'r.yaml', code: 'nginx-strict-path', span: strict.span })
    expect(applyEdits(text, fix!.edits)).toContain('        pathType: ImplementationSpecific\n')
    expect(formatMessage(fix!.title, 'ko')).toBe('pathType을 ImplementationSpecific으로 변경(정규식 문자가 있는 경로에 필요)')
  })

  it('offers nothing for another code, another file, or a range without that diagnostic', () => {
    const prestop = diagnostics.find((d) => d.code === 'prestop-missing')!
    expect(findQuickFixes(files, {}, { file: 'seed.yaml', code: 'readiness-probe-missing', span: prestop.span })).toEqual([])
    expect(findQuickFixes(files, {}, { file: 'other.yaml', code: 'prestop-missing', span: prestop.span })).toEqual([])
    expect(findQuickFixes(files, {}, { file: 'seed.yaml', code: 'prestop-missing', span: { start: 0, end: 1 } })).toEqual([])
  })

  it('titles every fix in both languages from the quick-fix family', () => {
    const titles = diagnostics.flatMap((d) => findQuickFixes(files, {}, { file: 'seed.yaml', code: d.code, span: d.span })).map((fix) => fix.title)
    expect(new Set(titles.map((title) => title.id)).size).toBeGreaterThanOrEqual(4)
    for (const title of titles) {
      expect(title.id).toMatch(/^fix-/)
      expect(formatMessage(title, 'ko'), formatMessage(title)).toMatch(/[\uAC00-\uD7A3]/)
    }
  })

  it('offers nothing for a rule the settings turned off', () => {
    const prestop = diagnostics.find((d) => d.code === 'prestop-missing')!
    expect(findQuickFixes(files, { rules: { 'prestop-missing': { enabled: false } } }, { file: 'seed.yaml', code: 'prestop-missing', span: prestop.span })).toEqual([])
  })
})
