/** The route table: one row per Ingress path and defaultBackend, linked to its locations, with notes. */
import { describe, expect, test } from 'vitest'
import { formatMessage } from '../messages/render'
import { compileRoutes } from './compile-routes'
import { buildRouteTable, type RouteTableRow } from './route-table'
import { nginx } from '../testing/manifests'
import { clusterModel, ingress } from '../testing/models'

const table = buildRouteTable(compileRoutes(clusterModel(
  ingress('main', { timestamp: '2024-01-01T00:00:00Z', defaultBackend: 'fallback:80', rules: [{ host: 't.test', paths: [
    { path: '/api', backend: 'api:80' },
    { path: '/raw', type: 'ImplementationSpecific', backend: 'raw:80' },
  ] }] }),
  ingress('late', { timestamp: '2024-01-02T00:00:00Z', rules: [{ host: 't.test', paths: [{ path: '/api', backend: 'other:80' }] }] }),
  ingress('canary', { annotations: nginx({ canary: 'true', 'canary-weight': '10' }), rules: [{ host: 't.test', paths: [{ path: '/api', backend: 'api-next:80' }] }] }),
  ingress('elsewhere', { annotations: { 'kubernetes.io/ingress.class': 'traefik' }, rules: [{ host: 'x.test', paths: [{ path: '/', backend: 'x:80' }] }] }),
)))

function row(ingressName: string, path: string, rows: readonly RouteTableRow[] = table) {
  const found = rows.find((candidate) => candidate.ingress === `default/${ingressName}` && candidate.path === path)
  if (!found) throw new Error(`no row ${ingressName} ${path}`)
  return { ...found, notes: found.notes.map((note) => formatMessage(note)), ko: found.notes.map((note) => formatMessage(note, 'ko')) }
}

describe('buildRouteTable', () => {
  test('a served path lists its locations (the Prefix and its exact twin) and its canary', () => {
    expect(row('main', '/api')).toMatchObject({
      host: 't.test', pathType: 'Prefix', backend: 'api:80', locationIds: ['t.test#2', 't.test#3'], at: ['spec', 'rules', 0, 'http', 'paths', 0],
    })
    expect(row('main', '/api').notes).toEqual([
      'prefix by whole path elements: location /api/',
      'also location = /api (ingress-nginx adds an exact twin, so /api itself does not get a 301)',
      'canary: Ingress default/canary (api-next:80), weight 10',
    ])
    expect(row('main', '/raw').notes).toEqual(['ImplementationSpecific is treated as Prefix: location /raw/ (D4)', expect.stringMatching(/^also location = \/raw /)])
  })

  test('a dropped duplicate names the Ingress that keeps it', () => {
    expect(row('late', '/api')).toMatchObject({ locationIds: [] })
    expect(row('late', '/api').notes).toEqual(['dropped: Ingress default/main already defines this host and path (D7)'])
  })

  test('canaries and Ingresses of other classes get rows with their status', () => {
    expect(row('canary', '/api').notes).toEqual(['canary of upstream default-api-80'])
    expect(row('elsewhere', '/').notes[0]).toMatch(/^not served: annotation kubernetes\.io\/ingress\.class: traefik/)
  })

  test('a defaultBackend beside rules is the fallback of its own hosts only', () => {
    expect(row('main', '*')).toMatchObject({ pathType: 'defaultBackend', backend: 'fallback:80', at: ['spec', 'defaultBackend'], locationIds: ['t.test#4'] })
    expect(row('main', '*').notes[0]).toMatch(/fallback for this Ingress's own hosts only \(t\.test\)/)
  })
})

describe('each row says how that row matches', () => {
  // The seed: a rewrite-target makes foo.bar.com regex-matched; the other hosts are plain.
  const seed = buildRouteTable(compileRoutes(clusterModel(
    ingress('test', { annotations: nginx({ 'rewrite-target': '/' }), rules: [
      { host: 'foo.bar.com', paths: [{ path: '/foos1', type: 'ImplementationSpecific', backend: 's1:80' }, { path: '/bars2', type: 'ImplementationSpecific', backend: 's2:80' }] },
      { host: 'bar.foo.com', paths: [{ path: '', type: 'ImplementationSpecific', backend: 's2:80' }] },
    ] }),
    ingress('ssl', { rules: [{ host: 'kube-book.com', paths: [{ path: '/', type: 'ImplementationSpecific', backend: 's1:80' }] }] }),
    ingress('exact', { rules: [{ host: 'kube-book.com', paths: [{ path: '/health', type: 'Exact', backend: 's1:80' }] }] }),
  )))

  test('a regex host\'s path is a case-insensitive regex prefix, a plain root matches every path, an Exact is exact', () => {
    expect(row('test', '/foos1', seed).notes).toEqual([
      'case-insensitive regex prefix, not Prefix (its rewrite-target makes it a regex): location ~* "^/foos1" (D4)',
      'rewrite: the whole path becomes /',
    ])
    expect(row('test', '', seed).notes).toEqual(['treated as Prefix /, so every path matches: location /'])
    expect(row('ssl', '/', seed).notes).toEqual(['treated as Prefix /, so every path matches: location /'])
    expect(row('exact', '/health', seed).notes).toEqual(['exact match: location = /health'])
    expect(seed.flatMap((entry) => entry.notes.map((note) => formatMessage(note)))).not.toContain('ImplementationSpecific is treated as Prefix (D4)')
  })

  test('another Ingress\'s rewrite makes this host regex-matched (D2), in Korean too', () => {
    const rows = buildRouteTable(compileRoutes(clusterModel(
      ingress('rewriter', { annotations: nginx({ 'rewrite-target': '/$2' }), rules: [{ host: 't.test', paths: [{ path: '/api(/|$)(.*)', type: 'ImplementationSpecific', backend: 'api:80' }] }] }),
      ingress('exact', { rules: [{ host: 't.test', paths: [{ path: '/exact', type: 'Exact', backend: 'exact:80' }] }] }),
    )))
    const exact = row('exact', '/exact', rows)
    expect(exact.notes).toEqual(['case-insensitive regex prefix (the host is regex-enforced by the rewrite-target of Ingress default/rewriter): location ~* "^/exact" (D2)'])
    expect(exact.ko).toEqual(['대소문자 무시 정규식 prefix(호스트에 정규식 매칭 강제: Ingress default/rewriter의 rewrite-target): location ~* "^/exact" (D2)'])
  })
})
