/**
 * Planted differences: for each cause, Ingresses and a hand-written Gateway side that differ in exactly that
 * way; the generated requests must find the difference and name the cause (docs/migration.md#parity).
 */
import { describe, expect, it } from 'vitest'
import { msg } from '../messages/message'
import { backendYaml, ingressYaml, joinDocuments, nginx, serviceYaml } from '../testing/manifests'
import { causesOf, gatewayYaml, httpRouteYaml, parityOf, ruleYaml } from './testing/parity-fixtures'
import type { ParityReport } from './types'

const APPS = joinDocuments(backendYaml('web'), backendYaml('api'), backendYaml('canary'))

function check(ingresses: readonly string[], routes: readonly string[], gateway = gatewayYaml()): ParityReport {
  return parityOf(joinDocuments(APPS, ...ingresses), joinDocuments(gateway, ...routes))
}

const rewriteFilter = (type: 'ReplacePrefixMatch' | 'ReplaceFullPath', value: string): string =>
  `    filters: [{type: URLRewrite, urlRewrite: {path: {type: ${type}, ${type === 'ReplacePrefixMatch' ? 'replacePrefixMatch' : 'replaceFullPath'}: '${value}'}}}]\n`

describe('a planted difference is found and named', () => {
  it('prefix boundary, case and regex edges on a host ingress-nginx matches by regex', () => {
    const report = check(
      [
        ingressYaml('a', { rules: [{ host: 'r.test', paths: [{ path: '/foo', backend: 'web:80' }] }] }),
        ingressYaml('b', { annotations: nginx({ 'use-regex': 'true' }), rules: [{ host: 'r.test', paths: [{ path: '/api/[0-9]+', type: 'ImplementationSpecific', backend: 'api:80' }] }] }),
      ],
      [httpRouteYaml('r', ['r.test'], ruleYaml('PathPrefix', '/foo', ['web:80']) + ruleYaml('RegularExpression', '/api/[0-9]+', ['api:80']))],
    )
    expect(causesOf(report)).toMatchObject({
      'http://r.test/fooparity': 'prefix-boundary',
      'http://r.test/FOO': 'case-sensitivity',
      'http://r.test/api/0x': 'regex-semantics',
      'http://r.test/API/0': 'regex-semantics',
    })
    // The path itself, one segment deeper and the regex's own example answer alike.
    expect(causesOf(report)).not.toHaveProperty('http://r.test/foo')
    expect(causesOf(report)).not.toHaveProperty('http://r.test/foo/parity-deeper')
    expect(causesOf(report)).not.toHaveProperty('http://r.test/api/0')
  })

  it('Exact against PathPrefix: the path type, with and without the slash and one segment deeper', () => {
    const report = check([ingressYaml('e', { rules: [{ host: 'e.test', paths: [{ path: '/foo', type: 'Exact', backend: 'web:80' }] }] })], [httpRouteYaml('e', ['e.test'], ruleYaml('PathPrefix', '/foo', ['web:80']))])
    expect(causesOf(report)).toMatchObject({ 'http://e.test/foo/': 'path-type', 'http://e.test/foo/parity-deeper': 'path-type' })
    expect(report.differences.find((d) => d.request.url === 'http://e.test/foo/')?.fix).toMatchObject({
      kind: 'change-route',
      text: { params: { path: '/foo', type: 'Exact', ingress: 'default/e', route: { id: 'parity-route', params: { route: 'default/e' } }, rule: { id: 'parity-rule', params: { rule: 0 } } } },
    })
  })

  it('names the route serving the host and a new rule when no rule carries the path', () => {
    const report = check(
      [ingressYaml('a', { rules: [{ host: 'r.test', paths: [{ path: '/foo', backend: 'web:80' }] }] }), ingressYaml('b', { annotations: nginx({ 'use-regex': 'true' }), rules: [{ host: 'r.test', paths: [{ path: '/x', backend: 'api:80' }] }] })],
      [httpRouteYaml('r', ['r.test'], ruleYaml('PathPrefix', '/bar', ['web:80']))],
    )
    const fix = report.differences.find((d) => d.request.url === 'http://r.test/fooparity')?.fix
    expect(fix?.text.params).toMatchObject({ route: { id: 'parity-route', params: { route: 'default/r' } }, rule: { id: 'parity-rule-new' } })
    const none = check([ingressYaml('a', { rules: [{ host: 'r.test', paths: [{ path: '/foo', backend: 'web:80' }] }] })], [httpRouteYaml('other', ['other.test'], ruleYaml('PathPrefix', '/', ['web:80']))])
    expect(none.differences.find((d) => d.request.url === 'http://r.test/foo')?.fix.text.params).toMatchObject({ route: { id: 'parity-route-new' }, rule: { id: 'parity-rule-new' } })
  })

  it("a trailing slash: nginx's own 301 to the path with a slash", () => {
    const report = check([ingressYaml('t', { rules: [{ host: 't.test', paths: [{ path: '/docs/', type: 'ImplementationSpecific', backend: 'web:80' }] }] })], [httpRouteYaml('t', ['t.test'], ruleYaml('PathPrefix', '/docs/', ['web:80']))])
    expect(causesOf(report)).toEqual({ 'http://t.test/docs': 'trailing-slash', 'https://t.test/docs': 'trailing-slash' })
  })

  it('ssl-redirect: http to https on one side only', () => {
    const report = check([ingressYaml('s', { tls: [['s.test']], rules: [{ host: 's.test', paths: [{ path: '/', backend: 'web:80' }] }] })], [httpRouteYaml('s', ['s.test'], ruleYaml('PathPrefix', '/', ['web:80']))])
    expect(causesOf(report)).toMatchObject({ 'http://s.test/': 'ssl-redirect' })
    expect(Object.keys(causesOf(report)).filter((url) => url.startsWith('https:'))).toEqual([])
  })

  it('TLS: no HTTPS listener for a host ingress-nginx serves over https', () => {
    const report = check(
      [ingressYaml('s', { annotations: nginx({ 'ssl-redirect': 'false' }), tls: [['s.test']], rules: [{ host: 's.test', paths: [{ path: '/', backend: 'web:80' }] }] })],
      [httpRouteYaml('s', ['s.test'], ruleYaml('PathPrefix', '/', ['web:80']))],
      gatewayYaml({ https: false }),
    )
    expect(new Set(Object.entries(causesOf(report)).filter(([url]) => url.startsWith('https://s.test')).map(([, cause]) => cause))).toEqual(new Set(['tls-listener']))
    expect(report.differences.find((d) => d.cause === 'tls-listener')?.fix.text.params).toMatchObject({ host: 's.test', gateway: 'default/gw', secret: 'default/tls' })
  })

  it('http: no HTTP listener', () => {
    const report = check([ingressYaml('h', { rules: [{ host: 'h.test', paths: [{ path: '/', backend: 'web:80' }] }] })], [httpRouteYaml('h', ['h.test'], ruleYaml('PathPrefix', '/', ['web:80']))], gatewayYaml({ http: false }))
    expect(causesOf(report)).toMatchObject({ 'http://h.test/': 'http-listener' })
  })

  it('canary by header, by cookie and by weight; equal weights are no difference', () => {
    const canary = (annotations: Record<string, string>): string =>
      ingressYaml('c2', { annotations: nginx({ canary: 'true', ...annotations }), rules: [{ host: 'c.test', paths: [{ path: '/', backend: 'canary:80' }] }] })
    const primary = ingressYaml('c', { rules: [{ host: 'c.test', paths: [{ path: '/', backend: 'web:80' }] }] })
    const plain = check([primary, canary({ 'canary-by-header': 'X-Canary', 'canary-by-cookie': 'cc' })], [httpRouteYaml('c', ['c.test'], ruleYaml('PathPrefix', '/', ['web:80']))])
    expect(causesOf(plain)).toMatchObject({ '{"X-Canary":"always"} http://c.test/': 'canary-header', '{"cc":"always"} http://c.test/': 'canary-cookie' })
    expect(causesOf(plain)).not.toHaveProperty('{"X-Canary":"never"} http://c.test/')

    const weighted = check([primary, canary({ 'canary-weight': '30' })], [httpRouteYaml('c', ['c.test'], ruleYaml('PathPrefix', '/', ['web:80:90', 'canary:80:10']))])
    const byWeight = weighted.differences.find((d) => d.request.url === 'http://c.test/')
    expect(byWeight?.cause).toBe('canary-weight')
    expect(byWeight?.shares?.ingressNginx.map((s) => [s.service, Math.round(s.share * 100)])).toEqual([['default/canary', 30], ['default/web', 70]])
    expect(byWeight?.shares?.gatewayApi.map((s) => [s.service, Math.round(s.share * 100)])).toEqual([['default/canary', 10], ['default/web', 90]])

    const same = check([primary, canary({ 'canary-weight': '30' })], [httpRouteYaml('c', ['c.test'], ruleYaml('PathPrefix', '/', ['web:80:70', 'canary:80:30']))])
    expect(same.equivalent).toBe(true)
  })

  it('a wildcard: one label for ingress-nginx, one or more for Gateway API', () => {
    const report = check([ingressYaml('w', { rules: [{ host: '*.w.test', paths: [{ path: '/', backend: 'web:80' }] }] })], [httpRouteYaml('w', ['"*.w.test"'], ruleYaml('PathPrefix', '/', ['web:80']))])
    expect(new Set(Object.values(causesOf(report)))).toEqual(new Set(['wildcard-host']))
    expect(Object.keys(causesOf(report)).every((url) => url.includes('parity-a.parity-b.w.test'))).toBe(true)
  })

  it('a host only one side serves', () => {
    const report = check([ingressYaml('n', { rules: [{ host: 'n.test', paths: [{ path: '/', backend: 'web:80' }] }] })], [httpRouteYaml('n', ['other.test'], ruleYaml('PathPrefix', '/', ['web:80']))])
    expect(causesOf(report)).toMatchObject({ 'http://n.test/': 'host-not-served', 'http://other.test/': 'host-not-served' })
  })

  it('the default backend: an Ingress defaultBackend the routes do not carry', () => {
    // An Ingress's defaultBackend answers its hosts' unmatched paths; one without rules takes the catch-all.
    const report = check(
      [ingressYaml('d', { defaultBackend: 'web:80', rules: [{ host: 'd.test', paths: [{ path: '/x', backend: 'api:80' }] }] }), ingressYaml('catch', { defaultBackend: 'canary:80' })],
      [httpRouteYaml('d', ['d.test'], ruleYaml('PathPrefix', '/x', ['api:80']))],
    )
    expect(causesOf(report)).toMatchObject({ 'http://d.test/': 'default-backend', 'http://parity-unknown-host.invalid/': 'default-backend' })
  })

  it('rewrite-target / is a full-path rewrite, not ReplacePrefixMatch', () => {
    const report = check(
      [ingressYaml('rw', { annotations: nginx({ 'rewrite-target': '/' }), rules: [{ host: 'rw.test', paths: [{ path: '/foos1', backend: 'web:80' }] }] })],
      [httpRouteYaml('rw', ['rw.test'], ruleYaml('PathPrefix', '/foos1', ['web:80'], rewriteFilter('ReplacePrefixMatch', '/')))],
    )
    const deeper = report.differences.find((d) => d.request.url === 'http://rw.test/foos1/parity-deeper')
    expect(deeper).toMatchObject({ cause: 'rewrite-target', fields: ['rewrittenPath'] })
    expect(deeper?.fix.text.params).toMatchObject({ expected: '/', received: '/parity-deeper' })
    const fixed = check(
      [ingressYaml('rw', { annotations: nginx({ 'rewrite-target': '/' }), rules: [{ host: 'rw.test', paths: [{ path: '/foos1', backend: 'web:80' }] }] })],
      [httpRouteYaml('rw', ['rw.test'], ruleYaml('PathPrefix', '/foos1', ['web:80'], rewriteFilter('ReplaceFullPath', '/')))],
    )
    expect(fixed.differences.filter((d) => d.cause === 'rewrite-target')).toEqual([])
  })

  it('rewrite-target with captures', () => {
    const report = check(
      [ingressYaml('cap', { annotations: nginx({ 'use-regex': 'true', 'rewrite-target': '/$2' }), rules: [{ host: 'cap.test', paths: [{ path: '/api(/|$)(.*)', type: 'ImplementationSpecific', backend: 'api:80' }] }] })],
      [httpRouteYaml('cap', ['cap.test'], ruleYaml('PathPrefix', '/api', ['api:80']))],
    )
    expect(causesOf(report)).toMatchObject({ 'http://cap.test/api/parity-deeper': 'rewrite-captures' })
  })

  it('a redirect: status code and Location', () => {
    const redirect = (hostname: string, code: number): string =>
      `    filters: [{type: RequestRedirect, requestRedirect: {scheme: https, hostname: ${hostname}, path: {type: ReplaceFullPath, replaceFullPath: /new}, statusCode: ${code}}}]\n`
    const ingress = ingressYaml('rd', { annotations: nginx({ 'permanent-redirect': 'https://example.com/new' }), rules: [{ host: 'rd.test', paths: [{ path: '/old', backend: 'web:80' }] }] })
    const status = check([ingress], [httpRouteYaml('rd', ['rd.test'], ruleYaml('PathPrefix', '/old', [], redirect('example.com', 308)))])
    expect(causesOf(status)).toMatchObject({ 'http://rd.test/old': 'redirect-status', 'https://rd.test/old/parity-deeper': 'redirect-status' })
    expect(status.differences.find((d) => d.request.url === 'http://rd.test/old')?.fields).toEqual(['status'])
    const location = check([ingress], [httpRouteYaml('rd', ['rd.test'], ruleYaml('PathPrefix', '/old', [], redirect('example.org', 301)))])
    expect(causesOf(location)).toMatchObject({ 'http://rd.test/old': 'redirect-location' })
    expect(location.differences.find((d) => d.request.url === 'http://rd.test/old')?.fields).toEqual(['location'])
  })

  it('upstream-vhost against a URLRewrite hostname', () => {
    const ingress = ingressYaml('v', { annotations: nginx({ 'upstream-vhost': 'internal.test' }), rules: [{ host: 'v.test', paths: [{ path: '/', backend: 'web:80' }] }] })
    const rewritten = check([ingress], [httpRouteYaml('v', ['v.test'], ruleYaml('PathPrefix', '/', ['web:80'], '    filters: [{type: URLRewrite, urlRewrite: {hostname: internal.test}}]\n'))])
    expect(rewritten.equivalent).toBe(true)
    const plain = check([ingress], [httpRouteYaml('v', ['v.test'], ruleYaml('PathPrefix', '/', ['web:80']))])
    expect(plain.differences.find((d) => d.request.url === 'http://v.test/')).toMatchObject({ cause: 'upstream-host', fields: ['host'], fix: { text: { params: { expected: 'internal.test' } } } })
  })

  it('the Host upstream, another backend, an unsupported filter', () => {
    const host = check([ingressYaml('u', { rules: [{ host: 'u.test', paths: [{ path: '/', backend: 'web:80' }] }] })], [httpRouteYaml('u', ['u.test'], ruleYaml('PathPrefix', '/', ['web:80'], '    filters: [{type: URLRewrite, urlRewrite: {hostname: internal.test}}]\n'))])
    expect(causesOf(host)).toMatchObject({ 'http://u.test/': 'upstream-host' })
    const backend = check([ingressYaml('b', { rules: [{ host: 'b.test', paths: [{ path: '/', backend: 'web:80' }] }] })], [httpRouteYaml('b', ['b.test'], ruleYaml('PathPrefix', '/', ['api:80']))])
    expect(causesOf(backend)).toMatchObject({ 'http://b.test/': 'backend-differs' })
    const filter = check([ingressYaml('f', { rules: [{ host: 'f.test', paths: [{ path: '/', backend: 'web:80' }] }] })], [httpRouteYaml('f', ['f.test'], ruleYaml('PathPrefix', '/', ['web:80'], '    filters: [{type: ExtensionRef, extensionRef: {group: example.com, kind: Policy, name: p}}]\n'))])
    expect(causesOf(filter)).toMatchObject({ 'http://f.test/': 'unsupported-filter' })
  })

  it('an annotation the conversion reported as without equivalent', () => {
    const ingress = ingressYaml('x', { rules: [{ host: 'x.test', paths: [{ path: '/', backend: 'web:80' }] }] })
    const finding = {
      code: 'annotation-not-converted', severity: 'warning' as const, ingress: { namespace: 'default', name: 'x' },
      annotation: 'nginx.ingress.kubernetes.io/auth-url', text: msg('parity-cause-other'), source: { file: 'ingress.yaml', doc: 0, path: [], span: { start: 0, end: 0 } },
    }
    const report = parityOf(joinDocuments(APPS, ingress), joinDocuments(gatewayYaml(), httpRouteYaml('x', ['x.test'], ruleYaml('PathPrefix', '/', ['web:80'], '    filters: [{type: RequestHeaderModifier, requestHeaderModifier: {set: [{name: x, value: y}]}}]\n'))), [], [finding])
    expect(report.equivalent).toBe(true)
    const other = parityOf(joinDocuments(APPS, ingress), joinDocuments(gatewayYaml(), httpRouteYaml('x', ['x.test'], ruleYaml('PathPrefix', '/', ['api:80']))), [], [finding])
    expect(causesOf(other)).toMatchObject({ 'http://x.test/': 'unsupported-annotation' })
  })
})

describe('the report', () => {
  it('groups by cause, most frequent first', () => {
    const report = check(
      [ingressYaml('e', { rules: [{ host: 'e.test', paths: [{ path: '/foo', type: 'Exact', backend: 'web:80' }] }] }), ingressYaml('n', { rules: [{ host: 'n.test', paths: [{ path: '/', backend: 'web:80' }] }] })],
      [httpRouteYaml('e', ['e.test'], ruleYaml('PathPrefix', '/foo', ['web:80']))],
    )
    expect(report.groups.map((g) => g.cause)).toEqual(['host-not-served', 'path-type'])
    expect(report.groups.reduce((sum, g) => sum + g.count, 0)).toBe(report.differences.length)
    expect(report.differences.every((d) => d.ingressNginx.trace.length > 0 && d.gatewayApi.trace.length > 0)).toBe(true)
    expect(report.equivalent).toBe(false)
  })

  it('adds the user\'s own requests to the generated ones', () => {
    const ingress = ingressYaml('q', { rules: [{ host: 'q.test', paths: [{ path: '/', backend: 'web:80' }] }] })
    const routes = joinDocuments(gatewayYaml(), httpRouteYaml('q', ['q.test'], ruleYaml('PathPrefix', '/', ['web:80'])))
    const base = parityOf(joinDocuments(APPS, ingress), routes)
    const own = parityOf(joinDocuments(APPS, ingress, serviceYaml('extra')), routes, [{ url: 'http://elsewhere.test/x', method: 'GET', headers: {}, cookies: {} }])
    expect(own.requests).toBe(base.requests + 1)
    expect(own.differences.map((d) => d.request.url)).toEqual([])
  })
})
