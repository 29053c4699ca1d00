/**
 * What the migration preset's steps say, computed through the engine: the seed converted by
 * `convertToGatewayApi`, each step's request through both routers and through `checkParity`, and the rewrite's
 * counterfactual (the same route with ReplacePrefixMatch) through the Gateway API router.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { analyze, checkParity, compileGateways, compileRoutes, convertToGatewayApi, createRandom, gatewayRequestOf, routeGatewayRequest, routeRequest } from '../engine'
import type { ParityDifference, ParityReport } from '../engine'
import { MIGRATE_GATEWAY_API, MIGRATION_STEP_URLS } from './migration-preset'
import { SEED_MANIFEST } from './seed'

const files = [{ name: 'manifest.yaml', text: MIGRATE_GATEWAY_API.manifest }]
const converted = convertToGatewayApi(files)
if ('problem' in converted) throw new Error('the seed converts with the default options')
const conversion = converted

const ingressRoutes = compileRoutes(analyze(files).model)

/** The Gateway API side: the seed's own objects beside `text` (the conversion, or an edit of it). */
function throughGateway(text: string, url: string) {
  const compiled = compileGateways(analyze([...files, { name: 'converted.yaml', text }]).model)
  return routeGatewayRequest(compiled, conversion.gateway, gatewayRequestOf({ url }), { random: createRandom(1) })
}

const throughIngressNginx = (url: string) => routeRequest(ingressRoutes, { url }, { random: createRandom(1) })

const stepUrls = MIGRATE_GATEWAY_API.steps.flatMap((step) => step.effect.tester?.requests.map((request) => request.url) ?? [])

/** What the migration view lists: parity over the generated requests only (the view adds none of its own). */
const listed = checkParity(files, null)
if ('problem' in listed) throw new Error('parity runs on the seed')
const report: ParityReport = listed

/** The row of the list for a plain GET of `url`, if the request differs. */
const differenceFor = (url: string): ParityDifference | undefined =>
  report.differences.find((d) => d.request.url === url && d.request.method === 'GET' && Object.keys(d.request.headers).length === 0 && Object.keys(d.request.cookies).length === 0)

/** Whether `url`, added as the user's own request, differs (for the requests the list need not hold). */
function differsWhenAsked(url: string): boolean {
  const asked = checkParity(files, null, { requests: [{ url, method: 'GET', headers: {}, cookies: {} }] })
  if ('problem' in asked) throw new Error('parity runs on the seed')
  return asked.differences.some((d) => d.request.url === url)
}

const locale = (language: string) =>
  (JSON.parse(readFileSync(new URL(`../ui/i18n/locales/${language}/presets.json`, import.meta.url), 'utf8')) as Record<string, { steps: string[] }>)[MIGRATE_GATEWAY_API.id]!

describe('the migrate-gateway-api preset', () => {
  it('opens the seed as it is in the migration view, and every step stays there and tests through ingress-nginx', () => {
    expect(MIGRATE_GATEWAY_API.manifest).toBe(SEED_MANIFEST)
    expect(MIGRATE_GATEWAY_API.start.view).toBe('migration')
    for (const step of MIGRATE_GATEWAY_API.steps) {
      expect(step.effect.view).toBe('migration')
      expect(step.effect.tester?.gateway).toBeUndefined()
    }
    expect(stepUrls).toEqual(Object.values(MIGRATION_STEP_URLS))
  })

  it('converts the three Ingresses into routes of one Gateway with an HTTPS listener for kube-book.com', () => {
    const from = new Set(conversion.objects.flatMap((o) => o.from.map((k) => `${k.namespace}/${k.name}`)))
    expect([...from].sort()).toEqual(['default/ingress-ssl', 'default/test', 'default/websample-ing'])
    expect(conversion.objects.filter((o) => o.kind === 'Gateway').map((o) => `${o.namespace}/${o.name}`)).toEqual([conversion.gateway])
    expect(throughGateway(conversion.text, MIGRATION_STEP_URLS.https)).toMatchObject({ status: 200, service: 's1', outcome: 'proxied' })
  })

  it('rewrite-target / on /foos1: both routers send /foos1/abc upstream as /, so it is no difference; ReplacePrefixMatch would send /abc', () => {
    const url = MIGRATION_STEP_URLS.fullPath
    expect(throughIngressNginx(url)).toMatchObject({ status: 200, service: 's1', rewrittenPath: '/' })
    expect(throughGateway(conversion.text, url)).toMatchObject({ status: 200, service: 's1', rewrittenPath: '/' })
    expect(differenceFor(url)).toBeUndefined()
    expect(differsWhenAsked(url)).toBe(false)
    // The same conversion with the other path modifier of URLRewrite.
    const prefixMatch = conversion.text.replace(/type: ReplaceFullPath\n(\s*)replaceFullPath: \//g, 'type: ReplacePrefixMatch\n$1replacePrefixMatch: /')
    expect(prefixMatch).not.toBe(conversion.text)
    expect(throughGateway(prefixMatch, url)).toMatchObject({ status: 200, service: 's1', rewrittenPath: '/abc' })
  })

  it.each([
    { url: MIGRATION_STEP_URLS.siblingPrefix, service: 's1', cause: 'prefix-boundary' },
    { url: 'http://foo.bar.com/bars2parity', service: 's2', cause: 'prefix-boundary' },
    { url: MIGRATION_STEP_URLS.otherCase, service: 's1', cause: 'case-sensitivity' },
    { url: 'http://foo.bar.com/BARS2', service: 's2', cause: 'case-sensitivity' },
  ])('$url is in the list: $service through ingress-nginx, 404 through the Gateway ($cause)', ({ url, service, cause }) => {
    const difference = differenceFor(url)
    expect(difference).toBeDefined()
    expect(difference!.ingressNginx).toMatchObject({ status: 200, service })
    expect(difference!.gatewayApi).toMatchObject({ status: 404, service: null })
    expect(difference!.fields).toContain('status')
    expect(difference!.cause).toBe(cause)
  })

  it('names every row of the list in a step (the sibling and case steps name their /bars2 twins)', () => {
    expect(report.equivalent).toBe(false)
    const named = [MIGRATION_STEP_URLS.siblingPrefix, 'http://foo.bar.com/bars2parity', MIGRATION_STEP_URLS.otherCase, 'http://foo.bar.com/BARS2']
    expect(new Set(report.differences.map((d) => d.request.url))).toEqual(new Set(named))
    const taught = new Set(stepUrls.flatMap((url) => differenceFor(url)?.cause ?? []))
    expect(new Set(report.groups.map((g) => g.cause))).toEqual(taught)
  })

  it('the https redirect of /docs/ is no row, yet differs when asked for: 308 on both sides, the trailing slash dropped by ingress-nginx only', () => {
    const url = MIGRATION_STEP_URLS.redirectSlash
    expect(differenceFor(url)).toBeUndefined()
    const asked = checkParity(files, null, { requests: [{ url, method: 'GET', headers: {}, cookies: {} }] })
    if ('problem' in asked) throw new Error('parity runs on the seed')
    const difference = asked.differences.find((d) => d.request.url === url)
    expect(difference).toBeDefined()
    expect(difference!.ingressNginx).toMatchObject({ status: 308, location: 'https://kube-book.com/docs' })
    expect(difference!.gatewayApi).toMatchObject({ status: 308, location: 'https://kube-book.com/docs/' })
    expect(difference!.fields).toEqual(['location'])
    expect(difference!.cause).toBe('trailing-slash')
    // The root's redirect is the same page on both sides (https://kube-book.com and https://kube-book.com/).
    expect(differsWhenAsked('http://kube-book.com/')).toBe(false)
  })

  it('https://kube-book.com/ answers alike on both sides, so it is not in the list', () => {
    expect(differenceFor(MIGRATION_STEP_URLS.https)).toBeUndefined()
    expect(differsWhenAsked(MIGRATION_STEP_URLS.https)).toBe(false)
    expect(throughIngressNginx(MIGRATION_STEP_URLS.https)).toMatchObject({ status: 200, service: 's1' })
  })

  it.each(['en', 'ko'])('names in each %s step the request it tests', (language) => {
    const texts = locale(language).steps
    MIGRATE_GATEWAY_API.steps.forEach((step, i) => {
      const url = step.effect.tester?.requests[0]?.url
      if (url === undefined) return
      const { pathname } = new URL(url)
      expect(texts[i], url).toContain(pathname === '/' ? url : pathname)
    })
  })
})
