/**
 * The structure's conversions answer as ingress-nginx did: each case goes through the parity check (both routers,
 * the generated requests), and what still differs is exactly what the findings say.
 */
import { describe, expect, it } from 'vitest'
import { checkParity } from '../../parity/check-parity'
import { configMapYaml, ingressYaml, joinDocuments, nginx } from '../../testing/manifests'

function differences(text: string): string[] {
  const report = checkParity([{ name: 'in.yaml', text }], null)
  if ('problem' in report) throw new Error(report.problem.id)
  expect(report.requests).toBeGreaterThan(0)
  return report.differences.map((d) => `${d.cause} ${d.request.url}`)
}

describe('parity-clean conversions', () => {
  it.each([
    ['default backends: a catch-all Ingress, and one with rules and its own', joinDocuments(
      ingressYaml('catch', { defaultBackend: 'fb:80' }),
      ingressYaml('web', { defaultBackend: 'own:80', rules: [{ host: 'a.test', paths: [{ path: '/a', backend: 'a:80' }] }, { host: '', paths: [{ path: '/x', backend: 'x:80' }] }] }),
    )],
    ['two namespaces, TLS in one of them', joinDocuments(
      ingressYaml('shop', { namespace: 'shop', tls: [{ hosts: ['shop.test'], secretName: 'shop-tls' }], rules: [{ host: 'shop.test', paths: [{ path: '/', backend: 'shop:80' }] }] }),
      ingressYaml('blog', { namespace: 'blog', rules: [{ host: 'blog.test', paths: [{ path: '/p', backend: 'blog:80' }] }] }),
    )],
    ['a canary by header', joinDocuments(
      ingressYaml('web', { rules: [{ host: 'a.test', paths: [{ path: '/', backend: 'stable:80' }] }] }),
      ingressYaml('web-canary', { annotations: nginx({ canary: 'true', 'canary-by-header': 'X-Canary' }), rules: [{ host: 'a.test', paths: [{ path: '/', backend: 'next:80' }] }] }),
    )],
    ['the https redirect with the ConfigMap code, preserve-trailing-slash', joinDocuments(
      ingressYaml('web', { tls: [{ hosts: ['a.test'], secretName: 'certs' }], annotations: nginx({ 'preserve-trailing-slash': 'true' }), rules: [{ host: 'a.test', paths: [{ path: '/a', backend: 'a:80' }] }] }),
      configMapYaml('ingress-nginx-controller', { 'http-redirect-code': '301' }, 'ingress-nginx'),
    )],
    ['two Ingresses on one host: the older keeps /a, the newer default backend is unused', joinDocuments(
      ingressYaml('one', { timestamp: '2024-01-01T00:00:00Z', rules: [{ host: 'a.test', paths: [{ path: '/a', backend: 'a:80' }] }] }),
      ingressYaml('two', { timestamp: '2025-01-01T00:00:00Z', defaultBackend: 'fb:80', rules: [{ host: 'a.test', paths: [{ path: '/a', backend: 'z:80' }, { path: '/b', type: 'Exact', backend: 'b:80' }] }] }),
    )],
    ['a literal path no PathPrefix may hold, as a RegularExpression', ingressYaml('web', { rules: [{ host: 'a.test', paths: [{ path: '/a[0]', type: 'ImplementationSpecific', backend: 'a:80' }] }] })],
  ])('%s', (_, text) => {
    expect(differences(text)).toEqual([])
  })
})

describe('what differs is what the findings say', () => {
  it('the https redirect keeps a trailing slash ingress-nginx drops (https-redirect-trailing-slash)', () => {
    const text = ingressYaml('web', { tls: [{ hosts: ['a.test'], secretName: 'certs' }], rules: [{ host: 'a.test', paths: [{ path: '/a', backend: 'a:80' }] }] })
    expect(differences(text).every((line) => line.startsWith('trailing-slash http://a.test/'))).toBe(true)
  })

  it('Prefix /a/: nginx answers /a with its 301 (prefix-trailing-slash)', () => {
    const text = ingressYaml('web', { rules: [{ host: 'a.test', paths: [{ path: '/a/', backend: 'a:80' }] }] })
    expect(differences(text)).toEqual(['trailing-slash http://a.test/a'])
  })
})
