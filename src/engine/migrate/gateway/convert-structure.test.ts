/**
 * The conversion's structure, with the annotation mapping replaced by the identity (a rule stays as the spec
 * fields made it), so each table row shows what the structure alone writes: paths, backends, default backends,
 * hosts, namespaces, TLS listeners, the https redirect split, an existing Gateway, options. Every converted
 * output is analyzed together with its input: no model-stage error, and every route Accepted and ResolvedRefs on
 * every parent (compileGateways).
 */
import { describe, expect, it } from 'vitest'
import { parseAllDocuments } from 'yaml'
import { analyze } from '../../analyze'
import { isRejectedInput } from '../../diagnostics'
import { compileGateways } from '../../gateway/compile-gateways'
import { configMapYaml, ingressClassYaml, ingressYaml, joinDocuments, nginx, secretYaml, serviceYaml, type IngressSpec } from '../../testing/manifests'
import type { AnnotationMapping } from './convert-structure'
import { convertWithMapping } from './convert-to-gateway'
import type { PathAnnotationInput } from './draft'
import type { GatewayConversion, GatewayConversionOptions } from './types'
import { SEED_MANIFEST } from '../../../presets/seed'

/** A TLS Secret with a real certificate and key (the seed's), so the listener's certificateRefs resolve. */
function tlsSecret(name: string, namespace?: string): string {
  const field = (key: string): string => new RegExp(`${key.replace('.', '\\.')}: (\\S+)`).exec(SEED_MANIFEST)?.[1] as string
  return secretYaml(name, { namespace, type: 'kubernetes.io/tls', data: { 'tls.crt': field('tls.crt'), 'tls.key': field('tls.key') } })
}

const identity: AnnotationMapping = {
  mapPath: (input) => ({ rules: [input.path.rule], findings: [] }),
  mapIngress: () => ({ extraRules: [], findings: [] }),
  unconverted: () => [],
}

function convert(text: string, options: GatewayConversionOptions = {}, mapping: AnnotationMapping = identity): GatewayConversion {
  const out = convertWithMapping([{ name: 'in.yaml', text }], options, mapping)
  if ('problem' in out) throw new Error(`unexpected problem ${out.problem.id}`)
  return out
}

type Doc = { kind: string; metadata: { name: string; namespace: string }; spec: Record<string, unknown> }
const docs = (out: GatewayConversion): Doc[] => parseAllDocuments(out.text).map((doc) => doc.toJS() as Doc)
const routes = (out: GatewayConversion): Doc[] => docs(out).filter((doc) => doc.kind === 'HTTPRoute')
const route = (out: GatewayConversion, name: string): Doc => {
  const found = routes(out).find((doc) => doc.metadata.name === name)
  if (!found) throw new Error(`no route ${name} in\n${out.text}`)
  return found
}
const gateway = (out: GatewayConversion): Doc => docs(out).find((doc) => doc.kind === 'Gateway') as Doc
const codes = (out: GatewayConversion): string[] => out.findings.map((finding) => finding.code)

/** The input and its conversion analyzed together: no model error; every converted route accepted and resolved. */
function expectValid(input: string, out: GatewayConversion): void {
  const analysis = analyze([{ name: 'in.yaml', text: input }, { name: 'out.yaml', text: out.text }], { checks: false })
  expect(analysis.diagnostics.filter(isRejectedInput).map((d) => `${d.file}:${d.start.line} ${d.code} ${d.message}`)).toEqual([])
  const compiled = compileGateways(analysis.model)
  const written = new Set(out.objects.filter((object) => object.kind === 'HTTPRoute').map((object) => `${object.namespace}/${object.name}`))
  const checked = compiled.routes.filter((compiledRoute) => written.has(`${compiledRoute.ref.namespace}/${compiledRoute.ref.name}`))
  expect(checked).toHaveLength(written.size)
  for (const compiledRoute of checked) {
    for (const parent of compiledRoute.parents) {
      const conditions = Object.fromEntries(parent.conditions.map((c) => [c.type, `${c.status} ${c.reason}`]))
      expect({ route: compiledRoute.ref.key, accepted: conditions.Accepted, resolved: conditions.ResolvedRefs })
        .toEqual({ route: compiledRoute.ref.key, accepted: 'True Accepted', resolved: 'True ResolvedRefs' })
    }
  }
}

const one = (spec: IngressSpec, name = 'web'): string => ingressYaml(name, spec)

describe('paths', () => {
  it.each([
    ['Exact /a', { path: '/a', type: 'Exact' as const }, { type: 'Exact', value: '/a' }, []],
    ['Prefix /a', { path: '/a', type: 'Prefix' as const }, { type: 'PathPrefix', value: '/a' }, []],
    ['Prefix /', { path: '/', type: 'Prefix' as const }, { type: 'PathPrefix', value: '/' }, []],
    ['no path, no pathType (old API; ingress-nginx reads /)', { type: 'omitted' as const }, { type: 'PathPrefix', value: '/' }, ['implementation-specific-path']],
    ['ImplementationSpecific /a (read as Prefix)', { path: '/a', type: 'ImplementationSpecific' as const }, { type: 'PathPrefix', value: '/a' }, ['implementation-specific-path']],
    ['pathType omitted (old API: ImplementationSpecific)', { path: '/a', type: 'omitted' as const }, { type: 'PathPrefix', value: '/a' }, ['implementation-specific-path']],
    ['Prefix /a/ (ingress-nginx does not serve /a)', { path: '/a/', type: 'Prefix' as const }, { type: 'PathPrefix', value: '/a/' }, ['prefix-trailing-slash']],
  ])('%s', (_, path, match, found) => {
    const input = one({ rules: [{ host: 'a.test', paths: [{ ...path, backend: 'svc:80' }] }] })
    const out = convert(input)
    expect(route(out, 'web').spec.rules).toEqual([{ matches: [{ path: match }], backendRefs: [{ name: 'svc', port: 80 }] }])
    expect(codes(out)).toEqual(found)
    expectValid(input, out)
  })

  it('a path an Exact or PathPrefix match may not hold becomes the RegularExpression of what ingress-nginx matched', () => {
    const input = one({ rules: [{ host: 'a.test', paths: [{ path: '/a[0]', type: 'ImplementationSpecific', backend: 'svc:80' }, { path: '/b|c/', type: 'ImplementationSpecific', backend: 'svc:80' }] }] })
    const out = convert(input)
    expect((route(out, 'web').spec.rules as { matches: { path: unknown }[] }[]).map((rule) => rule.matches[0]?.path)).toEqual([
      { type: 'RegularExpression', value: '/a\\[0\\](/.*)?' },
      { type: 'RegularExpression', value: '/b\\|c/.*' },
    ])
    expect(codes(out)).toEqual(['implementation-specific-path', 'path-as-regex', 'implementation-specific-path', 'prefix-trailing-slash', 'path-as-regex'])
    expectValid(input, out)
  })

  it('keeps the order the Ingress writes; every API version converts', () => {
    for (const apiVersion of ['networking.k8s.io/v1', 'networking.k8s.io/v1beta1', 'extensions/v1beta1'] as const) {
      const input = one({ apiVersion, rules: [{ host: 'a.test', paths: [{ path: '/b', type: 'Exact', backend: 'b:80' }, { path: '/a', type: 'Prefix', backend: 'a:80' }] }] })
      const out = convert(input)
      expect((route(out, 'web').spec.rules as { matches: { path: { value: string } }[] }[]).map((rule) => rule.matches[0]?.path.value)).toEqual(['/b', '/a'])
      expectValid(input, out)
    }
  })

  it('more than 16 paths on a host: the route goes on in <name>-2 (the CRD allows 16 rules)', () => {
    const paths = Array.from({ length: 20 }, (_, i) => ({ path: `/p${i}`, type: 'Exact' as const, backend: 'svc:80' }))
    const input = one({ rules: [{ host: 'a.test', paths }] })
    const out = convert(input)
    expect(routes(out).map((doc) => [doc.metadata.name, (doc.spec.rules as unknown[]).length])).toEqual([['web', 16], ['web-2', 4]])
    expectValid(input, out)
  })

  it('a port name resolves through the Service; an unknown one is written without backendRef and reported', () => {
    const input = joinDocuments(
      one({ rules: [{ host: 'a.test', paths: [{ path: '/a', backend: 'svc:http' }, { path: '/b', backend: 'svc:grpc' }] }] }),
      serviceYaml('svc', { ports: [{ name: 'http', port: 8080, targetPort: 80 }] }),
    )
    const out = convert(input)
    expect(route(out, 'web').spec.rules).toEqual([
      { matches: [{ path: { type: 'PathPrefix', value: '/a' } }], backendRefs: [{ name: 'svc', port: 8080 }] },
      { matches: [{ path: { type: 'PathPrefix', value: '/b' } }] },
    ])
    expect(codes(out)).toEqual(['backend-port-unresolved'])
    const span = out.findings[0]?.source.span as { start: number; end: number }
    expect(input.slice(span.start, span.end)).toBe('grpc')
  })

  it('a path ingress-nginx serves from an older Ingress is not converted', () => {
    const input = joinDocuments(
      one({ timestamp: '2024-01-01T00:00:00Z', rules: [hostPath('a.test', '/a', 'one:80')] }, 'old'),
      one({ timestamp: '2025-01-01T00:00:00Z', rules: [{ host: 'a.test', paths: [{ path: '/a', backend: 'two:80' }, { path: '/b', backend: 'two:80' }] }] }, 'new'),
    )
    const out = convert(input)
    expect(route(out, 'new').spec.rules).toEqual([{ matches: [{ path: { type: 'PathPrefix', value: '/b' } }], backendRefs: [{ name: 'two', port: 80 }] }])
    expect(out.findings.map((f) => [f.code, f.ingress.name])).toEqual([['path-shadowed', 'new']])
    expectValid(input, out)
  })

  it('a path on a host ingress-nginx renders as regex: no path-type finding here (the annotation mapping reports the host)', () => {
    const input = joinDocuments(
      one({ annotations: nginx({ 'use-regex': 'true' }), rules: [hostPath('a.test', '/x/.*', 'one:80')] }, 'regex'),
      one({ rules: [hostPath('a.test', '/a', 'two:80')] }, 'plain'),
    )
    const out = convert(input)
    expect(out.findings.filter((f) => f.ingress.name === 'plain').map((f) => f.code)).toEqual([])
  })

  it('a resource backend is left out as ingress-nginx leaves it out', () => {
    const input = one({ rules: [{ host: 'a.test', paths: [{ path: '/a', backend: 'resource:Bucket/b' }, { path: '/b', backend: 'svc:80' }] }] })
    const out = convert(input)
    expect((route(out, 'web').spec.rules as unknown[]).length).toBe(1)
    expect(codes(out)).toEqual(['resource-backend'])
  })
})

function hostPath(host: string, path: string, backend: string): { host: string; paths: { path: string; backend: string }[] } {
  return { host, paths: [{ path, backend }] }
}

describe('default backends', () => {
  it('an Ingress with rules: a catch-all rule last on the hosts it created', () => {
    const input = one({ defaultBackend: 'fallback:80', rules: [hostPath('a.test', '/a', 'svc:80')] })
    const out = convert(input)
    expect(route(out, 'web').spec.rules).toEqual([
      { matches: [{ path: { type: 'PathPrefix', value: '/a' } }], backendRefs: [{ name: 'svc', port: 80 }] },
      { matches: [{ path: { type: 'PathPrefix', value: '/' } }], backendRefs: [{ name: 'fallback', port: 80 }] },
    ])
    expect(out.text).toContain("# spec.defaultBackend: ingress-nginx sends this host's requests that match no path here")
    expectValid(input, out)
  })

  it('a user path / replaces the default backend, as in ingress-nginx', () => {
    const input = one({ defaultBackend: 'fallback:80', rules: [hostPath('a.test', '/', 'svc:80')] })
    const out = convert(input)
    expect(route(out, 'web').spec.rules).toEqual([{ matches: [{ path: { type: 'PathPrefix', value: '/' } }], backendRefs: [{ name: 'svc', port: 80 }] }])
    expect(codes(out)).toEqual(['default-backend-unused'])
  })

  it('an Ingress with only a defaultBackend: a route without hostnames, and the fall-through is reported', () => {
    const input = joinDocuments(one({ defaultBackend: 'fallback:80' }, 'catch'), one({ rules: [hostPath('a.test', '/a', 'svc:80')] }))
    const out = convert(input)
    const catchAll = route(out, 'catch')
    expect(catchAll.spec.hostnames).toBeUndefined()
    expect(catchAll.spec.rules).toEqual([{ matches: [{ path: { type: 'PathPrefix', value: '/' } }], backendRefs: [{ name: 'fallback', port: 80 }] }])
    expect(out.findings.map((f) => [f.code, f.ingress.name])).toEqual([['catch-all-route', 'catch']])
    expectValid(input, out)
  })

  it('a second Ingress on a host another created: its defaultBackend is unused there', () => {
    const input = joinDocuments(
      one({ timestamp: '2024-01-01T00:00:00Z', rules: [hostPath('a.test', '/a', 'one:80')] }, 'first'),
      one({ timestamp: '2025-01-01T00:00:00Z', defaultBackend: 'fallback:80', rules: [hostPath('a.test', '/b', 'two:80')] }, 'second'),
    )
    const out = convert(input)
    expect((route(out, 'second').spec.rules as unknown[]).length).toBe(1)
    expect(codes(out)).toEqual(['default-backend-unused'])
  })
})

describe('hosts and namespaces', () => {
  it('one route per host, named after the Ingress and the host; rules without host get no hostnames', () => {
    const input = one({ rules: [hostPath('a.test', '/a', 'a:80'), hostPath('*.b.test', '/b', 'b:80'), hostPath('', '/c', 'c:80'), hostPath('a.test', '/d', 'd:80')] })
    const out = convert(input)
    expect(routes(out).map((doc) => [doc.metadata.name, doc.spec.hostnames])).toEqual([
      ['web-a.test', ['a.test']],
      ['web-wildcard.b.test', ['*.b.test']],
      ['web-catch-all', undefined],
    ])
    expect((route(out, 'web-a.test').spec.rules as unknown[]).length).toBe(2)
    expect(codes(out).sort()).toEqual(['catch-all-route', 'wildcard-host-depth'])
    expectValid(input, out)
  })

  it('a host under another route\'s wildcard, whose root is the controller\'s 404: its unmatched requests fall through', () => {
    const input = one({ rules: [hostPath('*.w.test', '/', 'a:80'), { host: 'x.w.test', paths: [{ path: '/x', type: 'Exact', backend: 'b:80' }] }] })
    expect(convert(input).findings.map((f) => [f.code, f.text.params.host])).toEqual([['wildcard-host-depth', '*.w.test'], ['host-falls-through', 'x.w.test']])
    const own = one({ defaultBackend: 'fb:80', rules: [hostPath('*.w.test', '/', 'a:80'), hostPath('x.w.test', '/x', 'b:80')] })
    expect(codes(convert(own))).toEqual(['wildcard-host-depth'])
  })

  it('routes stay in their Ingress namespaces; the Gateway in default admits them all; the Secret gets a ReferenceGrant', () => {
    const input = joinDocuments(
      one({ namespace: 'shop', tls: [{ hosts: ['shop.test'], secretName: 'shop-tls' }], rules: [hostPath('shop.test', '/', 'shop:80')] }, 'shop'),
      one({ namespace: 'blog', rules: [hostPath('blog.test', '/', 'blog:80')] }, 'blog'),
    )
    const out = convert(input)
    expect(out.gateway).toBe('default/ingress-nginx')
    const listeners = gateway(out).spec.listeners as Record<string, unknown>[]
    expect(listeners).toEqual([
      { name: 'http', port: 80, protocol: 'HTTP', allowedRoutes: { namespaces: { from: 'All' } } },
      {
        name: 'https-shop.test', hostname: 'shop.test', port: 443, protocol: 'HTTPS',
        tls: { mode: 'Terminate', certificateRefs: [{ kind: 'Secret', name: 'shop-tls', namespace: 'shop' }] },
        allowedRoutes: { namespaces: { from: 'All' } },
      },
    ])
    const grant = docs(out).find((doc) => doc.kind === 'ReferenceGrant') as Doc
    expect(grant.metadata).toEqual({ name: 'ingress-nginx-certificates', namespace: 'shop' })
    expect(grant.spec).toEqual({ from: [{ group: 'gateway.networking.k8s.io', kind: 'Gateway', namespace: 'default' }], to: [{ group: '', kind: 'Secret', name: 'shop-tls' }] })
    expect(route(out, 'blog').metadata.namespace).toBe('blog')
    expect((route(out, 'blog').spec.parentRefs as unknown[])[0]).toEqual({ name: 'ingress-nginx', namespace: 'default', sectionName: 'http' })
    expectValid(joinDocuments(input, tlsSecret('shop-tls', 'shop')), out)
  })

  it("one namespace: the Gateway is written there, routes from Same; --gateway names another", () => {
    const input = one({ namespace: 'shop', rules: [hostPath('shop.test', '/', 'shop:80')] })
    const out = convert(input)
    expect(out.gateway).toBe('shop/ingress-nginx')
    expect((gateway(out).spec.listeners as unknown[])[0]).toEqual({ name: 'http', port: 80, protocol: 'HTTP' })
    const named = convert(input, { gateway: 'edge/public', gatewayClass: 'envoy' })
    expect(gateway(named).metadata).toEqual({ name: 'public', namespace: 'edge' })
    expect(gateway(named).spec.gatewayClassName).toBe('envoy')
    expectValid(input, named)
  })

  it('an Ingress ingress-nginx does not serve is not converted, and says why', () => {
    const input = joinDocuments(ingressClassYaml('other', 'example.com/other'), one({ className: 'other', rules: [hostPath('a.test', '/', 'a:80')] }))
    const out = convert(input)
    expect(routes(out)).toEqual([])
    expect(out.findings.map((f) => [f.code, f.text.id])).toEqual([['ingress-not-served', 'mg-ingress-not-served']])
  })
})

describe('TLS listeners', () => {
  it('one HTTPS listener per TLS host, wildcards too; a route attaches to the most specific one', () => {
    const input = one({
      tls: [{ hosts: ['a.test', '*.b.test'], secretName: 'certs' }],
      annotations: nginx({ 'ssl-redirect': 'false' }),
      rules: [hostPath('a.test', '/', 'a:80'), hostPath('x.b.test', '/', 'b:80'), hostPath('*.b.test', '/', 'c:80')],
    })
    const out = convert(input)
    expect((gateway(out).spec.listeners as { name: string; hostname?: string }[]).map((l) => [l.name, l.hostname])).toEqual([
      ['http', undefined], ['https-a.test', 'a.test'], ['https-wildcard.b.test', '*.b.test'],
    ])
    expect(routes(out).map((doc) => [doc.metadata.name, (doc.spec.parentRefs as { sectionName: string }[]).map((ref) => ref.sectionName)])).toEqual([
      ['web-a.test', ['http', 'https-a.test']],
      ['web-x.b.test', ['http', 'https-wildcard.b.test']],
      ['web-wildcard.b.test', ['http', 'https-wildcard.b.test']],
    ])
    expectValid(joinDocuments(input, tlsSecret('certs')), out)
  })

  it('a TLS entry without secretName and a second Secret for a host are reported; the first Ingress keeps its Secret', () => {
    const input = joinDocuments(
      one({ timestamp: '2024-01-01T00:00:00Z', tls: [{ hosts: ['a.test'], secretName: 'first' }], rules: [hostPath('a.test', '/a', 'a:80')] }, 'first'),
      one({ timestamp: '2025-01-01T00:00:00Z', tls: [{ hosts: ['a.test'], secretName: 'second' }], rules: [hostPath('a.test', '/b', 'b:80')] }, 'second'),
      one({ tls: [{ hosts: ['c.test'] }], rules: [hostPath('c.test', '/', 'c:80')] }, 'third'),
    )
    const out = convert(input)
    const listeners = gateway(out).spec.listeners as { name: string; tls?: { certificateRefs: { name: string }[] } }[]
    expect(listeners.map((l) => [l.name, l.tls?.certificateRefs[0]?.name])).toEqual([['http', undefined], ['https-a.test', 'first']])
    expect(out.findings.map((f) => [f.code, f.ingress.name]).sort()).toEqual([
      ['https-listener-missing', 'third'],
      ['https-redirect-trailing-slash', 'first'],
      ['https-redirect-trailing-slash', 'second'],
      ['tls-secret-conflict', 'second'],
      ['tls-without-secret', 'third'],
    ])
  })
})

it('a Gateway holds 64 listeners: TLS hosts past the 63rd get none, reported', () => {
  const hosts = Array.from({ length: 65 }, (_, i) => `h${i}.test`)
  const input = one({ annotations: nginx({ 'ssl-redirect': 'false' }), tls: [{ hosts, secretName: 'certs' }], rules: hosts.map((host) => hostPath(host, '/', 'svc:80')) })
  const out = convert(input)
  expect((gateway(out).spec.listeners as unknown[]).length).toBe(64)
  expect(out.findings.filter((f) => f.code === 'gateway-listener-limit').map((f) => f.text.params.host)).toEqual(['h63.test', 'h64.test'])
  expect(codes(out).filter((code) => code === 'https-listener-missing')).toEqual([])
  expectValid(joinDocuments(input, tlsSecret('certs')), out)
})

describe('ssl-redirect', () => {
  const tlsIngress = (annotations: Record<string, string> = {}): string =>
    one({ annotations: nginx(annotations), tls: [{ hosts: ['a.test'], secretName: 'certs' }], rules: [{ host: 'a.test', paths: [{ path: '/a', type: 'Exact', backend: 'a:80' }, { path: '/', backend: 'b:80' }] }] })

  it('a TLS host: the route on HTTPS, a redirect route on http with the ConfigMap code and the same matches', () => {
    const input = joinDocuments(tlsIngress(), configMapYaml('ingress-nginx-controller', { 'http-redirect-code': '301' }, 'ingress-nginx'))
    const out = convert(input)
    expect((route(out, 'web').spec.parentRefs as unknown[])).toEqual([{ name: 'ingress-nginx', sectionName: 'https-a.test' }])
    const redirect = route(out, 'web-https-redirect')
    expect(redirect.spec.parentRefs).toEqual([{ name: 'ingress-nginx', sectionName: 'http' }])
    expect(redirect.spec.hostnames).toEqual(['a.test'])
    const filter = [{ type: 'RequestRedirect', requestRedirect: { scheme: 'https', statusCode: 301 } }]
    expect(redirect.spec.rules).toEqual([
      { matches: [{ path: { type: 'Exact', value: '/a' } }], filters: filter },
      { matches: [{ path: { type: 'PathPrefix', value: '/' } }], filters: filter },
    ])
    expect(codes(out)).toEqual(['https-redirect-trailing-slash'])
    expectValid(joinDocuments(input, tlsSecret('certs')), out)
  })

  it("every other path of the host redirects too: the host's root location carries the creating Ingress's annotations", () => {
    const input = one({ tls: [{ hosts: ['a.test'], secretName: 'certs' }], rules: [hostPath('a.test', '/a', 'a:80')] })
    const out = convert(input)
    const rules = route(out, 'web-https-redirect').spec.rules as { matches: { path: unknown }[] }[]
    expect(rules.map((rule) => rule.matches[0]?.path)).toEqual([{ type: 'PathPrefix', value: '/a' }, { type: 'PathPrefix', value: '/' }])
    expectValid(joinDocuments(input, tlsSecret('certs')), out)
  })

  it('the default code is 308; preserve-trailing-slash leaves nothing to report', () => {
    const out = convert(tlsIngress({ 'preserve-trailing-slash': 'true' }))
    expect(out.text).toContain('statusCode: 308')
    expect(codes(out)).toEqual([])
  })

  it('ssl-redirect false: one route on both listeners', () => {
    const out = convert(tlsIngress({ 'ssl-redirect': 'false' }))
    expect(routes(out).map((doc) => doc.metadata.name)).toEqual(['web'])
    expect(route(out, 'web').spec.parentRefs).toEqual([{ name: 'ingress-nginx', sectionName: 'http' }, { name: 'ingress-nginx', sectionName: 'https-a.test' }])
  })

  it('force-ssl-redirect without TLS: no HTTPS listener to redirect to, reported', () => {
    const out = convert(one({ annotations: nginx({ 'force-ssl-redirect': 'true' }), rules: [hostPath('a.test', '/', 'a:80')] }))
    expect(routes(out).map((doc) => doc.metadata.name)).toEqual(['web'])
    expect(codes(out)).toEqual(['https-listener-missing'])
  })

  it('ssl-redirect reaches another Ingress on a TLS host (D8)', () => {
    const input = joinDocuments(tlsIngress(), one({ rules: [hostPath('a.test', '/other', 'o:80')] }, 'other'))
    const out = convert(input)
    expect(routes(out).map((doc) => doc.metadata.name)).toEqual(['web', 'web-https-redirect', 'other', 'other-https-redirect'])
  })
})

describe('an existing Gateway', () => {
  const existing = `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata:
  name: edge
  namespace: infra
spec:
  gatewayClassName: nginx
  listeners:
  - name: web
    port: 80
    protocol: HTTP
    allowedRoutes:
      namespaces:
        from: All
`

  it('routes attach to its listeners by protocol and hostname; nothing is written for it; what it lacks is reported', () => {
    const input = joinDocuments(existing, one({ tls: [{ hosts: ['a.test'], secretName: 'certs' }], rules: [hostPath('a.test', '/', 'a:80')] }))
    const out = convert(input, { gateway: 'infra/edge' })
    expect(gateway(out)).toBeUndefined()
    expect(out.gateway).toBe('infra/edge')
    expect(route(out, 'web').spec.parentRefs).toEqual([{ name: 'edge', namespace: 'infra', sectionName: 'web' }])
    expect(codes(out)).toEqual(['gateway-listener-missing'])
    expectValid(input, out)
  })
})

describe('an existing Gateway with HTTPS', () => {
  it('the https redirect split uses its listeners by name', () => {
    const gatewayYaml = `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata:
  name: edge
spec:
  gatewayClassName: nginx
  listeners:
  - name: plain
    port: 80
    protocol: HTTP
  - name: secure-wild
    hostname: "*.test"
    port: 443
    protocol: HTTPS
    tls:
      certificateRefs:
      - name: certs
  - name: secure-a
    hostname: a.test
    port: 443
    protocol: HTTPS
    tls:
      certificateRefs:
      - name: certs
`
    const input = joinDocuments(gatewayYaml, tlsSecret('certs'), one({ tls: [{ hosts: ['a.test'], secretName: 'certs' }], rules: [hostPath('a.test', '/', 'a:80')] }))
    const out = convert(input, { gateway: 'default/edge' })
    expect(route(out, 'web').spec.parentRefs).toEqual([{ name: 'edge', sectionName: 'secure-a' }])
    expect(route(out, 'web-https-redirect').spec.parentRefs).toEqual([{ name: 'edge', sectionName: 'plain' }])
    expect(codes(out)).toEqual(['https-redirect-trailing-slash'])
    expectValid(input, out)
  })
})

describe('canaries', () => {
  it('a canary gets no route of its own; its policy is handed to the path it merges into', () => {
    const seen: PathAnnotationInput[] = []
    const spy: AnnotationMapping = { ...identity, mapPath: (input) => (seen.push(input), identity.mapPath(input)) }
    const input = joinDocuments(
      one({ rules: [hostPath('a.test', '/', 'stable:80')] }),
      one({ annotations: nginx({ canary: 'true', 'canary-weight': '20' }), rules: [hostPath('a.test', '/', 'next:80')] }, 'web-canary'),
    )
    const out = convert(input, {}, spy)
    expect(routes(out).map((doc) => doc.metadata.name)).toEqual(['web'])
    expect(seen.map((s) => s.canaries.map((c) => [c.ingress.meta.name, c.policy.weight, c.backend]))).toEqual([[['web-canary', 20, { name: 'next', port: 80 }]]])
  })

  it('a canary matching no primary path is reported', () => {
    const input = joinDocuments(
      one({ rules: [hostPath('a.test', '/', 'stable:80')] }),
      one({ annotations: nginx({ canary: 'true' }), rules: [hostPath('a.test', '/other', 'next:80')] }, 'web-canary'),
    )
    expect(codes(convert(input))).toEqual(['canary-not-merged'])
  })
})

describe('options', () => {
  it.each([
    [{ gateway: 'no-slash' }, 'mg-option-gateway-shape'],
    [{ gateway: 'a/b/c' }, 'mg-option-gateway-shape'],
    [{ gateway: 'Bad/name' }, 'mg-option-gateway-name'],
    [{ gateway: 'ns/' }, 'mg-option-gateway-name'],
    [{ gatewayClass: 'No Class' }, 'mg-option-gateway-class'],
  ])('%j is a problem', (options, id) => {
    const out = convertWithMapping([{ name: 'in.yaml', text: one({ rules: [hostPath('a.test', '/', 'a:80')] }) }], options, identity)
    expect('problem' in out && out.problem.id).toBe(id)
  })
})

describe('output', () => {
  const input = joinDocuments(
    `# the shop's front door\n${one({ namespace: 'shop', tls: [{ hosts: ['shop.test'], secretName: 'certs' }], rules: [{ host: 'shop.test', paths: [{ path: '/a', backend: 'a:80' }, { path: '/b', type: 'Exact', backend: 'b:80' }] }] }, 'front')}`,
    one({ namespace: 'blog', defaultBackend: 'blog:80', rules: [hostPath('blog.test', '/posts', 'posts:80'), hostPath('news.test', '/', 'news:80')] }, 'blog'),
  ).replace('      - path: /b', '      # the Exact one\n      - path: /b')

  it('carries the Ingress comment and each path comment; header names the Ingress; kubectl key order', () => {
    const out = convert(input)
    expect(out.text).toContain("# Converted by Ingress Studio from Ingress shop/front\n# the shop's front door\napiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata:\n")
    expect(out.text).toContain('  # the Exact one\n  - matches:\n    - path:\n        type: Exact\n        value: /b\n')
    expect(out.text.split('---\n').every((doc) => /^(#.*\n)*apiVersion: .*\nkind: .*\nmetadata:\n[\s\S]*\nspec:\n/.test(doc))).toBe(true)
  })

  it('is stable: the same input twice, and the input plus its conversion again (the Gateway then in the input)', () => {
    const first = convert(input)
    expect(convert(input).text).toBe(first.text)
    const again = convert(joinDocuments(input, first.text), { gateway: first.gateway })
    expect(routes(again)).toEqual(routes(first))
    expect(again.objects.map((o) => o.kind)).not.toContain('Gateway')
  })

  it('an Ingress inside a kind: List keeps its comment and its path comments', () => {
    const list = `apiVersion: v1
kind: List
items:
# the listed one
- apiVersion: networking.k8s.io/v1
  kind: Ingress
  metadata:
    name: listed
  spec:
    rules:
    - host: l.test
      http:
        paths:
        # first path
        - path: /a
          pathType: Prefix
          backend:
            service:
              name: svc
              port:
                number: 80
`
    const out = convert(list)
    expect(out.text).toContain('# Converted by Ingress Studio from Ingress default/listed\n# the listed one\napiVersion:')
    expect(out.text).toContain('  # first path\n  - matches:')
  })

  it('the objects list names each written object and its Ingresses', () => {
    const out = convert(input)
    expect(out.objects.map((o) => `${o.kind} ${o.namespace}/${o.name} <- ${o.from.map((f) => f.name).join(',')}`)).toEqual([
      'Gateway default/ingress-nginx <- front',
      'ReferenceGrant shop/ingress-nginx-certificates <- ',
      'HTTPRoute shop/front <- front',
      'HTTPRoute shop/front-https-redirect <- front',
      'HTTPRoute blog/blog-blog.test <- blog',
      'HTTPRoute blog/blog-news.test <- blog',
    ])
  })
})
