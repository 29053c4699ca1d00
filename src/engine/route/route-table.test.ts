/** The route table: one row per Ingress path and defaultBackend, linked to its locations, with notes. */
import { describe, expect, test } from 'vitest'
import { compileRoutes } from './compile-routes'
import { buildRouteTable } from './route-table'
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

function row(ingressName: string, path: string) {
  const found = table.find((candidate) => candidate.ingress === `default/${ingressName}` && candidate.path === path)
  if (!found) throw new Error(`no row ${ingressName} ${path}`)
  return found
}

describe('buildRouteTable', () => {
  test('a served path lists its locations (the Prefix and its exact twin) and its canary', () => {
    expect(row('main', '/api')).toMatchObject({
      host: 't.test', pathType: 'Prefix', backend: 'api:80', locationIds: ['t.test#2', 't.test#3'], at: ['spec', 'rules', 0, 'http', 'paths', 0],
    })
    expect(row('main', '/api').notes).toEqual(expect.arrayContaining(['location /api/', expect.stringMatching(/^canary: Ingress default\/canary \(api-next:80\), weight 10/)]))
    expect(row('main', '/raw').notes).toContain('ImplementationSpecific is treated as Prefix (D4)')
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
