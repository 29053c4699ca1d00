/**
 * `routeRequest`: servers and wildcard depth, every redirect kind with its exact code and Location, rewrites
 * with and without capture groups, 400s, and the shape of the answer.
 */
import { describe, expect, test } from 'vitest'
import { formatMessage } from '../messages/render'
import type { ClusterModel } from '../model/types'
import { compileRoutes } from './compile-routes'
import type { EnvironmentOverrides } from './environment'
import { routeRequest } from './route-request'
import { nginx, type IngressSpec } from '../testing/manifests'
import { clusterModel, configMap, ingress } from '../testing/models'
import type { RouteRequest, RouteResult } from './types'

function run(model: ClusterModel, request: RouteRequest | string, overrides: EnvironmentOverrides = {}): RouteResult {
  return routeRequest(compileRoutes(model, overrides), typeof request === 'string' ? { url: request } : request)
}

function one(spec: IngressSpec): ClusterModel {
  return clusterModel(ingress('web', spec))
}

describe('servers', () => {
  const model = clusterModel(
    ingress('wild', { rules: [{ host: '*.foo.com', paths: [{ path: '/', backend: 'wild:80' }] }] }),
    ingress('exact', { rules: [{ host: 'x.foo.com', paths: [{ path: '/', backend: 'exact:80' }] }] }),
  )

  test('a wildcard matches exactly one extra label', () => {
    expect(run(model, 'http://bar.foo.com/')).toMatchObject({ status: 200, service: 'wild' })
    expect(run(model, 'http://baz.bar.foo.com/')).toMatchObject({ status: 404, service: null })
    expect(run(model, 'http://foo.com/')).toMatchObject({ status: 404 })
  })

  test('an exact host beats the wildcard; the host is lower-cased, port and trailing dot removed', () => {
    expect(run(model, 'http://x.foo.com/')).toMatchObject({ service: 'exact' })
    expect(run(model, 'http://X.Foo.COM.:8080/')).toMatchObject({ service: 'exact', host: 'x.foo.com' })
    expect(run(model, { url: 'http://ignored.test/', headers: { Host: 'x.foo.com' } })).toMatchObject({ service: 'exact' })
  })

  test('the wildcard label is [A-Za-z0-9_-]+ as in the rendered server_name regex', () => {
    expect(run(model, 'http://a_b-1.foo.com/')).toMatchObject({ service: 'wild' })
  })

  test('unknown hosts reach the catch-all server: 404, the controller health check, the status page', () => {
    expect(run(model, 'http://nowhere.test/')).toMatchObject({ status: 404, serverHostname: '_', ingress: null })
    expect(run(model, 'http://nowhere.test/healthz')).toMatchObject({ status: 200, service: null, upstream: null })
    expect(run(model, 'http://nowhere.test/nginx_status')).toMatchObject({ status: 403 })
  })

  test('malformed hosts and paths are 400, as nginx answers them', () => {
    expect(run(model, 'http://a..b/')).toMatchObject({ status: 400 })
    expect(run(model, 'http://x.foo.com/../etc')).toMatchObject({ status: 400 })
    expect(run(model, 'http://x.foo.com/%zz')).toMatchObject({ status: 400 })
    expect(run(model, 'ftp://x.foo.com/')).toMatchObject({ status: 400 })
  })
})

describe('redirects, each with its code and Location', () => {
  const path = [{ host: 't.test', paths: [{ path: '/old', backend: 's1:80' }] }]

  test('permanent-redirect: 301 by default, permanent-redirect-code within 300–308, path not appended', () => {
    const url = 'http://t.test/old/page?x=1'
    expect(run(one({ annotations: nginx({ 'permanent-redirect': 'https://new.test/' }), rules: path }), url))
      .toMatchObject({ status: 301, location: 'https://new.test/', ingress: 'web', service: null })
    expect(run(one({ annotations: nginx({ 'permanent-redirect': 'https://new.test/', 'permanent-redirect-code': '308' }), rules: path }), url))
      .toMatchObject({ status: 308, location: 'https://new.test/' })
    expect(run(one({ annotations: nginx({ 'permanent-redirect': 'https://new.test/', 'permanent-redirect-code': '299' }), rules: path }), url))
      .toMatchObject({ status: 301 })
  })

  test('temporal-redirect: 302 by default, temporal-redirect-code within 300–307, and it wins over permanent', () => {
    const url = 'http://t.test/old'
    expect(run(one({ annotations: nginx({ 'temporal-redirect': 'http://tmp.test/x' }), rules: path }), url))
      .toMatchObject({ status: 302, location: 'http://tmp.test/x' })
    expect(run(one({ annotations: nginx({ 'temporal-redirect': 'http://tmp.test/x', 'temporal-redirect-code': '307' }), rules: path }), url))
      .toMatchObject({ status: 307 })
    expect(run(one({ annotations: nginx({ 'temporal-redirect': 'http://tmp.test/x', 'temporal-redirect-code': '308' }), rules: path }), url))
      .toMatchObject({ status: 302 })
    expect(run(one({ annotations: nginx({ 'temporal-redirect': 'http://tmp.test/x', 'permanent-redirect': 'http://perm.test/' }), rules: path }), url))
      .toMatchObject({ status: 302, location: 'http://tmp.test/x' })
  })

  test('only temporal-redirect must be an http(s) URL (redirect.go isValidURL): it is ignored and reported; permanent-redirect is returned as written', () => {
    const temporal = one({ annotations: nginx({ 'temporal-redirect': 'ftp://x' }), rules: path })
    expect(run(temporal, 'http://t.test/old')).toMatchObject({ status: 200, service: 's1' })
    expect(compileRoutes(temporal).issues).toContainEqual(expect.objectContaining({ code: 'invalid-annotation', at: ['metadata', 'annotations', 'nginx.ingress.kubernetes.io/temporal-redirect'] }))
    const permanent = one({ annotations: nginx({ 'permanent-redirect': 'ftp://x' }), rules: path })
    expect(run(permanent, 'http://t.test/old')).toMatchObject({ status: 301, location: 'ftp://x' })
  })

  test('app-root: exactly / gets 302 to scheme://Host-header/app-root; other paths are routed', () => {
    const model = one({ annotations: nginx({ 'app-root': '/app1' }), rules: [{ host: 't.test', paths: [{ path: '/', backend: 's1:80' }] }] })
    expect(run(model, 'http://t.test:8080/?q=1')).toMatchObject({ status: 302, location: 'http://t.test:8080/app1', locationId: null })
    expect(run(model, 'http://t.test//')).toMatchObject({ status: 302 })
    expect(run(model, 'http://t.test/app1')).toMatchObject({ status: 200, service: 's1' })
  })

  test('nginx\'s own 301 for a proxied x/ location keeps the query and uses the lower-cased host without port', () => {
    const model = one({ rules: [{ host: 't.test', paths: [{ path: '/docs/', type: 'Exact', backend: 's1:80' }] }] })
    expect(run(model, 'http://T.test:81/docs?a=b')).toMatchObject({ status: 301, location: 'http://t.test/docs/?a=b' })
    expect(run(model, 'http://t.test/docs', { relativeRedirects: true })).toMatchObject({ status: 301, location: '/docs/' })
  })

  test('ssl-redirect: 308 with http-redirect-code from the controller ConfigMap, https requests untouched', () => {
    const tls = ingress('web', { tls: [['t.test']], rules: [{ host: 't.test', paths: [{ path: '/', backend: 's1:80' }] }] })
    expect(run(clusterModel(tls), 'http://t.test/a')).toMatchObject({ status: 308, location: 'https://t.test/a' })
    const cm = configMap('ingress-nginx-controller', { 'http-redirect-code': '301', 'preserve-trailing-slash': 'true' })
    expect(run(clusterModel(tls, cm), 'http://t.test/a/')).toMatchObject({ status: 301, location: 'https://t.test/a/' })
    expect(run(clusterModel(tls), 'http://t.test/a', { sslRedirect: false })).toMatchObject({ status: 200 })
  })

  test('ssl-redirect keeps the Host header\'s case, drops its port, and adds :443 with use-port-in-redirects', () => {
    const spec = (annotations: Record<string, string>): ClusterModel =>
      one({ annotations, tls: [['t.test']], rules: [{ host: 't.test', paths: [{ path: '/', backend: 's1:80' }] }] })
    expect(run(spec({}), 'http://T.Test:8080/a?b=1')).toMatchObject({ status: 308, location: 'https://T.Test/a?b=1' })
    expect(run(spec(nginx({ 'use-port-in-redirects': 'true' })), 'http://t.test/a')).toMatchObject({ location: 'https://t.test:443/a' })
    expect(run(spec(nginx({ 'ssl-redirect': 'false' })), 'http://t.test/a')).toMatchObject({ status: 200 })
  })

  test('force-ssl-redirect redirects without a certificate; the ACME challenge path is exempt', () => {
    const model = one({ annotations: nginx({ 'force-ssl-redirect': 'true' }), rules: [{ host: 't.test', paths: [{ path: '/', backend: 's1:80' }, { path: '/.well-known/acme-challenge', backend: 'acme:80' }] }] })
    expect(run(model, 'http://t.test/x')).toMatchObject({ status: 308, location: 'https://t.test/x' })
    expect(run(model, 'http://t.test/.well-known/acme-challenge/token')).toMatchObject({ status: 200, service: 'acme' })
  })

  test('a tls section on one Ingress redirects another Ingress\'s paths on the same host', () => {
    const model = clusterModel(
      ingress('tls', { timestamp: '2024-01-01T00:00:00Z', tls: [['t.test']], rules: [{ host: 't.test', paths: [{ path: '/a', backend: 'a:80' }] }] }),
      ingress('plain', { timestamp: '2024-01-02T00:00:00Z', rules: [{ host: 't.test', paths: [{ path: '/b', backend: 'b:80' }] }] }),
    )
    expect(run(model, 'http://t.test/b')).toMatchObject({ status: 308, ingress: 'plain', location: 'https://t.test/b' })
  })

  test('a wildcard host\'s certificate covers its subdomains', () => {
    const model = one({ tls: [['*.foo.com']], rules: [{ host: '*.foo.com', paths: [{ path: '/', backend: 's1:80' }] }] })
    expect(run(model, 'http://a.foo.com/x')).toMatchObject({ status: 308, location: 'https://a.foo.com/x' })
  })
})

describe('rewrite-target', () => {
  test('without capture groups the whole path becomes the target (the seed\'s trap), the query is kept', () => {
    const model = one({ annotations: nginx({ 'rewrite-target': '/' }), rules: [{ host: 't.test', paths: [{ path: '/foos1', type: 'omitted', backend: 's1:80' }] }] })
    expect(run(model, 'http://t.test/foos1/abc/def?x=1')).toMatchObject({ status: 200, rewrittenPath: '/', upstreamUri: '/?x=1' })
    expect(run(model, 'http://t.test/FOOS1')).toMatchObject({ status: 200, rewrittenPath: '/' })
  })

  test('capture groups carry the rest of the path: /something(/|$)(.*) → /$2', () => {
    const model = one({
      annotations: nginx({ 'rewrite-target': '/$2', 'use-regex': 'true' }),
      rules: [{ host: 't.test', paths: [{ path: '/something(/|$)(.*)', type: 'ImplementationSpecific', backend: 's1:80' }] }],
    })
    expect(run(model, 'http://t.test/something')).toMatchObject({ rewrittenPath: '/' })
    expect(run(model, 'http://t.test/something/')).toMatchObject({ rewrittenPath: '/' })
    expect(run(model, 'http://t.test/something/new')).toMatchObject({ rewrittenPath: '/new', upstreamUri: '/new' })
    expect(run(model, 'http://t.test/something/a%20b')).toMatchObject({ rewrittenPath: '/a%20b' })
    const missing = one({ annotations: nginx({ 'rewrite-target': '/x/$3' }), rules: [{ host: 't.test', paths: [{ path: '/p(.*)', type: 'ImplementationSpecific', backend: 's1:80' }] }] })
    expect(run(missing, 'http://t.test/pq')).toMatchObject({ rewrittenPath: '/x/' })
  })

  test('a rewrite-target equal to the path is no rewrite; an absolute URL target answers 302', () => {
    const same = one({ annotations: nginx({ 'rewrite-target': '/' }), rules: [{ host: 't.test', paths: [{ path: '/', backend: 's1:80' }] }] })
    expect(run(same, 'http://t.test/a/b')).toMatchObject({ status: 200, rewrittenPath: null, upstreamUri: '/a/b' })
    const absolute = one({ annotations: nginx({ 'rewrite-target': 'https://other.test/$1' }), rules: [{ host: 't.test', paths: [{ path: '/go/(.*)', type: 'ImplementationSpecific', backend: 's1:80' }] }] })
    expect(run(absolute, 'http://t.test/go/x?y=1')).toMatchObject({ status: 302, location: 'https://other.test/x?y=1' })
  })

  test('a target with characters ingress-nginx rejects is ignored and reported', () => {
    const model = one({ annotations: nginx({ 'rewrite-target': '/a?b' }), rules: [{ host: 't.test', paths: [{ path: '/p', backend: 's1:80' }] }] })
    expect(run(model, 'http://t.test/p/q')).toMatchObject({ status: 200, rewrittenPath: null })
    expect(compileRoutes(model).issues).toContainEqual(expect.objectContaining({ code: 'invalid-annotation' }))
  })
})

describe('$server_port in a rewrite-target', () => {
  const model = one({ annotations: nginx({ 'rewrite-target': '/port/$server_port' }), rules: [{ host: 'p.test', paths: [{ path: '/', backend: 'app:80' }] }] })

  test('is the port the request came in on when the caller knows it, else the scheme\'s listen port', () => {
    expect(run(model, { url: 'http://p.test/x', serverPort: 8080 }).upstreamUri).toBe('/port/8080')
    expect(run(model, 'http://p.test/x').upstreamUri).toBe('/port/80')
    expect(run(model, 'https://p.test/x').upstreamUri).toBe('/port/443')
  })
})

describe('the answer', () => {
  test('carries the result fields and a trace that names the server, the locations and the winner', () => {
    const result = run(one({ rules: [{ host: 't.test', paths: [{ path: '/api', backend: 'api:8080' }] }] }), 'http://t.test/api/v1')
    expect(result).toMatchObject({
      status: 200, service: 'api', port: 8080, namespace: 'default', ingress: 'web', host: 't.test',
      rewrittenPath: null, location: null, canary: false, serverHostname: 't.test', upstream: 'default-api-8080',
    })
    expect(result.trace.map((step) => formatMessage(step)).join('\n')).toMatch(/Server t\.test chosen[\s\S]*The longest matching prefix wins: location \/api\/[\s\S]*Answer: proxied to api:8080/)
    expect(routeRequest(compileRoutes(one({ rules: [{ host: 't.test', paths: [{ path: '/', backend: 'web:80' }] }] })), { url: 'http://t.test/' }, { trace: false }).trace).toEqual([])
  })

  test('a named port is reported as written', () => {
    expect(run(one({ rules: [{ host: 't.test', paths: [{ path: '/', backend: 'web:http' }] }] }), 'http://t.test/')).toMatchObject({ port: 'http', upstream: 'default-web-http' })
  })
})
