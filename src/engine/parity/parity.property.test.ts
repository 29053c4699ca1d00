/**
 * Properties of the parity check (docs/migration.md#parity): (a) the conversion of a portable Ingress set —
 * hosts, Prefix and Exact paths without a trailing slash, TLS, a canary by weight or header, no annotation without
 * a Gateway API equivalent, no ImplementationSpecific, no use-regex — answers every generated request as
 * ingress-nginx does; (b) a difference planted by hand (in the Ingresses, or in the converted routes) is found by
 * the generated requests and named with its cause.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { formatMessage } from '../messages/render'
import { backendYaml, ingressYaml, joinDocuments, nginx, type PathSpec, type RuleSpec } from '../testing/manifests'
import { convertToGatewayApi } from '../migrate/gateway/convert-to-gateway'
import { checkParity } from './check-parity'
import type { ParityReport } from './types'

const SERVICES = ['web', 'api', 'shop']
const HOSTS = ['a.test', 'b.test', 'c.example.com']
const PATHS = ['/', '/foo', '/foo/bar', '/api', '/v1']

// `canary` and `planted` are never a drawn Ingress's backend: a canary Ingress needs an upstream of its own to be
// merged, and a planted path must reach a backend no other path reaches (else both sides answer alike).
const APPS = joinDocuments(...[...SERVICES, 'canary', 'planted'].map((name) => backendYaml(name)))

const pathArb: fc.Arbitrary<PathSpec> = fc.record({
  path: fc.constantFrom(...PATHS),
  type: fc.constantFrom('Prefix' as const, 'Exact' as const),
  backend: fc.constantFrom(...SERVICES).map((s) => `${s}:80`),
})

const ingressArb: fc.Arbitrary<PortableIngress> = fc.record({
  host: fc.constantFrom(...HOSTS),
  paths: fc.uniqueArray(pathArb, { minLength: 1, maxLength: 3, selector: (p) => p.path }),
  tls: fc.boolean(),
})

function describeReport(report: ParityReport): string {
  return report.differences.slice(0, 5).map((d) => `${d.request.url} ${JSON.stringify(d.request.headers)}: ${d.cause} — ${formatMessage(d.fix.text)}`).join('\n')
}

describe('the conversion of a portable Ingress set', () => {
  it('answers every generated request as ingress-nginx does', () => {
    fc.assert(fc.property(fc.array(ingressArb, { minLength: 1, maxLength: 4 }), fc.constantFrom('none', 'weight', 'header'), (ingresses, canaryKind) => {
      const documents = ingresses.map((ingress, index) => {
        const rule: RuleSpec = { host: ingress.host, paths: ingress.paths }
        // preserve-trailing-slash: ingress-nginx's https redirect then keeps the path as a RequestRedirect does.
        return ingressYaml(`ing-${index}`, {
          rules: [rule], annotations: nginx({ 'preserve-trailing-slash': 'true' }), ...(ingress.tls ? { tls: [[ingress.host]] } : {}), timestamp: `2024-01-01T00:00:0${index}Z`,
        })
      })
      // A canary (by weight or by header, both with a Gateway API equivalent) on the first Ingress's first path.
      const first = ingresses[0] as PortableIngress
      const firstPath = first.paths[0] as PathSpec
      const canary = canaryKind === 'none' ? [] : [ingressYaml('canary', {
        annotations: nginx({ canary: 'true', 'preserve-trailing-slash': 'true', ...(canaryKind === 'weight' ? { 'canary-weight': '30' } : { 'canary-by-header': 'X-Canary' }) }),
        rules: [{ host: first.host, paths: [{ ...firstPath, backend: 'canary:80' }] }],
      })]
      const report = checkParity([{ name: 'in.yaml', text: joinDocuments(APPS, ...documents, ...canary) }], null)
      if ('problem' in report) throw new Error(formatMessage(report.problem))
      expect(report.requests).toBeGreaterThan(0)
      expect(report.differences.length, describeReport(report)).toBe(0)
    }), { numRuns: 60 })
  }, 120_000)
})

/** A difference planted in the Ingresses (the Gateway side stays the conversion of the unplanted set) and the cause it must be found as. */
interface Plant {
  readonly cause: string
  readonly plant: (ingresses: PortableIngress[]) => string[]
}

type PortableIngress = { host: string; paths: PathSpec[]; tls: boolean }

function writeIngresses(ingresses: readonly PortableIngress[], extra: (index: number) => Record<string, string> = () => ({}), hostOf: (index: number) => string = (i) => (ingresses[i] as PortableIngress).host): string[] {
  return ingresses.map((ingress, index) => ingressYaml(`ing-${index}`, {
    rules: [{ host: hostOf(index), paths: ingress.paths }], annotations: nginx({ 'preserve-trailing-slash': 'true', ...extra(index) }),
    ...(ingress.tls ? { tls: [[hostOf(index)]] } : {}), timestamp: `2024-01-01T00:00:0${index}Z`,
  }))
}

/** The first Ingress with a path other than `/` gets it first (the plants below touch that path). */
function withPath(ingresses: PortableIngress[]): PortableIngress[] {
  const first = ingresses[0] as PortableIngress
  const paths = [{ path: '/foo', type: 'Prefix' as const, backend: 'planted:80' }, ...first.paths.filter((p) => p.path !== '/foo')]
  return [{ ...first, paths }, ...ingresses.slice(1)]
}

const PLANTS: readonly Plant[] = [
  // use-regex: the host's paths become case-insensitive character prefixes.
  { cause: 'prefix-boundary', plant: (s) => writeIngresses(s, (i): Record<string, string> => (i === 0 ? { 'use-regex': 'true' } : {})) },
  { cause: 'case-sensitivity', plant: (s) => writeIngresses(s, (i): Record<string, string> => (i === 0 ? { 'use-regex': 'true' } : {})) },
  { cause: 'path-type', plant: (s) => writeIngresses([{ ...(s[0] as PortableIngress), paths: [{ path: '/foo', type: 'Exact', backend: 'planted:80' }] }, ...s.slice(1)]) },
  { cause: 'trailing-slash', plant: (s) => writeIngresses([{ ...(s[0] as PortableIngress), paths: [{ path: '/foo/', type: 'Prefix', backend: 'planted:80' }] }, ...s.slice(1)]) },
  { cause: 'regex-semantics', plant: (s) => [...writeIngresses(s), ingressYaml('re', { annotations: nginx({ 'use-regex': 'true' }), rules: [{ host: (s[0] as PortableIngress).host, paths: [{ path: '/re/[0-9]+', type: 'ImplementationSpecific', backend: 'canary:80' }] }] })] },
  { cause: 'rewrite-target', plant: (s) => writeIngresses(s, (i): Record<string, string> => (i === 0 ? { 'rewrite-target': '/' } : {})) },
  { cause: 'backend-differs', plant: (s) => writeIngresses([{ ...(s[0] as PortableIngress), paths: (s[0] as PortableIngress).paths.map((p) => (p.path === '/foo' ? { ...p, backend: 'shop:80' } : p)) }, ...s.slice(1)]) },
  { cause: 'canary-header', plant: (s) => [...writeIngresses(s), ingressYaml('canary', { annotations: nginx({ canary: 'true', 'canary-by-header': 'X-Canary' }), rules: [{ host: (s[0] as PortableIngress).host, paths: [{ path: '/foo', backend: 'canary:80' }] }] })] },
  { cause: 'canary-cookie', plant: (s) => [...writeIngresses(s), ingressYaml('canary', { annotations: nginx({ canary: 'true', 'canary-by-cookie': 'beta' }), rules: [{ host: (s[0] as PortableIngress).host, paths: [{ path: '/foo', backend: 'canary:80' }] }] })] },
  { cause: 'canary-weight', plant: (s) => [...writeIngresses(s), ingressYaml('canary', { annotations: nginx({ canary: 'true', 'canary-weight': '25' }), rules: [{ host: (s[0] as PortableIngress).host, paths: [{ path: '/foo', backend: 'canary:80' }] }] })] },
  { cause: 'redirect-location', plant: (s) => writeIngresses(s, (i): Record<string, string> => (i === 0 ? { 'permanent-redirect': 'https://moved.test/' } : {})) },
  { cause: 'default-backend', plant: (s) => [...writeIngresses(s), ingressYaml('catch-all', { defaultBackend: 'shop:80' })] },
  { cause: 'host-not-served', plant: (s) => [...writeIngresses(s), ingressYaml('extra', { rules: [{ host: 'extra.test', paths: [{ path: '/', backend: 'shop:80' }] }] })] },
  { cause: 'wildcard-host', plant: (s) => writeIngresses(s, () => ({}), (i) => (i === 0 ? '*.wild.test' : (s[i] as PortableIngress).host)) },
  { cause: 'tls-listener', plant: (s) => writeIngresses(s.map((ingress, i) => (i === 0 ? { ...ingress, tls: true } : ingress)), (i): Record<string, string> => (i === 0 ? { 'ssl-redirect': 'false' } : {})) },
  { cause: 'ssl-redirect', plant: (s) => writeIngresses(s.map((ingress, i) => (i === 0 ? { ...ingress, tls: true } : ingress))) },
]

/** A difference planted by hand in the converted routes: the Ingresses (with `annotations` on the first) stay as they are. */
interface RoutePlant {
  readonly cause: string
  readonly annotations: Record<string, string>
  readonly edit: (converted: string) => string
}

const ROUTE_PLANTS: readonly RoutePlant[] = [
  { cause: 'redirect-status', annotations: { 'permanent-redirect': 'https://moved.test/' }, edit: (text) => text.replace(/statusCode: 301/g, 'statusCode: 302') },
  { cause: 'path-type', annotations: {}, edit: (text) => text.replace(/type: PathPrefix\n(\s+)value: \/foo\n/g, 'type: Exact\n$1value: /foo\n') },
  { cause: 'backend-differs', annotations: {}, edit: (text) => text.replace(/name: planted\n/g, 'name: shop\n') },
]

describe('a difference planted in a portable set', () => {
  it.each(PLANTS.map((p) => [p.cause, p] as const))('is found and named: %s', (cause, plant) => {
    fc.assert(fc.property(fc.array(ingressArb, { minLength: 1, maxLength: 3 }), (drawn) => {
      // The original: no TLS on the planted host's Ingress, so https and ssl-redirect plants have something to change.
      const original = withPath(drawn.map((ingress, i) => (i === 0 ? { ...ingress, host: 'planted.test', tls: false } : { ...ingress, host: ingress.host === 'planted.test' ? 'a.test' : ingress.host })))
      const conversion = checkAgainstConversion(original)
      const report = checkParity([{ name: 'planted.yaml', text: joinDocuments(APPS, ...plant.plant(original)) }], conversion.against, { gateway: conversion.gateway })
      if ('problem' in report) throw new Error(formatMessage(report.problem))
      expect(report.differences.map((d) => d.cause), `${cause}\n${describeReport(report)}`).toContain(cause)
    }), { numRuns: 8 })
  }, 60_000)
})

describe('a difference planted in the converted routes', () => {
  it.each(ROUTE_PLANTS.map((p) => [p.cause, p] as const))('is found and named: %s', (cause, plant) => {
    fc.assert(fc.property(fc.array(ingressArb, { minLength: 1, maxLength: 3 }), (drawn) => {
      const original = withPath(drawn.map((ingress, i) => (i === 0 ? { ...ingress, host: 'planted.test', tls: false } : { ...ingress, host: ingress.host === 'planted.test' ? 'a.test' : ingress.host })))
      const text = joinDocuments(APPS, ...writeIngresses(original, (i): Record<string, string> => (i === 0 ? plant.annotations : {})))
      const conversion = convertToGatewayApi([{ name: 'original.yaml', text }])
      if ('problem' in conversion) throw new Error(formatMessage(conversion.problem))
      const edited = plant.edit(conversion.text)
      expect(edited).not.toBe(conversion.text)
      const report = checkParity([{ name: 'original.yaml', text }], [{ name: 'edited.yaml', text: edited }], { gateway: conversion.gateway })
      if ('problem' in report) throw new Error(formatMessage(report.problem))
      expect(report.differences.map((d) => d.cause), `${cause}\n${describeReport(report)}`).toContain(cause)
    }), { numRuns: 8 })
  }, 60_000)
})

function checkAgainstConversion(ingresses: PortableIngress[]): { against: { name: string; text: string }[]; gateway: string } {
  const conversion = convertToGatewayApi([{ name: 'original.yaml', text: joinDocuments(APPS, ...writeIngresses(ingresses)) }])
  if ('problem' in conversion) throw new Error(formatMessage(conversion.problem))
  return { against: [{ name: 'converted.yaml', text: conversion.text }], gateway: conversion.gateway }
}
