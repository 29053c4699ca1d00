/**
 * HTTPRoute defaults, each from the CRD (config/crd/standard/gateway.networking.k8s.io_httproutes.yaml, the
 * `default:` of the property named per row) and httproute_types.go's `+kubebuilder:default` markers.
 */
import { describe, expect, it } from 'vitest'
import { analyzeText, dedent } from '../testing/analyze-text'

const route = (spec: string, apiVersion = 'gateway.networking.k8s.io/v1'): string =>
  `apiVersion: ${apiVersion}\nkind: HTTPRoute\nmetadata: {name: r, namespace: app}\nspec:\n${spec}`

const modelOf = (spec: string) => {
  const result = analyzeText(route(spec), { checks: false })
  expect(result.problems()).toEqual([])
  const [r] = result.model.httpRoutes
  if (!r) throw new Error('no route')
  return r
}

describe('HTTPRoute defaults', () => {
  it('spec.rules default: one rule with one PathPrefix / match and no backends', () => {
    const r = modelOf('  parentRefs: [{name: gw}]\n')
    expect(r.rules).toEqual([{
      matches: [{ path: { type: 'PathPrefix', value: '/' }, headers: [], queryParams: [], at: ['spec', 'rules', 0, 'matches', 0] }],
      matchesDefaulted: true, filters: [], backendRefs: [], at: ['spec', 'rules', 0],
    }])
  })

  it('parentRefs[].group gateway.networking.k8s.io and kind Gateway; namespace, sectionName and port only when written', () => {
    const r = modelOf('  parentRefs: [{name: gw}, {name: gw2, namespace: infra, sectionName: http, port: 80}]\n')
    expect(r.parentRefs).toEqual([
      { group: 'gateway.networking.k8s.io', kind: 'Gateway', name: 'gw', at: ['spec', 'parentRefs', 0] },
      { group: 'gateway.networking.k8s.io', kind: 'Gateway', name: 'gw2', namespace: 'infra', sectionName: 'http', port: 80, at: ['spec', 'parentRefs', 1] },
    ])
  })

  it('rules[].matches default (absent or empty) and matches[].path default {PathPrefix, /}', () => {
    const r = modelOf(dedent`
      rules:
      - backendRefs: [{name: s, port: 80}]
      - matches: [{method: GET}, {path: {type: Exact}}, {path: {value: /x}}]
        backendRefs: [{name: s, port: 80}]
    ` .replace(/^/gm, '  ') + '\n')
    expect(r.rules[0]?.matchesDefaulted).toBe(true)
    expect(r.rules[0]?.matches.map((m) => m.path)).toEqual([{ type: 'PathPrefix', value: '/' }])
    expect(r.rules[1]?.matchesDefaulted).toBe(false)
    expect(r.rules[1]?.matches.map((m) => m.path)).toEqual([
      { type: 'PathPrefix', value: '/' }, { type: 'Exact', value: '/' }, { type: 'PathPrefix', value: '/x' },
    ])
    expect(r.rules[1]?.matches[0]?.method).toBe('GET')
  })

  it('headers[].type and queryParams[].type default Exact', () => {
    const r = modelOf('  rules: [{matches: [{headers: [{name: X-A, value: b}], queryParams: [{name: q, value: v, type: RegularExpression}]}]}]\n')
    expect(r.rules[0]?.matches[0]?.headers).toEqual([{ type: 'Exact', name: 'X-A', value: 'b', at: ['spec', 'rules', 0, 'matches', 0, 'headers', 0] }])
    expect(r.rules[0]?.matches[0]?.queryParams[0]).toMatchObject({ type: 'RegularExpression', name: 'q', value: 'v' })
  })

  it('backendRefs[]: group "", kind Service, weight 1; namespace only when written', () => {
    const r = modelOf('  rules: [{backendRefs: [{name: s, port: 80}, {name: t, namespace: other, port: 8080, weight: 0}]}]\n')
    expect(r.rules[0]?.backendRefs).toEqual([
      { group: '', kind: 'Service', name: 's', port: 80, weight: 1, filters: [], at: ['spec', 'rules', 0, 'backendRefs', 0] },
      { group: '', kind: 'Service', name: 't', namespace: 'other', port: 8080, weight: 0, filters: [], at: ['spec', 'rules', 0, 'backendRefs', 1] },
    ])
  })

  it('hostnames lower case (the pattern refuses upper case, the model still reads it lower case)', () => {
    expect(modelOf('  hostnames: [foo.example.com, "*.bar.com"]\n').hostnames).toEqual(['foo.example.com', '*.bar.com'])
    expect(analyzeText(route('  hostnames: [Foo.example.com]\n')).model.httpRoutes[0]?.hostnames).toEqual(['foo.example.com'])
  })

  it('requestRedirect.statusCode default 302; filters keep every field', () => {
    const r = modelOf(dedent`
      rules:
      - filters:
        - {type: RequestRedirect, requestRedirect: {scheme: https, hostname: a.example.com, port: 8443, path: {type: ReplaceFullPath, replaceFullPath: /x}}}
      - filters:
        - {type: RequestHeaderModifier, requestHeaderModifier: {set: [{name: A, value: b}], add: [{name: C, value: d}], remove: [E]}}
        - {type: ResponseHeaderModifier, responseHeaderModifier: {remove: [X]}}
        - {type: URLRewrite, urlRewrite: {hostname: up.example.com, path: {type: ReplacePrefixMatch, replacePrefixMatch: /v2}}}
        - {type: RequestMirror, requestMirror: {backendRef: {name: m, port: 80}, fraction: {numerator: 1}}}
        - {type: ExtensionRef, extensionRef: {group: example.com, kind: Thing, name: t}}
        backendRefs: [{name: s, port: 80}]
    `.replace(/^/gm, '  ') + '\n')
    expect(r.rules[0]?.filters[0]).toEqual({
      type: 'RequestRedirect',
      requestRedirect: { scheme: 'https', hostname: 'a.example.com', port: 8443, path: { type: 'ReplaceFullPath', replaceFullPath: '/x' }, statusCode: 302 },
      at: ['spec', 'rules', 0, 'filters', 0],
    })
    const [rhm, resp, rewrite, mirror, ext] = r.rules[1]?.filters ?? []
    expect(rhm).toMatchObject({ requestHeaderModifier: { set: [{ name: 'A', value: 'b' }], add: [{ name: 'C', value: 'd' }], remove: ['E'] } })
    expect(resp).toMatchObject({ responseHeaderModifier: { set: [], add: [], remove: ['X'] } })
    expect(rewrite).toMatchObject({ urlRewrite: { hostname: 'up.example.com', path: { type: 'ReplacePrefixMatch', replacePrefixMatch: '/v2' } } })
    // fraction.denominator default 100: 1/100 is 1 percent.
    expect(mirror).toMatchObject({ requestMirror: { backendRef: { group: '', kind: 'Service', name: 'm', port: 80 }, percent: 1 } })
    expect(ext).toMatchObject({ extensionRef: { group: 'example.com', kind: 'Thing', name: 't' } })
  })

  it('a CORS filter (standard in v1.6) is kept as an Unknown filter with its type', () => {
    const r = modelOf('  rules: [{filters: [{type: CORS, cors: {allowOrigins: ["https://a.example.com"]}}], backendRefs: [{name: s, port: 80}]}]\n')
    expect(r.rules[0]?.filters).toEqual([{ type: 'Unknown', written: 'CORS', at: ['spec', 'rules', 0, 'filters', 0] }])
  })

  it('timeouts as written', () => {
    expect(modelOf('  rules: [{timeouts: {request: 10s, backendRequest: 500ms}}]\n').rules[0]?.timeouts).toEqual({ request: '10s', backendRequest: '500ms' })
  })
})
