/**
 * `convertToGatewayApi` end to end, with the real annotation mapping: the seed (whose `rewrite-target: /` is
 * ReplaceFullPath), the closed list of codes, and what every conversion must be — valid next to its input (no
 * model-stage error, every route Accepted and ResolvedRefs) and stable (same bytes twice; converting the input plus
 * its conversion gives the same routes).
 */
import { describe, expect, it } from 'vitest'
import { parseAllDocuments } from 'yaml'
import { analyze } from '../../analyze'
import { isRejectedInput } from '../../diagnostics'
import { compileGateways } from '../../gateway/compile-gateways'
import { formatMessage } from '../../messages/render'
import { SEED_MANIFEST } from '../../../presets/seed'
import { configMapYaml } from '../../testing/config-yaml'
import { ingressYaml, joinDocuments, nginx, serviceYaml } from '../../testing/manifests'
import { checkParity } from '../../parity/check-parity'
import { CONVERSION_CODES, convertToGatewayApi } from './convert-to-gateway'
import type { GatewayConversion, GatewayConversionOptions } from './types'

function convert(text: string, options: GatewayConversionOptions = {}): GatewayConversion {
  const out = convertToGatewayApi([{ name: 'in.yaml', text }], options)
  if ('problem' in out) throw new Error(formatMessage(out.problem))
  return out
}

type Doc = { kind: string; metadata: { name: string; namespace: string }; spec: { rules?: { matches: unknown[]; filters?: unknown[]; backendRefs?: unknown[] }[]; [key: string]: unknown } }
const routesOf = (out: GatewayConversion): Doc[] => parseAllDocuments(out.text).map((doc) => doc.toJS() as Doc).filter((doc) => doc.kind === 'HTTPRoute')

function expectValid(input: string, out: GatewayConversion): void {
  const analysis = analyze([{ name: 'in.yaml', text: input }, { name: 'out.yaml', text: out.text }], { checks: false })
  expect(analysis.diagnostics.filter(isRejectedInput).map((d) => `${d.file}:${d.start.line} ${d.code} ${d.message}`)).toEqual([])
  const written = new Set(out.objects.filter((object) => object.kind === 'HTTPRoute').map((object) => `${object.namespace}/${object.name}`))
  const compiled = compileGateways(analysis.model).routes.filter((route) => written.has(`${route.ref.namespace}/${route.ref.name}`))
  expect(compiled).toHaveLength(written.size)
  for (const route of compiled) {
    expect(route.parents.length).toBeGreaterThan(0)
    for (const parent of route.parents) {
      expect(parent.conditions.filter((c) => c.type === 'Accepted' || c.type === 'ResolvedRefs').map((c) => `${route.ref.key} ${c.type} ${c.status}`))
        .toEqual([`${route.ref.key} Accepted True`, `${route.ref.key} ResolvedRefs True`])
    }
  }
}

describe('the seed', () => {
  const out = convert(SEED_MANIFEST)

  it('converts test, ingress-ssl and websample-ing into a Gateway in default and their routes', () => {
    expect(out.gateway).toBe('default/ingress-nginx')
    expect(out.objects.map((o) => `${o.kind} ${o.name}`)).toEqual([
      'Gateway ingress-nginx',
      'HTTPRoute test-foo.bar.com',
      'HTTPRoute test-bar.foo.com',
      'HTTPRoute ingress-ssl',
      'HTTPRoute ingress-ssl-https-redirect',
      'HTTPRoute websample-ing',
    ])
    expectValid(SEED_MANIFEST, out)
  })

  it("rewrite-target: / on /foos1 becomes ReplaceFullPath / (nginx's rewrite replaces the whole URI)", () => {
    const foo = routesOf(out).find((doc) => doc.metadata.name === 'test-foo.bar.com') as Doc
    expect(foo.spec.rules?.[0]?.filters).toEqual([{ type: 'URLRewrite', urlRewrite: { path: { type: 'ReplaceFullPath', replaceFullPath: '/' } } }])
  })

  it('kube-book.com: HTTPS listener with the Secret, the route on it, the http redirect with 308', () => {
    expect(out.text).toContain('  - name: https-kube-book.com\n    hostname: kube-book.com\n    port: 443\n    protocol: HTTPS\n    tls:\n      mode: Terminate\n      certificateRefs:\n      - kind: Secret\n        name: kube-book-secret\n')
    const redirect = routesOf(out).find((doc) => doc.metadata.name === 'ingress-ssl-https-redirect') as Doc
    expect(redirect.spec.rules?.[0]?.filters).toEqual([{ type: 'RequestRedirect', requestRedirect: { scheme: 'https', statusCode: 308 } }])
  })

  it("carries the documents' comments", () => {
    expect(out.text).toContain('# Converted by Ingress Studio from Ingress default/test\n# Ingress basics: two hosts, path routing, rewrite-target\napiVersion:')
  })

  it('is stable, and converting the seed plus its conversion gives the same routes', () => {
    expect(convert(SEED_MANIFEST).text).toBe(out.text)
    const again = convert(`${SEED_MANIFEST}---\n${out.text}`, { gateway: out.gateway })
    expect(routesOf(again)).toEqual(routesOf(out))
    expect(again.objects.map((o) => o.kind)).not.toContain('Gateway')
  })

  it('every finding has a listed code and points into its Ingress', () => {
    expect(out.findings.length).toBeGreaterThan(0)
    for (const finding of out.findings) {
      expect(CONVERSION_CODES).toContain(finding.code)
      expect(finding.source.span.start).toBeGreaterThanOrEqual(0)
      expect(finding.source.span.end).toBeGreaterThan(finding.source.span.start)
    }
  })
})

it('CONVERSION_CODES is a closed list of distinct kebab-case codes', () => {
  expect(new Set(CONVERSION_CODES).size).toBe(CONVERSION_CODES.length)
  for (const code of CONVERSION_CODES) expect(code).toMatch(/^[a-z]+(-[a-z0-9]+)*$/)
})

it('a canary Ingress of another namespace: a weighted backendRef across namespaces and the ReferenceGrant that permits it', () => {
  const input = joinDocuments(
    ingressYaml('web', { namespace: 'shop', rules: [{ host: 'a.test', paths: [{ path: '/', backend: 'stable:80' }] }] }),
    ingressYaml('web-canary', { namespace: 'next', annotations: nginx({ canary: 'true', 'canary-weight': '30' }), rules: [{ host: 'a.test', paths: [{ path: '/', backend: 'next:80' }] }] }),
  )
  const out = convert(input)
  const grant = parseAllDocuments(out.text).map((doc) => doc.toJS() as Doc).find((doc) => doc.kind === 'ReferenceGrant') as Doc
  expect(grant.metadata).toEqual({ name: 'shop-routes-to-services', namespace: 'next' })
  expect(grant.spec).toEqual({ from: [{ group: 'gateway.networking.k8s.io', kind: 'HTTPRoute', namespace: 'shop' }], to: [{ group: '', kind: 'Service', name: 'next' }] })
  expect(routesOf(out)[0]?.spec.rules?.[0]?.backendRefs).toEqual([{ name: 'stable', port: 80, weight: 70 }, { name: 'next', namespace: 'next', port: 80, weight: 30 }])
  expectValid(input, out)
})

it("custom-headers reads its ConfigMap from the input: the route sets the headers the controller's ConfigMap allows", () => {
  const input = joinDocuments(
    ingressYaml('app', { annotations: nginx({ 'custom-headers': 'default/headers' }), rules: [{ host: 'h.test', paths: [{ path: '/p', backend: 'app:80' }] }] }),
    configMapYaml('headers', { 'X-Frame-Options': 'DENY' }, 'default'),
    configMapYaml('ingress-nginx-controller', { 'global-allowed-response-headers': 'X-Frame-Options' }),
  )
  const out = convert(input)
  expect(routesOf(out)[0]?.spec.rules?.[0]?.filters).toEqual([{ type: 'ResponseHeaderModifier', responseHeaderModifier: { set: [{ name: 'X-Frame-Options', value: 'DENY' }] } }])
  expect(out.findings.map((finding) => finding.code)).not.toContain('annotation-not-converted')
})

it('server-alias on an Ingress of two hosts: the alias goes to the route of the server nginx gives it (the first), and parity is clean', () => {
  const input = joinDocuments(
    serviceYaml('a'), serviceYaml('b'),
    ingressYaml('two', { annotations: nginx({ 'server-alias': 'x.test' }), rules: [{ host: 'a.test', paths: [{ path: '/', backend: 'a:80' }] }, { host: 'b.test', paths: [{ path: '/b', backend: 'b:80' }] }] }),
  )
  const out = convert(input)
  expect(routesOf(out).map((route) => `${route.metadata.name}: ${(route.spec.hostnames as string[]).join(' ')}`)).toEqual(['two-a.test: a.test x.test', 'two-b.test: b.test'])
  const report = checkParity([{ name: 'in.yaml', text: input }], null)
  if ('problem' in report) throw new Error(formatMessage(report.problem))
  expect(report.differences.map((difference) => difference.request.url)).toEqual([])
})

it('a canary by cookie merged into two paths is said once', () => {
  const paths = (backend: string) => [{ path: '/', backend }, { path: '/api', backend }]
  const input = joinDocuments(
    ingressYaml('web', { rules: [{ host: 'a.test', paths: paths('web:80') }] }),
    ingressYaml('web-canary', { annotations: nginx({ canary: 'true', 'canary-by-cookie': 'beta' }), rules: [{ host: 'a.test', paths: paths('next:80') }] }),
  )
  expect(convert(input).findings.map((finding) => `${finding.code} ${finding.annotation}`)).toEqual(['annotation-partly-converted nginx.ingress.kubernetes.io/canary-by-cookie'])
})
