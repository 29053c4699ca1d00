import { describe, expect, it } from 'vitest'
import { analyzeText } from '../../testing/analyze-text'
import { ingressYaml, nginx } from '../../testing/ingress-yaml'

const regexIngress = (path: string, annotations: Record<string, string> = { 'use-regex': 'true' }) =>
  ingressYaml('attack', { annotations: nginx(annotations), rules: [{ host: 't.test', paths: [{ path, type: 'ImplementationSpecific', backend: 'app:80' }] }] })

describe('catastrophic-regex', () => {
  it.each(['/(a+)+b', '/(a|aa)+$', '/(.*a){20}', '/([a-z]+/?)+$', '/(\\w+\\s?)*x'])('fires at the path %s', (path) => {
    const found = analyzeText(regexIngress(path)).of('catastrophic-regex')
    // The YAML writer quotes regex paths; the marker covers the scalar as written.
    expect(found).toEqual([expect.objectContaining({ text: JSON.stringify(path), severity: 'warning' })])
    expect(found[0]?.message).toMatch(/match limit .* 500/)
  })

  it.each(['/api(/|$)(.*)', '/(v1|v2)/users/[0-9]+', '/(/[a-z0-9-]+)*$', '/foo/(.+)', '/[a-z]+/[0-9]+/.*', '/(ab)+c'])('does not fire for the ordinary path %s', (path) => {
    expect(analyzeText(regexIngress(path)).of('catastrophic-regex')).toEqual([])
  })

  // An atomic group or possessive quantifier is the cure (pcre2pattern, "Atomic grouping and possessive
  // quantifiers"); src/engine/route/nginx-regex.test.ts checks on the real nginx that the cured forms of /(a+)+b,
  // /(a|aa)+$ and the doc's (\D+|<\d+>)*[!?] never reach the match limit while the plain forms answer 500.
  it.each(['/(?>a+)+b', '/(a++)+b', '/(a+)++b', '/a++b', '/(?>a|aa)+$', '/w((?>\\D+)|<\\d+>)*[!?]', '/(?>(a+)+)b', '/x(*atomic:[a-z]+/?)+$'])(
    'does not fire for %s, where an atomic group or possessive quantifier stops the backtracking',
    (path) => {
      expect(analyzeText(regexIngress(path)).of('catastrophic-regex')).toEqual([])
    },
  )

  it.each(['/v(\\D+|<\\d+>)*[!?]', '/(?>(a+)+b)', '/((?>a+)|ab|b)+$', '/(?>x|(a|aa)+$)'])('still fires for %s, where the backtracking happens inside the atomic group or beside it', (path) => {
    expect(analyzeText(regexIngress(path)).of('catastrophic-regex')).toHaveLength(1)
  })

  it('judges paths only where ingress-nginx treats them as regexes (use-regex or rewrite-target)', () => {
    expect(analyzeText(regexIngress('/(a+)+b', {})).of('catastrophic-regex')).toEqual([])
    expect(analyzeText(regexIngress('/(a+)+b', { 'rewrite-target': '/$1' })).of('catastrophic-regex')).toHaveLength(1)
  })

  it('fires at a canary-by-header-pattern', () => {
    const canary = ingressYaml('next', {
      annotations: nginx({ canary: 'true', 'canary-by-header': 'X-Pattern', 'canary-by-header-pattern': '^(a|aa)+$' }),
      rules: [{ host: 't.test', paths: [{ path: '/', backend: 'preview:80' }] }],
    })
    const found = analyzeText(canary).of('catastrophic-regex')
    expect(found).toEqual([expect.objectContaining({ text: JSON.stringify('^(a|aa)+$') })])
    expect(found[0]?.message).toContain('primary')
  })
})
