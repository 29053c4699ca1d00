/**
 * Each ingress-nginx vs spec divergence of docs/routing.md#divergences (D1–D10): the engine gives ingress-nginx's
 * answer and marks the note, with the spec's answer where the spec has one.
 */
import { describe, expect, test } from 'vitest'
import { formatMessage } from '../messages/render'
import { compileRoutes } from './compile-routes'
import { routeRequest } from './route-request'
import { nginx } from '../testing/manifests'
import { clusterModel, ingress } from '../testing/models'
import type { ClusterModel } from '../model/types'
import type { RouteResult } from './types'

function run(model: ClusterModel, url: string): RouteResult {
  return routeRequest(compileRoutes(model), { url })
}

function ids(result: RouteResult): string[] {
  return result.divergences.map((note) => note.id)
}

function note(result: RouteResult, id: string): string {
  const found = result.divergences.find((candidate) => candidate.id === id)
  return found ? formatMessage(found.text) : ''
}

describe('spec divergences D1–D10', () => {
  test('D1: Prefix /foo/ answers /foo with 301 (query kept), the spec would match', () => {
    const result = run(clusterModel(ingress('web', { rules: [{ host: 't.test', paths: [{ path: '/foo/', backend: 's1:80' }] }] })), 'http://t.test/foo?q=1')
    expect(result).toMatchObject({ status: 301, location: 'http://t.test/foo/?q=1', ingress: 'web', service: null })
    expect(ids(result)).toContain('D1')
    expect(note(result, 'D1')).toContain('Prefix /foo/ on t.test of Ingress default/web → s1:80')
    expect(result.trace.some((step) => formatMessage(step).startsWith('Spec divergence D1:'))).toBe(true)
  })

  test('D2: a rewrite-target on one Ingress makes another Ingress\'s Exact path a case-insensitive prefix', () => {
    const model = clusterModel(
      ingress('rewriter', { annotations: nginx({ 'rewrite-target': '/$2' }), rules: [{ host: 't.test', paths: [{ path: '/api(/|$)(.*)', type: 'ImplementationSpecific', backend: 'api:80' }] }] }),
      ingress('exact', { rules: [{ host: 't.test', paths: [{ path: '/exact', type: 'Exact', backend: 'exact:80' }] }] }),
    )
    for (const path of ['/exactly', '/EXACT']) {
      const result = run(model, `http://t.test${path}`)
      expect(result).toMatchObject({ status: 200, service: 'exact', ingress: 'exact' })
      expect(ids(result)).toContain('D2')
      expect(note(result, 'D2')).toContain('per the Kubernetes spec: no rule matches')
    }
    const compiled = compileRoutes(model)
    expect(compiled.issues).toContainEqual(expect.objectContaining({ code: 'regex-enforced', at: ['spec', 'rules', 0, 'http', 'paths', 0, 'path'] }))
  })

  test('D3: the first regex in length order wins, not the path the spec prefers', () => {
    const model = clusterModel(
      ingress('regex', {
        annotations: nginx({ 'use-regex': 'true' }),
        rules: [{ host: 't.test', paths: [
          { path: '/foo/bar/bar', type: 'ImplementationSpecific', backend: 'literal:80' },
          { path: '/foo/bar/[A-Z0-9]{3}', type: 'ImplementationSpecific', backend: 'pattern:80' },
        ] }],
      }),
    )
    const result = run(model, 'http://t.test/foo/bar/bar')
    expect(result).toMatchObject({ status: 200, service: 'pattern' })
    expect(ids(result)).toContain('D3')
    expect(note(result, 'D3')).toContain('ImplementationSpecific /foo/bar/bar on t.test of Ingress default/regex → literal:80')
  })

  test('D4: ImplementationSpecific without use-regex is a Prefix', () => {
    const model = clusterModel(ingress('web', { rules: [{ host: 't.test', paths: [{ path: '/docs', type: 'ImplementationSpecific', backend: 's1:80' }] }] }))
    const result = run(model, 'http://t.test/docs/intro')
    expect(result).toMatchObject({ status: 200, service: 's1' })
    expect(ids(result)).toContain('D4')
    expect(run(model, 'http://t.test/docsx')).toMatchObject({ status: 404 })
  })

  test('D5: a defaultBackend beside rules serves only that Ingress\'s hosts', () => {
    const model = clusterModel(ingress('web', { defaultBackend: 'fallback:80', rules: [{ host: 'a.test', paths: [{ path: '/app', backend: 'app:80' }] }] }))
    expect(run(model, 'http://a.test/other')).toMatchObject({ status: 200, service: 'fallback', ingress: 'web' })
    const elsewhere = run(model, 'http://b.test/other')
    expect(elsewhere).toMatchObject({ status: 404, service: null, ingress: null })
    expect(ids(elsewhere)).toContain('D5')
    expect(note(elsewhere, 'D5')).toContain('defaultBackend of Ingress default/web answers (fallback:80)')
    expect(compileRoutes(model).issues).toContainEqual(expect.objectContaining({ code: 'default-backend-scope', at: ['spec', 'defaultBackend'] }))
  })

  test('D6: a rule without host is not consulted for a host that has its own server', () => {
    const model = clusterModel(
      ingress('hostless', { rules: [{ paths: [{ path: '/shared', backend: 'shared:80' }] }] }),
      ingress('named', { rules: [{ host: 'a.test', paths: [{ path: '/', backend: 'site:80' }] }] }),
    )
    const named = run(model, 'http://a.test/shared')
    expect(named).toMatchObject({ status: 200, service: 'site' })
    expect(ids(named)).toContain('D6')
    expect(run(model, 'http://unknown.test/shared')).toMatchObject({ status: 200, service: 'shared' })
  })

  test('D7: the older Ingress keeps a duplicate host and path; the note names the dropped one', () => {
    const model = clusterModel(
      ingress('newer', { timestamp: '2024-02-01T00:00:00Z', rules: [{ host: 't.test', paths: [{ path: '/api', backend: 'new:80' }] }] }),
      ingress('older', { timestamp: '2024-01-01T00:00:00Z', rules: [{ host: 't.test', paths: [{ path: '/api', backend: 'old:80' }] }] }),
    )
    const result = run(model, 'http://t.test/api')
    expect(result).toMatchObject({ status: 200, service: 'old', ingress: 'older' })
    expect(ids(result)).toContain('D7')
    expect(note(result, 'D7')).toContain('Ingress default/newer')
  })

  test('D8 and D9: a tls section redirects http to https with 308 and drops the trailing slash', () => {
    const model = clusterModel(ingress('tls', { tls: [['t.test']], rules: [{ host: 't.test', paths: [{ path: '/', backend: 's1:80' }] }] }))
    const docs = run(model, 'http://t.test/docs/')
    expect(docs).toMatchObject({ status: 308, location: 'https://t.test/docs', ingress: 'tls', service: null })
    expect(ids(docs)).toEqual(expect.arrayContaining(['D8', 'D9']))
    const query = run(model, 'http://t.test/a/?x=1')
    expect(query).toMatchObject({ status: 308, location: 'https://t.test/a/?x=1' })
    expect(ids(query)).not.toContain('D9')
    expect(run(model, 'https://t.test/docs/')).toMatchObject({ status: 200, service: 's1' })
  })

  test('D10: nginx normalises //, . and .. and percent-escapes before matching; the upstream gets the raw path', () => {
    const model = clusterModel(ingress('web', { rules: [{ host: 't.test', paths: [{ path: '/foo', type: 'Exact', backend: 'foo:80' }] }] }))
    for (const raw of ['//foo', '/a/../foo', '/f%6Fo', '/./foo']) {
      const result = run(model, `http://t.test${raw}`)
      expect(result).toMatchObject({ status: 200, service: 'foo', rewrittenPath: null, upstreamUri: raw })
      expect(ids(result)).toContain('D10')
    }
    expect(ids(run(model, 'http://t.test/foo'))).not.toContain('D10')
  })
})
