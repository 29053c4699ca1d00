import { describe, expect, it } from 'vitest'
import { SHOP_GATEWAY_SCENARIO, SHOP_INGRESS } from './testing/gateway-shop'
import { answerEngineRequest } from './handle-request'
import { PROTOCOL_VERSION, type RoutedResponse, type RouteRequestMessage, type TesterRouter } from './protocol'

/** The seed-like Ingress for shop.example beside the Gateway: the input then has both routers. */
const WITH_INGRESS = `${SHOP_GATEWAY_SCENARIO}---\n${SHOP_INGRESS}`

async function route(text: string, url: string, through: Partial<Pick<RouteRequestMessage, 'router' | 'method'>> = {}, headers?: Record<string, string>): Promise<RoutedResponse> {
  const response = await answerEngineRequest({ v: PROTOCOL_VERSION, type: 'route', id: 3, files: [{ name: 'm.yaml', text }], request: { url, ...(headers ? { headers } : {}) }, ...through })
  if (response.type !== 'routed') throw new Error(`expected an answer, got ${JSON.stringify(response)}`)
  // The answer crosses the worker boundary: it must survive structured cloning unchanged.
  expect(structuredClone(response)).toEqual(response)
  return response
}

async function defaultRouter(text: string): Promise<TesterRouter> {
  const response = await answerEngineRequest({ v: PROTOCOL_VERSION, type: 'route-view', id: 4, files: [{ name: 'm.yaml', text }] })
  if (response.type !== 'route-viewed') throw new Error(`expected a route view, got ${JSON.stringify(response)}`)
  return response.router
}

const GATEWAY: TesterRouter = { router: 'gateway', gateway: 'infra/shop-gw' }

describe('the URL tester through a Gateway (docs/gateway-api.md#url-tester)', () => {
  it('defaults to the one Gateway of an input without Ingresses, and to ingress-nginx beside an Ingress or without Gateways', async () => {
    expect(await defaultRouter(SHOP_GATEWAY_SCENARIO)).toEqual(GATEWAY)
    expect(await defaultRouter(WITH_INGRESS)).toEqual({ router: 'ingress-nginx' })
    expect(await defaultRouter(SHOP_INGRESS)).toEqual({ router: 'ingress-nginx' })
  }, 30_000) // ELK lays three graphs out

  it('routes through the default Gateway and lights the rule and Service it chose', async () => {
    const answer = await route(SHOP_GATEWAY_SCENARIO, 'http://shop.example/cart/1')
    expect(answer).toMatchObject({ router: 'gateway', gateway: 'infra/shop-gw', result: { status: 200, service: 'cart', port: 8080, namespace: 'shop', route: { name: 'store', rule: 1 } } })
    expect(answer.highlight.end).toBe('svc:shop/cart')
    expect(answer.highlight.nodes).toContain('rule:shop/store|spec.rules.1')
  })

  it('sends the header rows, so a header-match rule is chosen when its header is sent', async () => {
    const answer = await route(SHOP_GATEWAY_SCENARIO, 'http://shop.example/cart/1', {}, { 'X-Canary': 'true' })
    expect(answer.result).toMatchObject({ service: 'cart-v2', route: { name: 'store', rule: 0 }, requestHeaders: { 'x-canary': 'true' } })
  })

  it('answers 500 for a rule whose only backendRef another namespace does not permit', async () => {
    const answer = await route(SHOP_GATEWAY_SCENARIO, 'http://shop.example/billing/7')
    expect(answer.result).toMatchObject({ status: 500, service: null, route: { name: 'billing', rule: 0 } })
    expect(JSON.stringify(answer.result.trace)).toContain('RefNotPermitted')
  })

  it('answers status 0 when no listener takes the port', async () => {
    expect((await route(SHOP_GATEWAY_SCENARIO, 'http://shop.example:8080/')).result).toMatchObject({ status: 0, listener: null })
  })

  it('beside an Ingress, goes through ingress-nginx unless the Gateway is asked for', async () => {
    const nginx = await route(WITH_INGRESS, 'http://shop.example/cart/1')
    expect(nginx).toMatchObject({ router: 'ingress-nginx', result: { status: 200, service: 'legacy' } })
    const gateway = await route(WITH_INGRESS, 'http://shop.example/cart/1', { router: GATEWAY })
    expect(gateway).toMatchObject({ router: 'gateway', result: { service: 'cart' } })
    const asked = await route(SHOP_GATEWAY_SCENARIO, 'http://shop.example/cart/1', { router: { router: 'ingress-nginx' } })
    expect(asked).toMatchObject({ router: 'ingress-nginx', result: { status: 404 } })
  })

  it('falls back to the default when the Gateway asked for is no longer in the text', async () => {
    const answer = await route(WITH_INGRESS, 'http://shop.example/', { router: { router: 'gateway', gateway: 'infra/gone' } })
    expect(answer).toMatchObject({ router: 'ingress-nginx', result: { service: 'legacy' } })
  })
})

