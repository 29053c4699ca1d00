import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { analyzeDetailed, buildRouteView, readLayout, routeRequest, toElkGraph, traceRouteInGraph, type AnalyzeOptions, type RouteRequest, type RouteViewOptions, type SourceFile } from '../engine'
import { SHOP_GATEWAY_SCENARIO, SHOP_INGRESS } from '../worker/testing/gateway-shop'
import { answerEngineRequest } from '../worker/handle-request'
import { SEED_MANIFEST } from '../presets/seed'
import type { EngineOutcome } from '../worker/engine-client'
import { PROTOCOL_VERSION, type EngineRequest, type RoutedResponse, type RouteRequestMessage, type RouteViewedResponse } from '../worker/protocol'
import { setSource } from './actions'
import { selectNode, selectNodeAtCursor, toggleWorkloadExpanded } from './graph-actions'
import { completeUrl, retryRouteView, retryTest, sendTest, startRouteSync, toRouteRequest } from './route-sync'
import { useStudioStore } from './store'
import type { RouteViewState } from './slices/graph-slice'
import { selectTestExamples } from './slices/tester-slice'
import { HISTORY_SIZE, loadTesterHistory, pushHistory, TESTER_HISTORY_KEY } from './tester-history'

const initial = useStudioStore.getState()
const FOOS1 = 'path:foo.bar.com|default/test|spec.rules.0.http.paths.0'

/** A client that answers from the real engine (no worker, no ELK: a stand-in layout) and records its calls. */
function fakeClient() {
  const calls: { type: 'route-view' | 'route'; text: string; request?: RouteRequest }[] = []
  const build = (text: string) => buildRouteView(analyzeDetailed([{ name: 'manifest.yaml', text }]))
  return {
    calls,
    routeView: vi.fn(async (files: readonly { text: string }[], _options?: unknown, _view?: unknown): Promise<EngineOutcome<RouteViewedResponse>> => {
      const text = files[0]!.text
      calls.push({ type: 'route-view', text })
      const { view } = build(text)
      const elk = toElkGraph(view.graph)
      const layout = readLayout(view.graph, { ...elk, children: elk.children?.map((child, i) => ({ ...child, x: i, y: i })) })
      return { kind: 'ok', value: { v: PROTOCOL_VERSION, type: 'route-viewed', id: 1, view, layout, layoutReused: false, layoutBy: 'elk', millis: { build: 1, layout: 1 }, router: { router: 'ingress-nginx' } } }
    }),
    route: vi.fn(async (files: readonly { text: string }[], request: RouteRequest): Promise<EngineOutcome<RoutedResponse>> => {
      const text = files[0]!.text
      calls.push({ type: 'route', text, request })
      const { compiled, view } = build(text)
      const result = routeRequest(compiled, request)
      return { kind: 'ok', value: { v: PROTOCOL_VERSION, type: 'routed', id: 2, router: 'ingress-nginx', result, highlight: traceRouteInGraph(view.graph, result) } }
    }),
  }
}

class MemoryStorage {
  readonly items = new Map<string, string>()
  getItem(key: string) {
    return this.items.get(key) ?? null
  }
  setItem(key: string, value: string) {
    this.items.set(key, value)
  }
}

beforeEach(() => {
  useStudioStore.setState(initial, true)
  vi.useFakeTimers()
})
afterEach(() => vi.useRealTimers())

describe('route view sync', () => {
  it('asks for the route view at once, then once per burst of edits after the debounce', async () => {
    setSource(SEED_MANIFEST)
    const client = fakeClient()
    const stop = startRouteSync(client, undefined, 200)
    await vi.runAllTimersAsync()
    expect(client.calls.map((c) => c.type)).toEqual(['route-view'])
    expect(useStudioStore.getState().routeView?.view.graph.nodes.some((n) => n.id === FOOS1)).toBe(true)

    setSource(SEED_MANIFEST.replace('/foos1', '/a'))
    setSource(SEED_MANIFEST.replace('/foos1', '/ab'))
    await vi.advanceTimersByTimeAsync(199)
    expect(client.calls).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(1)
    expect(client.calls).toHaveLength(2)
    expect(client.calls[1]!.text).toContain('path: /ab')
    expect(useStudioStore.getState().routeView?.revision).toBe(useStudioStore.getState().revision)
    stop()
  })

  it('asks again when pods are expanded, sending the expanded workloads', async () => {
    setSource(SEED_MANIFEST)
    const client = fakeClient()
    const stop = startRouteSync(client)
    await vi.runAllTimersAsync()
    toggleWorkloadExpanded('deploy:default/s1')
    await vi.runAllTimersAsync()
    expect(client.routeView).toHaveBeenCalledTimes(2)
    expect(client.routeView.mock.calls[1]![2]).toEqual({ expanded: ['deploy:default/s1'] })
    stop()
  })

  it('re-tests the last request when a new route view arrives, without adding to the history', async () => {
    setSource(SEED_MANIFEST)
    const storage = new MemoryStorage()
    const client = fakeClient()
    const stop = startRouteSync(client, storage)
    await vi.runAllTimersAsync()
    await sendTest({ method: 'GET', url: 'foo.bar.com/foos1/abc', headers: [], cookies: [] })
    expect(useStudioStore.getState().testOutcome?.result).toMatchObject({ status: 200, service: 's1', rewrittenPath: '/' })
    expect(useStudioStore.getState().testOutcome?.highlight.nodes).toContain(FOOS1)
    expect(useStudioStore.getState().inspectorTab).toBe('request')

    setSource(SEED_MANIFEST.replace('path: /foos1', 'path: /other'))
    await vi.runAllTimersAsync()
    expect(useStudioStore.getState().testOutcome?.result.status).toBe(404)
    expect(useStudioStore.getState().testHistory).toHaveLength(1)
    expect(loadTesterHistory(storage)).toEqual([{ method: 'GET', url: 'foo.bar.com/foos1/abc', headers: [], cookies: [] }])
    stop()
  })

  it('a request still out when a new route view lands is the one re-tested, not the older shown result', async () => {
    setSource(SEED_MANIFEST)
    const client = fakeClient()
    // As the worker client does: a newer route request makes the one still out stale.
    let latestRoute = 0
    const answer = client.route.getMockImplementation()!
    client.route.mockImplementation(async (files, request) => {
      const mine = ++latestRoute
      const outcome = await answer(files, request)
      await new Promise((resolve) => setTimeout(resolve, 50))
      return mine === latestRoute ? outcome : { kind: 'stale' }
    })
    const stop = startRouteSync(client, undefined, 10)
    await vi.runAllTimersAsync()
    const draft = (url: string) => ({ method: 'GET' as const, url, headers: [], cookies: [] })
    const first = sendTest(draft('foo.bar.com/foos1/abc'))
    await vi.runAllTimersAsync()
    await first
    // An edit, then a new request sent before the edit's route view lands.
    setSource(SEED_MANIFEST.replace('path: /foos1', 'path: /other'))
    const second = sendTest(draft('foo.bar.com/other'))
    await vi.runAllTimersAsync()
    await second
    expect(useStudioStore.getState().testOutcome?.draft.url).toBe('foo.bar.com/other')
    expect(useStudioStore.getState().testOutcome?.result.status).toBe(200)
    stop()
  })
})

/** A client that answers through the worker's own code (the engine in this thread, ELK laying the graph out). */
function workerClient() {
  const ask = async <T,>(request: EngineRequest): Promise<EngineOutcome<T>> => ({ kind: 'ok', value: (await answerEngineRequest(request)) as T })
  return {
    routeView: vi.fn((files: readonly SourceFile[], options?: AnalyzeOptions, view?: RouteViewOptions) =>
      ask<RouteViewedResponse>({ v: PROTOCOL_VERSION, type: 'route-view', id: 1, files, options, view })),
    route: vi.fn((files: readonly SourceFile[], request: RouteRequest, view?: RouteViewOptions, options?: AnalyzeOptions, through?: Pick<RouteRequestMessage, 'router' | 'method'>) =>
      ask<RoutedResponse>({ v: PROTOCOL_VERSION, type: 'route', id: 2, files, request, view, options, ...through })),
  }
}

describe('testing through a Gateway (docs/gateway-api.md#url-tester)', () => {
  /** ELK lays the graph out for real here: on a busy machine that takes seconds. */
  const LAYOUT_WAIT = { timeout: 20_000, interval: 20 }
  const cart = { method: 'GET', url: 'http://shop.example/cart/1', headers: [], cookies: [] }

  it('starts at the engine\'s default, the one Gateway of an input without Ingresses, and keeps its answer', async () => {
    vi.useRealTimers()
    setSource(SHOP_GATEWAY_SCENARIO)
    const client = workerClient()
    const stop = startRouteSync(client, undefined, 0)
    try {
      await vi.waitFor(() => expect(useStudioStore.getState().routeView).not.toBeNull(), LAYOUT_WAIT)
      expect(useStudioStore.getState().testDefaultRouter).toEqual({ router: 'gateway', gateway: 'infra/shop-gw' })
      await sendTest(cart)
      expect(useStudioStore.getState().testOutcome).toMatchObject({ router: 'gateway', gateway: 'infra/shop-gw', result: { status: 200, service: 'cart', locationId: null, serverHostname: null } })
      expect(client.route.mock.calls[0]![4]).toEqual({ method: 'GET' })
    } finally {
      stop()
    }
  }, 45_000)

  it('sends the chosen router and the method, and re-tests through it after an edit', async () => {
    vi.useRealTimers()
    const text = `${SHOP_GATEWAY_SCENARIO}---\n${SHOP_INGRESS}`
    setSource(text)
    const client = workerClient()
    const stop = startRouteSync(client, undefined, 0)
    try {
      await vi.waitFor(() => expect(useStudioStore.getState().routeView).not.toBeNull(), LAYOUT_WAIT)
      expect(useStudioStore.getState().testDefaultRouter).toEqual({ router: 'ingress-nginx' })
      await sendTest(cart)
      expect(useStudioStore.getState().testOutcome).toMatchObject({ router: 'ingress-nginx', result: { service: 'legacy' } })
      const through = { ...cart, method: 'PUT', router: { router: 'gateway', gateway: 'infra/shop-gw' } } as const
      await sendTest(through)
      expect(client.route.mock.lastCall![4]).toEqual({ router: through.router, method: 'PUT' })
      expect(useStudioStore.getState().testOutcome).toMatchObject({ router: 'gateway', result: { service: 'cart' } })
      setSource(text.replaceAll('value: /cart', 'value: /basket'))
      await vi.waitFor(() => expect(useStudioStore.getState().testOutcome?.result).toMatchObject({ service: 'web' }), LAYOUT_WAIT)
      expect(useStudioStore.getState().testOutcome?.router).toBe('gateway')
    } finally {
      stop()
    }
  }, 45_000)
})

describe('the tester\'s examples follow the router (selectTestExamples)', () => {
  it('through a Gateway its own examples (each rule of the shop scenario), through ingress-nginx the ingress ones', () => {
    const { view } = buildRouteView(analyzeDetailed([{ name: 'manifest.yaml', text: `${SHOP_GATEWAY_SCENARIO}---\n${SHOP_INGRESS}` }]))
    const layout = { nodes: {}, edges: {}, width: 0, height: 0 } as unknown as RouteViewState['layout']
    useStudioStore.setState({ routeView: { view, layout, layoutReused: false, source: '', revision: 1 } as RouteViewState, testDefaultRouter: { router: 'ingress-nginx' } })
    expect(selectTestExamples(useStudioStore.getState())).toBe(view.examples)
    useStudioStore.setState({ testDraft: { ...useStudioStore.getState().testDraft, router: { router: 'gateway', gateway: 'infra/shop-gw' } } })
    const examples = selectTestExamples(useStudioStore.getState())
    expect(examples).toBe(view.gatewayExamples['infra/shop-gw'])
    // The header-match rule carries its header; the cart rule and / plain; a path no rule matches is not offered
    // because `/` takes every path, but another host is.
    expect(examples.map((example) => [example.request.url, example.request.headers ?? null, example.kind])).toEqual(expect.arrayContaining([
      ['http://shop.example/cart', { 'x-canary': 'true' }, 'match'],
      ['http://shop.example/cart', null, 'path'],
      ['http://shop.example/', null, 'path'],
    ]))
    expect(examples.at(-1)?.kind).toBe('unknown-host')
    expect(examples.some((example) => example.request.url.startsWith('http://unknown.example/') && example.kind !== 'unknown-host')).toBe(false)
  })
})

describe('the tester form', () => {
  it('completes a URL without a scheme and leaves out empty rows', () => {
    expect(completeUrl(' foo.com/x ')).toBe('http://foo.com/x')
    expect(completeUrl('https://foo.com/')).toBe('https://foo.com/')
    expect(completeUrl('//foo.com/')).toBe('http://foo.com/')
    expect(toRouteRequest({ method: 'GET', url: 'a.b/', headers: [{ name: ' x-canary ', value: 'always' }, { name: '', value: 'lost' }], cookies: [] }))
      .toEqual({ url: 'http://a.b/', headers: { 'x-canary': 'always' } })
  })

  it('keeps history newest first, without duplicates, capped, and survives unreadable storage', () => {
    const draft = (url: string) => ({ method: 'GET', url, headers: [], cookies: [] })
    let history = pushHistory([], draft('a'))
    history = pushHistory(history, draft('b'))
    history = pushHistory(history, draft('a'))
    expect(history.map((d) => d.url)).toEqual(['a', 'b'])
    for (let i = 0; i < HISTORY_SIZE + 5; i++) history = pushHistory(history, draft(`u${i}`))
    expect(history).toHaveLength(HISTORY_SIZE)
    const storage = new MemoryStorage()
    storage.setItem(TESTER_HISTORY_KEY, '{not json')
    expect(loadTesterHistory(storage)).toEqual([])
    storage.setItem(TESTER_HISTORY_KEY, JSON.stringify([draft('ok'), { url: 1 }]))
    expect(loadTesterHistory(storage)).toEqual([draft('ok')])
    // A request tested through a Gateway comes back with it; a malformed router drops the entry.
    const through = { ...draft('gw'), router: { router: 'gateway', gateway: 'infra/gw' } }
    storage.setItem(TESTER_HISTORY_KEY, JSON.stringify([through, { ...draft('bad'), router: { router: 'gateway' } }, { ...draft('x'), router: 'nginx' }]))
    expect(loadTesterHistory(storage)).toEqual([through])
  })
})

describe('node selection', () => {
  it('selects the innermost node under the cursor and reveals a node picked elsewhere', async () => {
    setSource(SEED_MANIFEST)
    const stop = startRouteSync(fakeClient())
    await vi.runAllTimersAsync()
    selectNodeAtCursor(SEED_MANIFEST.indexOf('servicePort: 80'))
    expect(useStudioStore.getState()).toMatchObject({ selectedNodeId: FOOS1, selectionOrigin: 'editor', reveal: null })
    selectNodeAtCursor(SEED_MANIFEST.indexOf('name: kube-book-secret'))
    expect(useStudioStore.getState().selectedNodeId).toBeNull()

    selectNode('svc:default/s2', 'graph')
    const offset = SEED_MANIFEST.indexOf('apiVersion: v1\nkind: Service\nmetadata:\n  name: s2')
    expect(useStudioStore.getState().reveal?.target).toEqual({ offset })
    expect(useStudioStore.getState().editorHighlight).toMatchObject({ start: offset })
    stop()
  })
})

describe('when the engine gives no answer', () => {
  const timeout: EngineOutcome<never> = { kind: 'failed', error: { code: 'timeout', message: 'The engine took longer than 15000 ms.' } }

  it('a test with no earlier result says it failed, keeps the request, and Retry sends it again', async () => {
    setSource(SEED_MANIFEST)
    const client = fakeClient()
    const stop = startRouteSync(client)
    await vi.runAllTimersAsync()
    client.route.mockResolvedValueOnce(timeout)
    const draft = { method: 'GET', url: 'foo.bar.com/foos1', headers: [], cookies: [] }
    await sendTest(draft)
    expect(useStudioStore.getState()).toMatchObject({ testStatus: 'failed', testOutcome: null, testFailure: { error: { code: 'timeout' }, draft } })
    retryTest()
    await vi.runAllTimersAsync()
    expect(useStudioStore.getState()).toMatchObject({ testStatus: 'idle', testFailure: null })
    expect(useStudioStore.getState().testOutcome?.result.service).toBe('s1')
    expect(useStudioStore.getState().testHistory).toHaveLength(1)
    stop()
  })

  it('a route view that timed out is marked failed with its reason until Retry brings one', async () => {
    setSource(SEED_MANIFEST)
    const client = fakeClient()
    client.routeView.mockResolvedValueOnce(timeout)
    const stop = startRouteSync(client)
    await vi.runAllTimersAsync()
    expect(useStudioStore.getState()).toMatchObject({ routeViewStatus: 'failed', routeViewFailure: { code: 'timeout' }, routeView: null })
    retryRouteView()
    await vi.runAllTimersAsync()
    expect(useStudioStore.getState()).toMatchObject({ routeViewStatus: 'ready', routeViewFailure: null })
    stop()
  })
})
