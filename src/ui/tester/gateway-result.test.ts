import { beforeEach, describe, expect, it } from 'vitest'
import { toTestOutcome } from '../../state/route-sync'
import type { TestDraft } from '../../state/slices/tester-slice'
import { useStudioStore } from '../../state/store'
import { answerEngineRequest } from '../../worker/handle-request'
import { PROTOCOL_VERSION } from '../../worker/protocol'
import { SHOP_GATEWAY_SCENARIO } from '../../worker/testing/gateway-shop'
import { renderInLanguage } from '../testing/render-in-language'
import { TestResult } from './TestResult'

const initial = { ...useStudioStore.getState() }
beforeEach(() => useStudioStore.setState(initial, true))

/** The result card as HTML text (server rendering reads the store's initial state: make it the current one). */
async function card(language: 'en' | 'ko' = 'en'): Promise<string> {
  Object.assign(useStudioStore.getInitialState(), useStudioStore.getState())
  return renderInLanguage(TestResult, {}, language)
}

const files = [{ name: 'm.yaml', text: SHOP_GATEWAY_SCENARIO }]

/** Puts the worker's real answer for `url` (with `headers`) through the Gateway into the store, as sendTest does. */
async function tested(url: string, headers: Record<string, string> = {}): Promise<void> {
  const view = await answerEngineRequest({ v: PROTOCOL_VERSION, type: 'route-view', id: 1, files })
  const answer = await answerEngineRequest({ v: PROTOCOL_VERSION, type: 'route', id: 2, files, request: { url, headers } })
  if (view.type !== 'route-viewed' || answer.type !== 'routed') throw new Error('no answer')
  const draft: TestDraft = { method: 'GET', url, headers: Object.entries(headers).map(([name, value]) => ({ name, value })), cookies: [] }
  useStudioStore.setState({
    routeView: { view: view.view, layout: view.layout, layoutReused: false, millis: view.millis, source: SHOP_GATEWAY_SCENARIO, revision: 0 },
    testOutcome: toTestOutcome(draft, answer, 0),
  } as Partial<ReturnType<typeof useStudioStore.getState>>)
}

/** The HTML's text without tags. */
const text = (html: string): string => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ')

describe('a Gateway\'s answer in the URL tester (docs/gateway-api.md#url-tester)', () => {
  it('names the Gateway, listener, HTTPRoute, rule and match, the Service with port and namespace, and the headers sent on', async () => {
    await tested('http://shop.example/cart/1', { 'x-canary': 'true' })
    const en = text(await card())
    expect(en).toContain('Proxied to a backend')
    expect(en).toContain('infra/shop-gw · listener http ( HTTP 80 )')
    expect(en).toContain('HTTPRoute shop/store · rule 0 · match 0')
    expect(en).toContain('cart-v2:8080 · namespace shop')
    expect(en).toContain('x-canary: true as the backend receives them')
    const ko = text(await card('ko'))
    expect(ko).toContain('리스너 http')
    expect(ko).toContain('규칙 0 · 매치 0')
    expect(ko).toContain('네임스페이스 shop')
  }, 30_000)

  it('lists a refused backendRef with its reason beside the 500', async () => {
    await tested('http://shop.example/billing/1')
    const en = text(await card())
    expect(en).toMatch(/>?500 Server error/)
    expect(en).toContain('Refused payments/billing:80 RefNotPermitted')
    expect(text(await card('ko'))).toContain('거부됨 payments/billing:80 RefNotPermitted')
  }, 30_000)

  it('says in words that no listener took the connection, never status 0', async () => {
    await tested('http://shop.example:8080/')
    const en = await card()
    expect(text(en)).toContain('no listener No listener: nothing listens on this port and protocol')
    expect(en).not.toMatch(/data-testid="tester-status">0</)
    expect(text(await card('ko'))).toContain('리스너 없음 리스너 없음: 이 포트와 프로토콜로 받는 리스너가 없습니다')
  }, 30_000)

  it('says a 404 is no route of the Gateway', async () => {
    await tested('http://elsewhere.example/')
    expect(text(await card())).toContain('No route matches: the Gateway answers 404')
  }, 30_000)
})
