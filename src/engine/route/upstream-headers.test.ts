/**
 * upstream-vhost, x-forwarded-prefix and custom-headers (docs/routing.md#upstream-request-headers): the Host header
 * and X-Forwarded-Prefix the upstream receives, the response headers, the location custom-headers denies — present,
 * absent, refused by their validators, and the answers that proxy nothing (null).
 */
import { describe, expect, test } from 'vitest'
import { formatMessage } from '../messages/render'
import type { ClusterModel } from '../model/types'
import { compileRoutes } from './compile-routes'
import type { EnvironmentOverrides } from './environment'
import { routeRequest } from './route-request'
import { renderNginxConf } from './render-nginx-conf'
import { nginx, type IngressSpec } from '../testing/manifests'
import { clusterModel, configMap, ingress } from '../testing/models'
import type { RouteRequest, RouteResult } from './types'

function run(model: ClusterModel, request: RouteRequest | string, overrides: EnvironmentOverrides = {}): RouteResult {
  return routeRequest(compileRoutes(model, overrides), typeof request === 'string' ? { url: request } : request)
}

function web(annotations: Record<string, string> = {}, extra: Partial<IngressSpec> = {}): ReturnType<typeof ingress> {
  return ingress('web', {
    namespace: 'shop',
    annotations: nginx(annotations),
    rules: [{ host: 'web.test', paths: [{ path: '/', backend: 'web:80' }, { path: '/api', backend: 'api:8080' }] }],
    ...extra,
  })
}

const traceText = (result: RouteResult): string => result.trace.map((step) => formatMessage(step)).join('\n')

describe('upstreamHost: the Host header the upstream receives', () => {
  test('without upstream-vhost: the request\'s Host header as sent, case and port kept ($best_http_host)', () => {
    const model = clusterModel(web())
    const cases: [RouteRequest, string, string][] = [
      [{ url: 'http://web.test/' }, 'web.test', 'web.test'],
      [{ url: 'http://Web.Test:8080/api/x' }, 'Web.Test:8080', 'web.test'],
      [{ url: 'http://ignored.test/', headers: { Host: 'WEB.test:81' } }, 'WEB.test:81', 'web.test'],
      [{ url: 'http://web.test./' }, 'web.test.', 'web.test'],
    ]
    for (const [request, upstreamHost, host] of cases) {
      const result = run(model, request)
      expect(result).toMatchObject({ status: 200, upstreamHost, host })
      expect(result.upstreamVhost).toBeUndefined()
      expect(result.upstreamHeaders).toBeUndefined()
      expect(result.responseHeaders).toBeUndefined()
      // Same answer with the trace off (the hot path).
      expect(routeRequest(compileRoutes(model), request, { trace: false }).upstreamHost).toBe(upstreamHost)
    }
  })

  test('use-forwarded-headers: the first X-Forwarded-Host (lua_ingress.lua), else the Host header', () => {
    const model = clusterModel(web())
    const on = { useForwardedHeaders: true }
    expect(run(model, { url: 'http://web.test/', headers: { 'X-Forwarded-Host': 'public.example:8443,proxy.example' } }, on).upstreamHost).toBe('public.example:8443')
    expect(run(model, { url: 'http://web.test:81/', headers: {} }, on).upstreamHost).toBe('web.test:81')
    expect(run(model, { url: 'http://web.test/', headers: { 'X-Forwarded-Host': 'public.example' } }).upstreamHost).toBe('web.test')
  })

  test('upstream-vhost: its value, nginx variables expanded (ingress-nginx\'s location variables included)', () => {
    const cases: [string, RouteRequest, string][] = [
      ['internal.example', { url: 'http://web.test/' }, 'internal.example'],
      ['internal.example:8443', { url: 'http://web.test:8080/' }, 'internal.example:8443'],
      ['$service_name.$namespace.svc.cluster.local', { url: 'http://web.test/' }, 'web.shop.svc.cluster.local'],
      ['$service_name.$namespace.svc.cluster.local', { url: 'http://web.test/api/v1' }, 'api.shop.svc.cluster.local'],
      ['$host', { url: 'http://Web.Test:8080/' }, 'web.test'],
      ['$http_host', { url: 'http://Web.Test:8080/' }, 'Web.Test:8080'],
      ['${host}-internal', { url: 'http://web.test/' }, 'web.test-internal'],
      ['$proxy_upstream_name', { url: 'http://web.test/api' }, 'shop-api-8080'],
    ]
    for (const [vhost, request, upstreamHost] of cases) {
      const result = run(clusterModel(web({ 'upstream-vhost': vhost })), request)
      expect(result, vhost).toMatchObject({ status: 200, upstreamHost, upstreamVhost: vhost })
      expect(traceText(result)).toContain(`the upstream receives Host "${upstreamHost}"`)
    }
  })

  test('null whenever nothing is proxied: redirects, app-root, the controller\'s 404, 503, 400', () => {
    const tls = { tls: [{ hosts: ['web.test'], secretName: 'web-tls' }] }
    expect(run(clusterModel(web({ 'upstream-vhost': 'x.example', 'permanent-redirect': 'https://else.test/' })), 'http://web.test/')).toMatchObject({ status: 301, upstreamHost: null })
    expect(run(clusterModel(web({ 'upstream-vhost': 'x.example' }, tls)), 'http://web.test/')).toMatchObject({ status: 308, upstreamHost: null })
    expect(run(clusterModel(web({ 'upstream-vhost': 'x.example' }, tls)), 'https://web.test/').upstreamHost).toBe('x.example')
    expect(run(clusterModel(web({ 'app-root': '/start' })), 'http://web.test/')).toMatchObject({ status: 302, upstreamHost: null })
    expect(run(clusterModel(web()), 'http://other.test/')).toMatchObject({ status: 404, upstreamHost: null })
    expect(run(clusterModel(web()), { url: 'http://web.test/', headers: { Host: 'a..b' } })).toMatchObject({ status: 400, upstreamHost: null })
    expect(run(clusterModel(web()), 'ftp://web.test/')).toMatchObject({ status: 400, upstreamHost: null })
  })

  test('the canary serves with the primary location\'s upstream-vhost (the canary Ingress\'s own is ignored)', () => {
    const canary = ingress('web-canary', {
      namespace: 'shop',
      annotations: nginx({ 'canary': 'true', 'canary-by-header': 'X-Canary', 'upstream-vhost': 'canary.example' }),
      rules: [{ host: 'web.test', paths: [{ path: '/', backend: 'web-next:80' }] }],
    })
    const model = clusterModel(web({ 'upstream-vhost': 'primary.example' }), canary)
    expect(run(model, { url: 'http://web.test/', headers: { 'X-Canary': 'always' } })).toMatchObject({ canary: true, service: 'web-next', upstreamHost: 'primary.example' })
    expect(run(model, 'http://web.test/')).toMatchObject({ canary: false, upstreamHost: 'primary.example' })
  })
})

describe('upstream-vhost and x-forwarded-prefix: validators, risk, nginx -t', () => {
  const served = (model: ClusterModel, overrides: EnvironmentOverrides = {}): boolean => compileRoutes(model, overrides).ingresses[0]?.served ?? false

  test('a value ValidateServerName or RegexPathWithCapture refuses rejects the Ingress (validation on); off, it is used', () => {
    const refused: Record<string, string>[] = [
      { 'upstream-vhost': 'bad"host' },
      { 'upstream-vhost': 'a b' },
      { 'x-forwarded-prefix': '/a?b', 'rewrite-target': '/' },
      { 'x-forwarded-prefix': '/a"b', 'rewrite-target': '/' },
    ]
    for (const annotations of refused) {
      expect(served(clusterModel(web(annotations))), JSON.stringify(annotations)).toBe(false)
      expect(served(clusterModel(web(annotations)), { annotationValidation: false }), JSON.stringify(annotations)).toBe(true)
    }
    // Spaces are removed before x-forwarded-prefix's validator, and the value keeps them.
    expect(served(clusterModel(web({ 'x-forwarded-prefix': '/a b', 'rewrite-target': '/' })))).toBe(true)
    expect(served(clusterModel(web({ 'upstream-vhost': '  ok.example  ' })))).toBe(true)
    expect(run(clusterModel(web({ 'upstream-vhost': '  ok.example  ' })), 'http://web.test/').upstreamHost).toBe('ok.example')
    const off = run(clusterModel(web({ 'upstream-vhost': 'a b' })), 'http://web.test/', { annotationValidation: false })
    expect(off).toMatchObject({ status: 200, upstreamHost: 'a b' })
  })

  test('x-forwarded-prefix is Medium risk: annotations-risk-level Low rejects the Ingress; upstream-vhost is Low', () => {
    expect(served(clusterModel(web({ 'x-forwarded-prefix': '/p' })), { annotationsRiskLevel: 'Low' })).toBe(false)
    expect(served(clusterModel(web({ 'upstream-vhost': 'x.example' })), { annotationsRiskLevel: 'Low' })).toBe(true)
  })

  test('a variable nginx does not know fails nginx -t: the webhook denies the Ingress', () => {
    const compiled = compileRoutes(clusterModel(web({ 'upstream-vhost': '$nosuchvariable.example' })))
    expect(compiled.ingresses[0]).toMatchObject({ served: false })
    expect(compiled.ingresses[0]?.rejections?.[0]).toMatchObject({ kind: 'nginx-test', annotation: 'nginx.ingress.kubernetes.io/upstream-vhost', unknown: ['nosuchvariable'] })
    // x-forwarded-prefix is only written beside a rewrite, so only then can it fail nginx -t.
    expect(served(clusterModel(web({ 'x-forwarded-prefix': '/$nosuch' })))).toBe(true)
    expect(served(clusterModel(web({ 'x-forwarded-prefix': '/$nosuch', 'rewrite-target': '/' })))).toBe(false)
  })
})

describe('upstreamHeaders: X-Forwarded-Prefix', () => {
  const rewrite = (annotations: Record<string, string>): ClusterModel => clusterModel(ingress('app', {
    namespace: 'shop',
    annotations: nginx({ 'use-regex': 'true', 'rewrite-target': '/$2', ...annotations }),
    rules: [{ host: 'app.test', paths: [{ path: '/app(/|$)(.*)', type: 'ImplementationSpecific', backend: 'app:80' }] }],
  }))

  test('sent beside an effective rewrite, captures from the rewrite\'s regex', () => {
    expect(run(rewrite({ 'x-forwarded-prefix': '/app' }), 'http://app.test/app/users')).toMatchObject({ status: 200, rewrittenPath: '/users', upstreamHeaders: { 'X-Forwarded-Prefix': '/app' } })
    expect(run(rewrite({ 'x-forwarded-prefix': '/app$1' }), 'http://app.test/app/users').upstreamHeaders).toEqual({ 'X-Forwarded-Prefix': '/app/' })
    expect(run(rewrite({ 'x-forwarded-prefix': '/$2' }), 'http://app.test/APP/a/b').upstreamHeaders).toEqual({ 'X-Forwarded-Prefix': '/a/b' })
    const result = run(rewrite({ 'x-forwarded-prefix': '/app' }), 'http://app.test/app/users')
    expect(traceText(result)).toContain('X-Forwarded-Prefix "/app"')
    expect(result.upstreamHost).toBe('app.test')
  })

  test('not sent without an effective rewrite (template.go buildProxyPass); the trace says so', () => {
    const result = run(clusterModel(web({ 'x-forwarded-prefix': '/web' })), 'http://web.test/')
    expect(result.status).toBe(200)
    expect(result.upstreamHeaders).toBeUndefined()
    expect(traceText(result)).toContain('x-forwarded-prefix of Ingress shop/web is not sent')
    // rewrite-target equal to the path is no rewrite either.
    const same = clusterModel(ingress('same', { annotations: nginx({ 'rewrite-target': '/same', 'x-forwarded-prefix': '/p' }), rules: [{ host: 's.test', paths: [{ path: '/same', backend: 's:80' }] }] }))
    expect(run(same, 'http://s.test/same').upstreamHeaders).toBeUndefined()
  })

  test('a value that expands to nothing sends no header', () => {
    expect(run(rewrite({ 'x-forwarded-prefix': '$1' }), 'http://app.test/app').upstreamHeaders).toBeUndefined()
  })
})

describe('custom-headers: response headers, or a denied location (503)', () => {
  const headersMap = configMap('web-headers', { 'X-Frame-Options': 'DENY', 'X-Cost': '$remote_addr 1' }, 'shop')
  const allowed = (names: string): ReturnType<typeof configMap> => configMap('ingress-nginx-controller', { 'global-allowed-response-headers': names })

  test('allowed by global-allowed-response-headers: every answer of the location carries them, names sorted, values literal', () => {
    const model = clusterModel(web({ 'custom-headers': 'shop/web-headers' }, { tls: [{ hosts: ['web.test'], secretName: 'tls' }] }), headersMap, allowed(' X-Frame-Options , X-Cost,bad name'))
    const proxied = run(model, 'https://web.test/')
    expect(proxied).toMatchObject({ status: 200, responseHeaders: { 'X-Cost': '$remote_addr 1', 'X-Frame-Options': 'DENY' } })
    expect(Object.keys(proxied.responseHeaders ?? {})).toEqual(['X-Cost', 'X-Frame-Options'])
    expect(traceText(proxied)).toContain('the response gets X-Cost: $remote_addr 1, X-Frame-Options: DENY from ConfigMap shop/web-headers')
    // headers-more's more_set_headers without -s applies to every status, the Lua https redirect included.
    expect(run(model, 'http://web.test/')).toMatchObject({ status: 308, responseHeaders: { 'X-Frame-Options': 'DENY' } })
    // The hot path (trace off) says the same.
    expect(routeRequest(compileRoutes(model), { url: 'https://web.test/' }, { trace: false }).responseHeaders).toEqual(proxied.responseHeaders)
  })

  test('denied (customheaders/main.go NewLocationDenied): 503 from nginx itself, before the https redirect; the finding says why', () => {
    const cases: [ClusterModel, string, string][] = [
      [clusterModel(web({ 'custom-headers': 'shop/web-headers' }), headersMap), 'not-allowed', 'is not in global-allowed-response-headers'],
      [clusterModel(web({ 'custom-headers': 'shop/missing' }), allowed('X-Frame-Options')), 'configmap-missing', 'which is not in the input'],
      [clusterModel(web({ 'custom-headers': 'web-headers' }), headersMap, allowed('X-Frame-Options,X-Cost')), 'configmap-missing', 'which is not in the input'],
      [clusterModel(web({ 'custom-headers': 'shop/bad' }), configMap('bad', { 'X.Bad': '1' }, 'shop')), 'invalid-name', 'is not a header name'],
      [clusterModel(web({ 'custom-headers': 'shop/bad' }), configMap('bad', { 'X-Ok': 'a\tb' }, 'shop'), allowed('X-Ok')), 'invalid-value', 'a character the controller refuses'],
    ]
    for (const [model, reason, said] of cases) {
      const compiled = compileRoutes(model)
      const result = routeRequest(compiled, { url: 'http://web.test/api' })
      expect(result, reason).toMatchObject({ status: 503, upstreamHost: null, upstream: null, ingress: 'web', namespace: 'shop' })
      expect(result.responseHeaders).toBeUndefined()
      expect(traceText(result)).toContain('Answer: 503 from nginx itself (location denied).')
      const location = compiled.servers.find((server) => server.hostname === 'web.test')?.locations.find((loc) => loc.ingressPath === '/api')
      expect(location?.customHeaders).toMatchObject({ kind: 'denied', reason })
      const issue = compiled.issues.find((candidate) => candidate.at.join('.') === 'metadata.annotations.nginx.ingress.kubernetes.io/custom-headers')
      if (!issue) throw new Error(`no custom-headers finding for ${reason}`)
      expect(formatMessage(issue.text), reason).toContain(said)
    }
  })

  test('a value its validator refuses sets no headers and keeps the Ingress (the parser only logs it)', () => {
    const compiled = compileRoutes(clusterModel(web({ 'custom-headers': 'shop/web-headers!' }), headersMap))
    expect(compiled.ingresses[0]?.served).toBe(true)
    const result = routeRequest(compiled, { url: 'http://web.test/' })
    expect(result).toMatchObject({ status: 200, upstreamHost: 'web.test' })
    expect(result.responseHeaders).toBeUndefined()
    expect(compiled.issues.some((issue) => issue.code === 'invalid-annotation' && formatMessage(issue.text).includes('custom-headers'))).toBe(true)
  })
})

describe('nginx.conf: what nginx.tmpl writes', () => {
  test('Host with $best_http_host or the quoted upstream-vhost; X-Forwarded-Prefix beside the rewrite; return 503 for a denied location', () => {
    const model = clusterModel(
      web({ 'upstream-vhost': '$service_name.$namespace.svc' }),
      ingress('plain', { rules: [{ host: 'plain.test', paths: [{ path: '/', backend: 'plain:80' }] }] }),
      ingress('app', {
        annotations: nginx({ 'use-regex': 'true', 'rewrite-target': '/$2', 'x-forwarded-prefix': '/app' }),
        rules: [{ host: 'app.test', paths: [{ path: '/app(/|$)(.*)', type: 'ImplementationSpecific', backend: 'app:80' }] }],
      }),
      ingress('denied', { annotations: nginx({ 'custom-headers': 'default/nothere' }), rules: [{ host: 'denied.test', paths: [{ path: '/', backend: 'd:80' }] }] }),
      ingress('headers', { annotations: nginx({ 'custom-headers': 'default/h' }), rules: [{ host: 'headers.test', paths: [{ path: '/', backend: 'h:80' }] }] }),
      configMap('h', { 'X-Money': 'costs $5' }, 'default'),
      configMap('ingress-nginx-controller', { 'global-allowed-response-headers': 'X-Money' }),
    )
    const conf = renderNginxConf(compileRoutes(model))
    const block = (host: string): string => conf.slice(conf.indexOf(`## start server ${host}`), conf.indexOf(`## end server ${host}`))
    expect(block('web.test')).toContain('proxy_set_header Host "$service_name.$namespace.svc";')
    expect(block('plain.test')).toMatch(/set \$best_http_host \$http_host;\n\s+proxy_set_header Host \$best_http_host;/)
    expect(block('app.test')).toMatch(/rewrite "\(\?i\)\/app\(\/\|\$\)\(\.\*\)" \/\$2 break;\n\s+proxy_set_header X-Forwarded-Prefix "\/app";\n\s+proxy_pass/)
    expect(block('denied.test')).toMatch(/# Location denied\. Reason: custom-headers default\/nothere: unable to find the ConfigMap\n\s+return 503;/)
    expect(block('denied.test')).not.toContain('proxy_pass')
    expect(block('headers.test')).toContain('# more_set_headers "X-Money: costs ${literal_dollar}5";')
  })
})
