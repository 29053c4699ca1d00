/**
 * Properties of every conversion, on generated Ingress sets (hosts, wildcards, rules without host, Exact and
 * Prefix paths, default backends, TLS with Secrets, two namespaces, ssl-redirect on and off): the output is valid
 * next to its input (no model-stage error; every route Accepted and ResolvedRefs on each parent) and stable (the
 * same bytes twice; the input plus its conversion, the Gateway then named, gives the same routes).
 */
import fc from 'fast-check'
import { expect, it } from 'vitest'
import { parseAllDocuments } from 'yaml'
import { analyze } from '../../analyze'
import { isRejectedInput } from '../../diagnostics'
import { compileGateways } from '../../gateway/compile-gateways'
import { SEED_MANIFEST } from '../../../presets/seed'
import { ingressYaml, joinDocuments, nginx, secretYaml, type IngressSpec } from '../../testing/manifests'
import { convertToGatewayApi } from './convert-to-gateway'
import type { GatewayConversion } from './types'

const seedData = (key: string): string => new RegExp(`${key.replace('.', '\\.')}: (\\S+)`).exec(SEED_MANIFEST)?.[1] as string
const tlsSecret = (name: string, namespace: string): string =>
  secretYaml(name, { namespace, type: 'kubernetes.io/tls', data: { 'tls.crt': seedData('tls.crt'), 'tls.key': seedData('tls.key') } })

const host = fc.constantFrom('a.test', 'b.test', '*.w.test', 'x.w.test', '')
const path = fc.record({ path: fc.constantFrom('/', '/a', '/a/b', '/b', '/a/'), type: fc.constantFrom('Exact' as const, 'Prefix' as const), backend: fc.constantFrom('s1:80', 's2:8080') })
const ingress = fc.record({
  namespace: fc.constantFrom('default', 'shop'),
  rules: fc.array(fc.record({ host, paths: fc.array(path, { minLength: 1, maxLength: 3 }) }), { minLength: 0, maxLength: 3 }),
  defaultBackend: fc.option(fc.constant('fallback:80'), { nil: undefined }),
  tls: fc.option(fc.subarray(['a.test', '*.w.test', 'b.test'], { minLength: 1 }), { nil: undefined }),
  sslRedirect: fc.boolean(),
})

type Spec = typeof ingress extends fc.Arbitrary<infer T> ? T : never

function manifest(specs: readonly Spec[]): string {
  const docs: string[] = []
  const secrets = new Set<string>()
  specs.forEach((spec, i) => {
    const rules = spec.rules.length === 0 && !spec.defaultBackend ? [{ host: 'a.test', paths: [{ path: '/', type: 'Prefix' as const, backend: 's1:80' }] }] : spec.rules
    const hosts = new Set(rules.map((rule) => rule.host))
    const tlsHosts = (spec.tls ?? []).filter((name) => hosts.has(name))
    const written: IngressSpec = {
      namespace: spec.namespace,
      timestamp: `2024-01-0${(i % 9) + 1}T00:00:00Z`,
      annotations: nginx({ 'ssl-redirect': String(spec.sslRedirect) }),
      rules,
      ...(spec.defaultBackend ? { defaultBackend: spec.defaultBackend } : {}),
      ...(tlsHosts.length > 0 ? { tls: [{ hosts: tlsHosts, secretName: `tls-${i}` }] } : {}),
    }
    if (tlsHosts.length > 0) secrets.add(tlsSecret(`tls-${i}`, spec.namespace))
    docs.push(ingressYaml(`web-${i}`, written))
  })
  return joinDocuments(...docs, ...secrets)
}

const routesOf = (out: GatewayConversion): unknown[] => parseAllDocuments(out.text).map((doc) => doc.toJS() as { kind: string }).filter((doc) => doc.kind === 'HTTPRoute')

it('every conversion is valid next to its input and stable', () => {
  fc.assert(fc.property(fc.array(ingress, { minLength: 1, maxLength: 4 }), (specs) => {
    const input = manifest(specs)
    const out = convertToGatewayApi([{ name: 'in.yaml', text: input }])
    if ('problem' in out) throw new Error('no options, no problem')
    const analysis = analyze([{ name: 'in.yaml', text: input }, { name: 'out.yaml', text: out.text }], { checks: false })
    expect(analysis.diagnostics.filter(isRejectedInput).map((d) => `${d.file}:${d.start.line} ${d.message}`)).toEqual([])
    for (const route of compileGateways(analysis.model).routes) {
      expect(route.parents.length).toBeGreaterThan(0)
      for (const parent of route.parents) {
        const bad = parent.conditions.filter((c) => (c.type === 'Accepted' || c.type === 'ResolvedRefs') && c.status !== 'True')
        expect(bad.map((c) => `${route.ref.key} ${c.type} ${c.reason}`)).toEqual([])
      }
    }
    const twice = convertToGatewayApi([{ name: 'in.yaml', text: input }])
    expect('text' in twice && twice.text).toBe(out.text)
    const again = convertToGatewayApi([{ name: 'in.yaml', text: input }, { name: 'out.yaml', text: out.text }], { gateway: out.gateway })
    expect('text' in again && routesOf(again)).toEqual(routesOf(out))
  }), { numRuns: 40, seed: 16 })
}, 120_000)
