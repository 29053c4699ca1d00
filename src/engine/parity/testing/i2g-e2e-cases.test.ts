/**
 * The official converter's end-to-end expectations (i2g-e2e-cases.ts) through the studio: each request through
 * the ingress-nginx router on the Ingresses, and through the Gateway API router on their conversion
 * (`convertToGatewayApi`), must answer as upstream asserts its real ingress-nginx and its converted Gateway did,
 * except where a case names a deviation of the studio and why.
 */
import { describe, expect, it } from 'vitest'
import { analyze, compileGateways, compileRoutes, convertToGatewayApi, createRandom, gatewayRequestOf, routeGatewayRequest, routeRequest } from '../..'
import type { RouteRequest } from '../..'
import { I2G_E2E_CASES, type ExpectedAnswer, type UpstreamCase, type UpstreamRequest } from './i2g-e2e-cases'

/** What the studio answered, in the fields a verifier can check. */
interface Observed {
  readonly status: number
  readonly service: string | null
  readonly location: string | null
  readonly upstreamPath: string | null
  readonly upstreamHeaders: Readonly<Record<string, string>> | null
}

type Router = (request: RouteRequest, random: { next(): number }) => Observed

function ingressNginxRouter(testCase: UpstreamCase): Router {
  const compiled = compileRoutes(analyze([{ name: 'case.yaml', text: testCase.manifest }]).model)
  return (request, random) => {
    const r = routeRequest(compiled, request, { random, trace: false })
    // The path the app receives: the rewrite's, else the request's own path (query excluded).
    const asSent = r.upstream === null ? null : new URL(request.url).pathname
    // The headers the annotations add to the proxied request (x-forwarded-prefix), as the route stage reports them.
    return { status: r.status, service: r.service, location: r.location, upstreamPath: r.rewrittenPath ?? asSent, upstreamHeaders: r.upstreamHeaders ?? null }
  }
}

function gatewayApiRouter(testCase: UpstreamCase): Router {
  const files = [{ name: 'case.yaml', text: testCase.manifest }]
  const conversion = convertToGatewayApi(files)
  if ('problem' in conversion) throw new Error(`the conversion refused ${testCase.upstream}`)
  // The apps and Secrets the Ingresses refer to stay in the input, beside the converted objects.
  const model = analyze([...files, { name: 'converted.yaml', text: conversion.text }]).model
  const compiled = compileGateways(model)
  return (request, random) => {
    const r = routeGatewayRequest(compiled, conversion.gateway, gatewayRequestOf(request), { random, trace: false })
    const proxied = r.outcome === 'proxied'
    const upstreamHeaders = r.requestHeaders === null ? null : Object.fromEntries(Object.entries(r.requestHeaders))
    return { status: r.status, service: r.service, location: r.location, upstreamPath: proxied ? (r.rewrittenPath ?? new URL(request.url).pathname) : null, upstreamHeaders }
  }
}

/** The verifier's checks on one answer: each message names what failed. */
function mismatches(expected: ExpectedAnswer, observed: Observed): string[] {
  const out: string[] = []
  if (!expected.status.includes(observed.status)) out.push(`status ${observed.status}, expected one of ${expected.status.join(', ')}`)
  if (expected.service !== undefined && observed.service !== expected.service) out.push(`service ${observed.service}, expected ${expected.service}`)
  if (expected.location !== undefined && !(observed.location !== null && new RegExp(expected.location).test(observed.location))) out.push(`Location ${observed.location}, expected /${expected.location}/`)
  if (expected.upstreamPath !== undefined && observed.upstreamPath !== expected.upstreamPath) out.push(`upstream path ${observed.upstreamPath}, expected ${expected.upstreamPath}`)
  for (const [name, value] of Object.entries(expected.upstreamHeaders ?? {})) {
    const received = Object.entries(observed.upstreamHeaders ?? {}).find(([key]) => key.toLowerCase() === name.toLowerCase())?.[1]
    if (received !== value) out.push(`upstream header ${name}: ${received ?? '(absent)'}, expected ${value}`)
  }
  return out
}

function expectedFor(request: UpstreamRequest, router: 'ingress-nginx' | 'gateway-api'): ExpectedAnswer {
  return request.deviations?.find((d) => d.router === router)?.answer ?? request.expected
}

/** One request (or a CanaryVerifier's runs) through `route`: what fails of the expected answer. */
function verify(route: Router, request: UpstreamRequest, expected: ExpectedAnswer): string[] {
  const routeRequest: RouteRequest = { url: request.url, ...(request.headers ? { headers: request.headers } : {}) }
  if (!request.share) return mismatches(expected, route(routeRequest, createRandom(1)))
  const random = createRandom(16)
  let hits = 0
  for (let i = 0; i < request.share.runs; i++) if (mismatches(expected, route(routeRequest, random)).length === 0) hits++
  const share = hits / request.share.runs
  return share > request.share.min && share < request.share.max ? [] : [`share ${share}, expected strictly between ${request.share.min} and ${request.share.max}`]
}

/** `make` per case, made once, when a test first needs it. */
function once(make: (testCase: UpstreamCase) => Router): (testCase: UpstreamCase) => Router {
  const made = new Map<UpstreamCase, Router>()
  return (testCase) => made.get(testCase) ?? made.set(testCase, make(testCase)).get(testCase)!
}

const rows = I2G_E2E_CASES.flatMap((testCase) => testCase.requests.map((request) => ({ testCase, request, name: `${testCase.upstream}: ${request.verifier}` })))

describe('ingress2gateway e2e expectations, ingress-nginx side', () => {
  const router = once(ingressNginxRouter)
  it.each(rows)('$name', ({ testCase, request }) => {
    expect(verify(router(testCase), request, expectedFor(request, 'ingress-nginx'))).toEqual([])
  })
})

describe('ingress2gateway e2e expectations, Gateway API side (the studio\'s conversion)', () => {
  const router = once(gatewayApiRouter)
  it.each(rows)('$name', ({ testCase, request }) => {
    expect(verify(router(testCase), request, expectedFor(request, 'gateway-api'))).toEqual([])
  })
})

/** The routes upstream's converter writes, where a deviation names them: through the studio's Gateway router. */
function upstreamRoutesRouter(testCase: UpstreamCase, routes: string): Router {
  const model = analyze([{ name: 'case.yaml', text: testCase.manifest }, { name: 'ingress2gateway.yaml', text: routes }]).model
  const compiled = compileGateways(model)
  const [gateway] = compiled.gateways.map((g) => g.ref.key)
  if (!gateway || compiled.gateways.length !== 1) throw new Error('the upstream routes have one Gateway')
  return (request, random) => {
    const r = routeGatewayRequest(compiled, gateway, gatewayRequestOf(request), { random, trace: false })
    return { status: r.status, service: r.service, location: r.location, upstreamPath: r.rewrittenPath, upstreamHeaders: r.requestHeaders }
  }
}

const upstreamRouted = rows.flatMap((row) => (row.request.deviations ?? []).flatMap((d) => (d.upstreamRoutes ? [{ ...row, routes: d.upstreamRoutes }] : [])))

describe('where the studio\'s conversion differs by choice, upstream\'s own routes answer as upstream expects', () => {
  it.each(upstreamRouted)('$name', ({ testCase, request, routes }) => {
    expect(verify(upstreamRoutesRouter(testCase, routes), request, request.expected)).toEqual([])
  })
})

const reportedDeviations = rows.flatMap((row) => (row.request.deviations ?? []).flatMap((d) => (d.reportedAs ? [{ ...row, reportedAs: d.reportedAs }] : [])))

describe('where the studio\'s conversion answers otherwise, its findings say so', () => {
  it.each(reportedDeviations)('$name', ({ testCase, reportedAs }) => {
    const conversion = convertToGatewayApi([{ name: 'case.yaml', text: testCase.manifest }])
    if ('problem' in conversion) throw new Error(`the conversion refused ${testCase.upstream}`)
    expect(conversion.findings.map((f) => ({ code: f.code, ingress: f.ingress.name }))).toContainEqual(reportedAs)
  })
})

describe('the cases themselves', () => {
  it('name each upstream subtest once, and every deviation says why', () => {
    expect(new Set(I2G_E2E_CASES.map((c) => c.upstream)).size).toBe(I2G_E2E_CASES.length)
    for (const { request } of rows) for (const d of request.deviations ?? []) expect(d.why.length).toBeGreaterThan(20)
    // A deviation of the Gateway API side is the conversion's doing: its findings must warn of it.
    for (const { request } of rows) for (const d of request.deviations ?? []) if (d.router === 'gateway-api') expect(d.reportedAs).toBeDefined()
  })
})
