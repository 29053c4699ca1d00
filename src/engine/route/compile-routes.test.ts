/**
 * `compileRoutes`: the servers, locations (order, expansion, regex enforcement) and upstreams ingress-nginx
 * would render, conflicts with the loser named, default and resource backends, canary merging.
 */
import { describe, expect, test } from 'vitest'
import { compileRoutes } from './compile-routes'
import { nginx } from '../testing/manifests'
import { clusterModel, configMap, ingress } from '../testing/models'
import type { CompiledRoutes, CompiledServer } from './types'

function server(compiled: CompiledRoutes, hostname: string): CompiledServer {
  const found = compiled.servers.find((candidate) => candidate.hostname === hostname)
  if (!found) throw new Error(`no server ${hostname}`)
  return found
}

function heads(compiled: CompiledRoutes, hostname: string): string[] {
  return server(compiled, hostname).locations.map((loc) => `${loc.modifier ? loc.modifier + ' ' : ''}${loc.path}`)
}

describe('servers', () => {
  test('a catch-all _ always exists; servers are sorted by hostname; wildcards get a one-label regex name', () => {
    const compiled = compileRoutes(clusterModel(ingress('web', { rules: [{ host: 'b.test', paths: [{ path: '/', backend: 's:80' }] }, { host: '*.a.test', paths: [{ path: '/', backend: 's:80' }] }] })))
    expect(compiled.servers.map((s) => s.hostname)).toEqual(['*.a.test', '_', 'b.test'])
    expect(server(compiled, '*.a.test')).toMatchObject({ kind: 'wildcard', serverName: '~^(?<subdomain>[\\w-]+)\\.a\\.test$' })
    expect(heads(compiled, '_')).toEqual(['/', '/healthz', '/nginx_status'])
  })

  test('a rule host without http gets a server whose root is the default backend', () => {
    const compiled = compileRoutes(clusterModel(ingress('web', { rules: [{ host: 'empty.test' }] })))
    expect(server(compiled, 'empty.test').locations).toEqual([expect.objectContaining({ path: '/', upstream: 'upstream-default-backend', origin: 'server-root' })])
  })
})

describe('locations', () => {
  test('Prefix /foo becomes /foo/ plus = /foo; Prefix /foo/ keeps = /foo/; sorted by length, then path, descending', () => {
    const compiled = compileRoutes(clusterModel(ingress('web', { rules: [{ host: 't.test', paths: [
      { path: '/a', backend: 's:80' },
      { path: '/foo/', backend: 's:80' },
      { path: '/b', type: 'Exact', backend: 's:80' },
      { path: '/zz', backend: 's:80' },
    ] }] })))
    expect(heads(compiled, 't.test')).toEqual(['/foo/', '= /foo/', '/zz/', '= /zz', '= /b', '/a/', '= /a', '/'])
    expect(server(compiled, 't.test').locations[3]).toMatchObject({ origin: 'exact-copy', ingressPath: '/zz' })
  })

  test('an existing Exact path suppresses the exact twin of the same Prefix path', () => {
    const compiled = compileRoutes(clusterModel(ingress('web', { rules: [{ host: 't.test', paths: [{ path: '/x', backend: 'p:80' }, { path: '/x', type: 'Exact', backend: 'e:80' }] }] })))
    expect(heads(compiled, 't.test')).toEqual(['/x/', '= /x', '/'])
    expect(server(compiled, 't.test').locations[1]).toMatchObject({ backend: { service: 'e' } })
  })

  test('use-regex or an effective rewrite-target makes every location of the host ~* "^path", others\' included', () => {
    const compiled = compileRoutes(clusterModel(
      ingress('re', { annotations: nginx({ 'use-regex': 'true' }), rules: [{ host: 't.test', paths: [{ path: '/r/[0-9]+', type: 'ImplementationSpecific', backend: 'r:80' }] }] }),
      ingress('plain', { rules: [{ host: 't.test', paths: [{ path: '/p', backend: 'p:80' }, { path: '/e', type: 'Exact', backend: 'e:80' }] }] }),
    ))
    expect(heads(compiled, 't.test')).toEqual(['~* /r/[0-9]+', '~* /p/', '~* /p', '~* /e', '~* /'])
    expect(server(compiled, 't.test')).toMatchObject({ regexEnforced: true, regexEnforcedBy: 't.test#0' })
  })

  test('a rewrite-target equal to the Prefix path still enforces regex through the expanded /path/ location', () => {
    const compiled = compileRoutes(clusterModel(ingress('web', { annotations: nginx({ 'rewrite-target': '/foo' }), rules: [{ host: 't.test', paths: [{ path: '/foo', backend: 's:80' }] }] })))
    const locations = server(compiled, 't.test').locations
    expect(locations.map((loc) => [loc.modifier, loc.path, loc.rewriteTarget])).toEqual([
      ['~*', '/foo/', '/foo'],
      ['~*', '/foo', null],
      ['~*', '/', '/foo'],
    ])
  })

  test('Prefix /foo and Prefix /foo/ would both render location /foo/: the later one is dropped with an error', () => {
    const compiled = compileRoutes(clusterModel(ingress('web', { rules: [{ host: 't.test', paths: [{ path: '/foo', backend: 'a:80' }, { path: '/foo/', backend: 'b:80' }] }] })))
    expect(heads(compiled, 't.test')).toEqual(['/foo/', '= /foo/', '= /foo', '/'])
    expect(compiled.issues).toContainEqual(expect.objectContaining({ code: 'route-conflict', severity: 'error', at: ['spec', 'rules', 0, 'http', 'paths', 0, 'path'] }))
  })

  test('a regex JavaScript cannot evaluate is reported and never matches', () => {
    const compiled = compileRoutes(clusterModel(ingress('web', { annotations: nginx({ 'use-regex': 'true' }), rules: [{ host: 't.test', paths: [{ path: '/a(?R)', type: 'ImplementationSpecific', backend: 's:80' }] }] })))
    expect(server(compiled, 't.test').locations[0]).toMatchObject({ modifier: '~*', jsRegex: null })
    expect(compiled.issues).toContainEqual(expect.objectContaining({ code: 'regex-unsupported', at: ['spec', 'rules', 0, 'http', 'paths', 0, 'path'] }))
  })
})

describe('conflicts and backends', () => {
  test('a duplicate host, path and type is kept by the older Ingress; the warning names the winner at the loser\'s path', () => {
    const compiled = compileRoutes(clusterModel(
      ingress('second', { timestamp: '2024-01-02T00:00:00Z', rules: [{ host: 't.test', paths: [{ path: '/api', backend: 'b:80' }] }] }),
      ingress('first', { timestamp: '2024-01-01T00:00:00Z', rules: [{ host: 't.test', paths: [{ path: '/api', backend: 'a:80' }, { path: '/api', type: 'Exact', backend: 'x:80' }] }] }),
    ))
    const conflict = compiled.issues.find((issue) => issue.code === 'route-conflict')
    expect(conflict).toMatchObject({ severity: 'warning', at: ['spec', 'rules', 0, 'http', 'paths', 0], source: { doc: 0 } })
    expect(conflict?.text).toEqual(expect.objectContaining({ id: 'path-defined-by-older', params: expect.objectContaining({ ingress: 'default/first' }) }))
    const api = server(compiled, 't.test').locations.find((loc) => loc.path === '/api/')
    expect(api).toMatchObject({ backend: { service: 'a' }, conflicts: [expect.objectContaining({ ingress: expect.objectContaining({ name: 'second' }) })] })
  })

  test('on a crowded host (searched through maps past a few locations) as on a small one: each duplicate is a conflict, the first path kept', () => {
    for (const count of [3, 40]) {
      const paths = Array.from({ length: count }, (_, i) => ({ path: `/p${i}`, backend: 'a:80' }))
      const compiled = compileRoutes(clusterModel(
        ingress('first', { timestamp: '2024-01-01T00:00:00Z', rules: [{ host: 't.test', paths: [...paths, { path: '/p1', type: 'Exact', backend: 'a:80' }] }] }),
        ingress('second', { timestamp: '2024-01-02T00:00:00Z', rules: [{ host: 't.test', paths: [{ path: `/p${count - 1}`, backend: 'b:80' }, { path: '/p1', type: 'Exact', backend: 'b:80' }, { path: '/new', backend: 'b:80' }] }] }),
      ))
      const conflicts = compiled.issues.filter((issue) => issue.code === 'route-conflict')
      expect(conflicts.map((issue) => issue.at), `${count} paths`).toEqual([['spec', 'rules', 0, 'http', 'paths', 0], ['spec', 'rules', 0, 'http', 'paths', 1]])
      const locations = server(compiled, 't.test').locations
      expect(locations.find((loc) => loc.path === `/p${count - 1}/`)).toMatchObject({ backend: { service: 'a' } })
      expect(locations.find((loc) => loc.path === '/p1' && loc.modifier === '=')).toMatchObject({ backend: { service: 'a' } })
      expect(locations.find((loc) => loc.path === '/new/')).toMatchObject({ backend: { service: 'b' } })
    }
  })

  test('a Prefix / rule replaces the server\'s default root instead of conflicting with it', () => {
    const compiled = compileRoutes(clusterModel(ingress('web', { defaultBackend: 'fb:80', rules: [{ host: 't.test', paths: [{ path: '/', backend: 'root:80' }] }] })))
    expect(server(compiled, 't.test').locations).toEqual([expect.objectContaining({ path: '/', origin: 'rule', backend: expect.objectContaining({ service: 'root' }) })])
    expect(compiled.issues.filter((issue) => issue.code === 'route-conflict')).toEqual([])
  })

  test('only the first Ingress with a defaultBackend and no rules takes over the catch-all', () => {
    const compiled = compileRoutes(clusterModel(ingress('one', { defaultBackend: 'one:80' }), ingress('two', { defaultBackend: 'two:80' })))
    expect(server(compiled, '_').locations[0]).toMatchObject({ origin: 'catch-all-backend', backend: { service: 'one' }, ingress: { name: 'one' } })
  })

  test('resource backends are skipped with a warning', () => {
    const compiled = compileRoutes(clusterModel(ingress('web', { rules: [{ host: 't.test', paths: [{ path: '/static', backend: 'resource:Bucket/assets' }] }] })))
    expect(heads(compiled, 't.test')).toEqual(['/'])
    expect(compiled.issues).toContainEqual(expect.objectContaining({ code: 'resource-backend', at: ['spec', 'rules', 0, 'http', 'paths', 0, 'backend'] }))
  })

  test('upstreams are named namespace-service-port and sorted', () => {
    const compiled = compileRoutes(clusterModel(ingress('web', { namespace: 'shop', rules: [{ host: 't.test', paths: [{ path: '/', backend: 'web:http' }, { path: '/api', backend: 'api:8080' }] }] })))
    expect(compiled.upstreams.map((upstream) => upstream.name)).toEqual(['shop-api-8080', 'shop-web-http', 'upstream-default-backend'])
  })
})

describe('canary merging', () => {
  const primary = ingress('main', { rules: [{ host: 't.test', paths: [{ path: '/', backend: 'stable:80' }, { path: '/other', backend: 'stable:80' }] }] })

  test('a canary attaches to the primary upstream of the same host, path and type; it gets no location', () => {
    const canary = ingress('canary', { annotations: nginx({ canary: 'true', 'canary-weight': '10' }), rules: [{ host: 't.test', paths: [{ path: '/', backend: 'next:80' }] }] })
    const compiled = compileRoutes(clusterModel(primary, canary))
    expect(compiled.upstreams.find((upstream) => upstream.name === 'default-stable-80')?.alternatives).toEqual(['default-next-80'])
    expect(compiled.upstreams.find((upstream) => upstream.name === 'default-next-80')).toMatchObject({ noServer: true, canary: { weight: 10, weightTotal: 100 } })
    expect(heads(compiled, 't.test')).toEqual(['/other/', '= /other', '/'])
  })

  test('a canary path without a primary deletes the canary upstream and is reported', () => {
    const canary = ingress('canary', { annotations: nginx({ canary: 'true' }), rules: [{ host: 't.test', paths: [{ path: '/', backend: 'next:80' }, { path: '/nope', backend: 'next:80' }] }] })
    const compiled = compileRoutes(clusterModel(primary, canary))
    expect(compiled.upstreams.some((upstream) => upstream.name === 'default-next-80')).toBe(false)
    expect(compiled.issues).toContainEqual(expect.objectContaining({ code: 'canary-without-primary', at: ['spec', 'rules', 0, 'http', 'paths', 1] }))
  })

  test('canary flags without canary: "true" are invalid and ignored', () => {
    const flagged = ingress('flagged', { annotations: nginx({ 'canary-weight': '50' }), rules: [{ host: 'x.test', paths: [{ path: '/', backend: 'x:80' }] }] })
    const compiled = compileRoutes(clusterModel(primary, flagged))
    expect(heads(compiled, 'x.test')).toEqual(['/'])
    expect(compiled.issues).toContainEqual(expect.objectContaining({ code: 'invalid-annotation', at: ['metadata', 'annotations', 'nginx.ingress.kubernetes.io/canary'] }))
  })
})

describe('environment', () => {
  test('the controller ConfigMap overrides the defaults for the keys that change routing, and says so', () => {
    const compiled = compileRoutes(clusterModel(configMap('ingress-nginx-controller', { 'ssl-redirect': 'false', 'http-redirect-code': '302', 'proxy-body-size': '8m' })))
    expect(compiled.environment).toMatchObject({ sslRedirect: false, httpRedirectCode: 302, configMap: { name: 'ingress-nginx-controller' } })
    expect(compiled.environment.sources).toMatchObject({ 'ssl-redirect': 'configmap', 'preserve-trailing-slash': 'default' })
  })

  test('an invalid ConfigMap value keeps the default and is reported; other ConfigMaps are ignored', () => {
    const compiled = compileRoutes(clusterModel(configMap('app-config', { 'ssl-redirect': 'false' }), configMap('nginx-configuration', { 'http-redirect-code': '303' })))
    expect(compiled.environment).toMatchObject({ sslRedirect: true, httpRedirectCode: 308, configMap: { name: 'nginx-configuration' } })
    expect(compiled.issues).toContainEqual(expect.objectContaining({ code: 'controller-configmap', at: ['data', 'http-redirect-code'] }))
  })

  test('explicit overrides win over the ConfigMap', () => {
    const compiled = compileRoutes(clusterModel(configMap('ingress-nginx-controller', { 'ssl-redirect': 'false' })), { sslRedirect: true })
    expect(compiled.environment).toMatchObject({ sslRedirect: true, sources: { 'ssl-redirect': 'override' } })
  })

  test('annotations of the other NGINX controller are flagged', () => {
    const compiled = compileRoutes(clusterModel(ingress('web', { annotations: { 'nginx.org/rewrites': 'x' }, rules: [{ host: 't.test', paths: [{ path: '/', backend: 'web:80' }] }] })))
    expect(compiled.issues).toContainEqual(expect.objectContaining({ code: 'foreign-annotation', severity: 'info' }))
  })
})

describe('compiled once per model', () => {
  test('the same model without overrides answers the same compiled routes; overrides and another model compile afresh', () => {
    const model = clusterModel(ingress('web', { rules: [{ host: 'a.test', paths: [{ path: '/', backend: 's:80' }] }] }))
    const first = compileRoutes(model)
    expect(compileRoutes(model)).toBe(first)
    expect(compileRoutes(model, { annotationValidation: undefined })).toBe(first)
    const overridden = compileRoutes(model, { annotationValidation: false })
    expect(overridden).not.toBe(first)
    expect(overridden.environment.annotationValidation).toBe(false)
    expect(compileRoutes({ ...model })).not.toBe(first)
    expect(compileRoutes({ ...model })).toEqual(first)
  })
})
