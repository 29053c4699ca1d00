import { describe, expect, it } from 'vitest'
import { analyzeText } from '../../testing/analyze-text'
import { applyFix, codesOf, fixesFor } from '../../testing/quick-fixes'
import { HEALTHY, stack } from '../../testing/stack'

const healthy = (patch: (text: string) => string = (t) => t) => patch(stack({ container: HEALTHY }))

describe('ingress-service-missing', () => {
  it('fires at the backend name, suggesting a close name', () => {
    const found = analyzeText(healthy((t) => t.replace('name: web\n            port', 'name: webb\n            port'))).of('ingress-service-missing')
    expect(found).toEqual([expect.objectContaining({ text: 'webb', severity: 'warning' })])
    expect(found[0]?.message).toContain('Did you mean web?')
  })

  it('does not fire for an existing Service, or when the manifests hold no Service at all', () => {
    expect(codesOf(healthy())).not.toContain('ingress-service-missing')
    const alone = 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: i}\nspec:\n  defaultBackend:\n    service: {name: x, port: {number: 80}}\n'
    expect(codesOf(alone)).not.toContain('ingress-service-missing')
  })

  it('fixes by using the close name (old backend shape too)', () => {
    const fixed = applyFix(healthy((t) => t.replace('name: web\n            port', 'name: webb\n            port')), 'ingress-service-missing')
    expect(codesOf(fixed)).not.toContain('ingress-service-missing')
    const old = healthy((t) => t.replace(/apiVersion: networking.k8s.io\/v1\nkind: Ingress[\s\S]*$/, 'apiVersion: extensions/v1beta1\nkind: Ingress\nmetadata: {name: old}\nspec:\n  backend:\n    serviceName: wb\n    servicePort: 80\n'))
    expect(applyFix(old, 'ingress-service-missing')).toContain('    serviceName: web\n')
  })
})

describe('ingress-service-port-missing', () => {
  it.each([
    ['number', 'number: 80', 'number: 8080', '8080'],
    ['name', 'number: 80', 'name: https', 'https'],
  ])('fires for a port %s the Service lacks', (_, from, to, text) => {
    expect(analyzeText(healthy((t) => t.replace(from, to))).of('ingress-service-port-missing')).toEqual([expect.objectContaining({ text })])
  })

  it('does not fire for the Service\'s port or a missing Service', () => {
    expect(codesOf(healthy())).not.toContain('ingress-service-port-missing')
  })

  it('fixes by using the Service\'s only port', () => {
    const fixed = applyFix(healthy((t) => t.replace('number: 80', 'name: https')), 'ingress-service-port-missing')
    expect(fixed).toContain('            port:\n              number: 80\n')
    expect(codesOf(fixed)).not.toContain('ingress-service-port-missing')
  })
})

const tlsIngress = (tls: string, host = 'web.example.com') => `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: t}
spec:
  tls:
  - hosts: [${tls}]
  rules:
  - host: ${host}
    http:
      paths:
      - {path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}
`

describe('tls-host-not-in-rules', () => {
  it('fires at a TLS host no rule serves', () => {
    expect(analyzeText(tlsIngress('web.example.com, www.example.com')).of('tls-host-not-in-rules')).toEqual([expect.objectContaining({ text: 'www.example.com' })])
  })

  it('does not fire for rule hosts, or a wildcard TLS host over a rule host', () => {
    expect(codesOf(tlsIngress('web.example.com'))).not.toContain('tls-host-not-in-rules')
    expect(codesOf(tlsIngress('"*.example.com"'))).not.toContain('tls-host-not-in-rules')
  })

  it('fixes by removing the host from tls', () => {
    const fixed = applyFix(tlsIngress('web.example.com, www.example.com'), 'tls-host-not-in-rules')
    expect(fixed).toContain('  - hosts: [ web.example.com ]\n')
    expect(codesOf(fixed)).not.toContain('tls-host-not-in-rules')
  })
})

describe('wildcard-host-apex', () => {
  it('fires at a wildcard host whose apex no Ingress serves', () => {
    expect(analyzeText(tlsIngress('"*.example.com"', '"*.example.com"')).of('wildcard-host-apex')).toEqual([expect.objectContaining({ text: '"*.example.com"', severity: 'info' })])
  })

  it('does not fire when the apex has its own rule', () => {
    const both = tlsIngress('"*.example.com"', '"*.example.com"') + '---\n' + tlsIngress('example.com', 'example.com').replace('name: t', 'name: apex')
    expect(codesOf(both)).not.toContain('wildcard-host-apex')
    expect(fixesFor(tlsIngress('"*.example.com"', '"*.example.com"'), 'wildcard-host-apex')).toEqual([])
  })
})

const rewrite = (target: string, paths: string) => `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: r
  annotations:
    nginx.ingress.kubernetes.io/rewrite-target: ${target}
spec:
  rules:
  - host: a.example.com
    http:
      paths:
${paths}`
const path = (p: string, type = 'Prefix') => `      - path: ${p}\n        pathType: ${type}\n        backend:\n          service: {name: web, port: {number: 80}}\n`

describe('rewrite-without-capture', () => {
  it('fires at the annotation when a path matches longer URLs', () => {
    expect(analyzeText(rewrite('/', path('/api'))).of('rewrite-without-capture')).toEqual([expect.objectContaining({ text: '/' })])
  })

  it('does not fire with a capture group, or with only the root or Exact paths', () => {
    expect(codesOf(rewrite('/$2', path('/api(/|$)(.*)', 'ImplementationSpecific')))).not.toContain('rewrite-without-capture')
    expect(codesOf(rewrite('/x', path('/')))).not.toContain('rewrite-without-capture')
    expect(codesOf(rewrite('/x', path('/api', 'Exact')))).not.toContain('rewrite-without-capture')
  })

  it('fixes by capturing the rest of every path, the root path included, as ImplementationSpecific', () => {
    const fixed = applyFix(rewrite('/', path('/api/') + path('/')), 'rewrite-without-capture')
    expect(fixed).toContain('nginx.ingress.kubernetes.io/rewrite-target: /$2\n')
    expect(fixed).toContain('      - path: /api(/|$)(.*)\n        pathType: ImplementationSpecific\n')
    expect(fixed).toContain('      - path: /()(.*)\n        pathType: ImplementationSpecific\n')
    expect(codesOf(fixed)).not.toContain('rewrite-without-capture')
  })

  it('leaves paths that already hold regex alone (no fix offered)', () => {
    expect(fixesFor(rewrite('/', path('/api') + path('/v[0-9]+', 'ImplementationSpecific')), 'rewrite-without-capture')).toEqual([])
  })
})
