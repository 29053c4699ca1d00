/**
 * The Gateway API preset answers as the chapter's Ingresses do, request by request, except where the two APIs
 * differ and a guided step says so. Both sides through the real engine: the preset through its only Gateway
 * (the one `pickGateway` takes), the seed through ingress-nginx.
 */
import { describe, expect, it } from 'vitest'
import { analyze, compileGateways, compileRoutes, createRandom, pickGateway, routeGatewayRequest, routeRequest } from '../engine'
import { GATEWAY_API } from './gateway-preset'
import { SEED_MANIFEST } from './seed'

const preset = analyze([{ name: 'gateway.yaml', text: GATEWAY_API.manifest }]).model
const gateways = compileGateways(preset)
const seedRoutes = compileRoutes(analyze([{ name: 'seed.yaml', text: SEED_MANIFEST }]).model)

function throughGateway(url: string) {
  const picked = pickGateway(gateways, preset.ingresses.length)
  if (!('gateway' in picked)) throw new Error('the preset must have exactly one Gateway and no Ingress')
  const r = routeGatewayRequest(gateways, picked.gateway, { url }, { random: createRandom(1) })
  return { status: r.status, service: r.service, port: r.port, path: r.rewrittenPath, location: r.location, route: r.route && `${r.route.name}#${r.route.rule}` }
}

function throughIngressNginx(url: string) {
  const r = routeRequest(seedRoutes, { url }, { random: createRandom(1) })
  return { status: r.status, service: r.service, port: r.port, path: r.rewrittenPath, location: r.location }
}

const stepUrls = GATEWAY_API.steps.flatMap((step) => step.effect.tester?.requests.map((request) => request.url) ?? [])

describe('the gateway-api preset', () => {
  it('has one Gateway and no Ingress, so the tester and `route` go through it without being told', () => {
    expect(pickGateway(gateways, preset.ingresses.length)).toEqual({ gateway: 'default/chapter' })
    expect(gateways.issues).toEqual([])
  })

  // Each row: the request, the HTTPRoute rule that answers, and ingress-nginx's answer on the seed where it differs.
  it.each([
    { url: 'http://foo.bar.com/foos1', route: 'test-foo#0' },
    { url: 'http://foo.bar.com/foos1/page?id=7', route: 'test-foo#0' },
    { url: 'http://foo.bar.com/bars2/x', route: 'test-foo#1' },
    // PathPrefix matches whole segments (httproute_types.go, PathMatchPathPrefix); nginx's location prefix is a string prefix.
    { url: 'http://foo.bar.com/foos1abc', route: null, ingress: { status: 200, service: 's1', port: 80, path: '/', location: null } },
    // ...and case-sensitively; the rewrite made ingress-nginx's location a case-insensitive regex (docs/routing.md, D2).
    { url: 'http://foo.bar.com/FOOS1/x', route: null, ingress: { status: 200, service: 's1', port: 80, path: '/', location: null } },
    { url: 'http://foo.bar.com/', route: null },
    { url: 'http://bar.foo.com/anything/at/all', route: 'test-bar#0' },
    // ingress-nginx drops the trailing slash of the redirect (docs/routing.md, divergence D9); RequestRedirect keeps the path.
    { url: 'http://kube-book.com/', route: 'ingress-ssl-redirect#0', ingress: { status: 308, service: null, port: null, path: null, location: 'https://kube-book.com' } },
    { url: 'http://kube-book.com/a/b?c=d', route: 'ingress-ssl-redirect#0' },
    { url: 'https://kube-book.com/', route: 'ingress-ssl#0' },
    { url: 'http://127.0.0.1.xip.io/', route: 'websample#0' },
  ])('$url: answered by $route as ingress-nginx answers it, unless the row says how it differs', ({ url, route, ingress }) => {
    const { route: answeredBy, ...gateway } = throughGateway(url)
    expect(answeredBy).toBe(route)
    const nginx = throughIngressNginx(url)
    if (ingress) {
      expect(nginx).toEqual(ingress)
      expect(gateway).not.toEqual(nginx)
    } else {
      expect(gateway).toEqual(nginx)
    }
  })

  it('tests in its steps the requests whose answers the rows above check', () => {
    expect(stepUrls).toEqual([
      'http://foo.bar.com/foos1',
      'http://foo.bar.com/foos1/page?id=7',
      'http://foo.bar.com/foos1abc',
      'http://bar.foo.com/anything/at/all',
      'http://kube-book.com/',
      'https://kube-book.com/',
    ])
    expect(throughGateway('http://foo.bar.com/foos1abc').status).toBe(404)
    expect(throughGateway('http://kube-book.com/')).toMatchObject({ status: 308, location: 'https://kube-book.com/' })
  })
})
