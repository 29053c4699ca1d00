/**
 * `route` through a Gateway (README.md, "Command line"; docs/gateway-api.md#command-line), in-process over a
 * fake CliIo with the real engine: which Gateway answers, the JSON line's keys and order, --method, --header,
 * --requests, the usage errors, and the trace in Korean.
 */
import { describe, expect, test } from 'vitest'
import { analyze, compileGateways, formatMessage, routeGatewayRequest } from '../../engine'
import { GATEWAY_API } from '../../presets/gateway-preset'
import { SEED_MANIFEST } from '../../presets/seed'
import { memoryIo } from '../memory-io'
import { runCli } from '../main'

const GATEWAY_FIELDS = ['status', 'service', 'port', 'namespace', 'route', 'rewrittenPath', 'rewrittenHost', 'location', 'requestHeaders', 'responseHeaders', 'trace']
const INGRESS_FIELDS = ['status', 'service', 'port', 'namespace', 'ingress', 'host', 'rewrittenPath', 'location', 'canary', 'trace']

/** The chapter's routes as Gateway API: one Gateway, no Ingress. */
const CHAPTER = GATEWAY_API.manifest

/** Two Gateways in two namespaces, each with one HTTPRoute for the same host; the internal one matches by method. */
const TWO_GATEWAYS = `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: public, namespace: edge}
spec:
  gatewayClassName: example
  listeners:
  - {name: http, protocol: HTTP, port: 80}
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: internal, namespace: edge}
spec:
  gatewayClassName: example
  listeners:
  - {name: http, protocol: HTTP, port: 8080}
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: shop, namespace: edge}
spec:
  parentRefs: [{name: public}]
  hostnames: [shop.test]
  rules:
  - backendRefs: [{name: web, port: 80}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: admin, namespace: edge}
spec:
  parentRefs: [{name: internal}]
  hostnames: [shop.test]
  rules:
  - matches: [{method: POST}]
    filters:
    - type: RequestHeaderModifier
      requestHeaderModifier:
        set: [{name: X-Admin, value: "yes"}]
    backendRefs: [{name: admin-write, port: 80}]
  - backendRefs: [{name: admin, port: 80}]
`

/** The seed's Ingresses beside a Gateway of its own. */
const MIXED = `${SEED_MANIFEST}---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: web}
spec:
  gatewayClassName: example
  listeners:
  - {name: http, protocol: HTTP, port: 80}
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: foo}
spec:
  parentRefs: [{name: web}]
  hostnames: [foo.bar.com]
  rules:
  - backendRefs: [{name: s2, port: 80}]
`

async function route(files: Record<string, string>, argv: readonly string[], language: 'en' | 'ko' = 'en') {
  const io = memoryIo(files, '', language)
  const code = await runCli(['route', ...argv], io)
  const lines = io.out().split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>)
  return { code, lines, err: io.err(), out: io.out() }
}

describe('route through a Gateway', () => {
  test('the input\'s only Gateway answers when there is no Ingress: every key of the contract, in order', async () => {
    const { code, lines, err } = await route({ 'c.yaml': CHAPTER }, ['c.yaml', '--url', 'http://foo.bar.com/foos1/abc'])
    expect(code, err).toBe(0)
    expect(lines).toHaveLength(1)
    const [line] = lines as [Record<string, unknown>]
    expect(Object.keys(line)).toEqual(GATEWAY_FIELDS)
    expect(line).toMatchObject({
      status: 200, service: 's1', port: 80, namespace: 'default',
      route: { kind: 'HTTPRoute', name: 'test-foo', namespace: 'default', rule: 0 },
      rewrittenPath: '/', rewrittenHost: null, location: null, responseHeaders: null,
    })
    expect(Object.keys(line.route as object)).toEqual(['kind', 'name', 'namespace', 'rule'])
    expect((line.trace as string[]).length).toBeGreaterThan(0)
  })

  test('keys that do not apply are present as null: a 404 has no route, a redirect its Location', async () => {
    const missing = await route({ 'c.yaml': CHAPTER }, ['c.yaml', '--url', 'http://foo.bar.com/foos1abc'])
    expect(missing.code, missing.err).toBe(0)
    expect(Object.keys(missing.lines[0]!)).toEqual(GATEWAY_FIELDS)
    expect(missing.lines[0]).toMatchObject({ status: 404, service: null, port: null, namespace: null, route: null, rewrittenPath: null, rewrittenHost: null, location: null })
    const redirect = await route({ 'c.yaml': CHAPTER }, ['c.yaml', '--url', 'http://kube-book.com/x?y=1'])
    expect(Object.keys(redirect.lines[0]!)).toEqual(GATEWAY_FIELDS)
    expect(redirect.lines[0]).toMatchObject({ status: 308, service: null, location: 'https://kube-book.com/x?y=1', route: { name: 'ingress-ssl-redirect', rule: 0 } })
  })

  test('the URL\'s scheme and port pick the listener: https on 443 reaches the HTTPS listener\'s route', async () => {
    const { code, lines, err } = await route({ 'c.yaml': CHAPTER }, ['c.yaml', '--url', 'https://kube-book.com/'])
    expect(code, err).toBe(0)
    expect(lines[0]).toMatchObject({ status: 200, service: 's1', route: { name: 'ingress-ssl' } })
  })

  test('--gateway picks one of two Gateways; --method and the filter\'s header reach the JSON line', async () => {
    const files = { 'g.yaml': TWO_GATEWAYS }
    const internal = await route(files, ['g.yaml', '--gateway', 'edge/internal', '--url', 'http://shop.test:8080/', '--method', 'POST', '--header', 'X-Trace: 1'])
    expect(internal.code, internal.err).toBe(0)
    expect(internal.lines[0]).toMatchObject({ status: 200, service: 'admin-write', namespace: 'edge', route: { name: 'admin', namespace: 'edge', rule: 0 } })
    // The header the request sent and the one the rule's RequestHeaderModifier set.
    expect(internal.lines[0]!.requestHeaders).toEqual({ 'x-trace': '1', 'x-admin': 'yes' })
    const get = await route(files, ['g.yaml', '--gateway', 'edge/internal', '--url', 'http://shop.test:8080/'])
    expect(get.lines[0]).toMatchObject({ service: 'admin', route: { rule: 1 } })
    const pub = await route(files, ['g.yaml', '--gateway', 'edge/public', '--url', 'http://shop.test/', '--method', 'POST'])
    expect(pub.lines[0]).toMatchObject({ status: 200, service: 'web', route: { name: 'shop' } })
  })

  test('two Gateways and no --gateway, or a --gateway the input does not have: exit 2 naming the Gateways, nothing on stdout', async () => {
    for (const argv of [
      ['g.yaml', '--url', 'http://shop.test/'],
      ['g.yaml', '--url', 'http://shop.test/', '--gateway', 'edge/nope'],
      ['g.yaml', '--url', 'http://shop.test/', '--gateway', 'internal'],
    ]) {
      const { code, out, err } = await route({ 'g.yaml': TWO_GATEWAYS }, argv)
      expect(code, argv.join(' ')).toBe(2)
      expect(out).toBe('')
      expect(err).toMatch(/^route: /)
      expect(err).toContain('edge/internal')
      expect(err).toContain('edge/public')
    }
  })

  test('Ingresses and Gateways without --gateway: ingress-nginx answers as before; --gateway routes through the Gateway', async () => {
    const ingress = await route({ 'm.yaml': MIXED }, ['m.yaml', '--url', 'http://foo.bar.com/foos1/abc'])
    expect(ingress.code, ingress.err).toBe(0)
    expect(Object.keys(ingress.lines[0]!)).toEqual(INGRESS_FIELDS)
    expect(ingress.lines[0]).toMatchObject({ status: 200, service: 's1', ingress: 'test' })
    const gateway = await route({ 'm.yaml': MIXED }, ['m.yaml', '--url', 'http://foo.bar.com/foos1/abc', '--gateway', 'default/web'])
    expect(gateway.code, gateway.err).toBe(0)
    expect(Object.keys(gateway.lines[0]!)).toEqual(GATEWAY_FIELDS)
    expect(gateway.lines[0]).toMatchObject({ status: 200, service: 's2', route: { kind: 'HTTPRoute', name: 'foo', namespace: 'default', rule: 0 } })
  })

  test('--gateway on an input without Gateways is a usage error', async () => {
    const { code, out, err } = await route({ 's.yaml': SEED_MANIFEST }, ['s.yaml', '--url', 'http://foo.bar.com/', '--gateway', 'default/web'])
    expect(code).toBe(2)
    expect(out).toBe('')
    expect(err).toMatch(/^route: /)
  })

  test('--cookie through a Gateway travels as the one Cookie header a browser sends (as in the URL tester)', async () => {
    const { code, lines, err } = await route({ 'c.yaml': CHAPTER }, ['c.yaml', '--url', 'http://foo.bar.com/foos1', '--cookie', 'a=b', '--cookie', 'c=d'])
    expect(code, err).toBe(0)
    expect(lines[0]!.requestHeaders).toMatchObject({ cookie: 'a=b; c=d' })
    const written = await route({ 'c.yaml': CHAPTER }, ['c.yaml', '--url', 'http://foo.bar.com/foos1', '--cookie', 'a=b', '--header', 'Cookie: x=y'])
    expect(written.lines[0]!.requestHeaders).toMatchObject({ cookie: 'x=y' })
  })

  test('--requests: one line per request through the chosen Gateway, with each line\'s method and headers', async () => {
    const requests = [
      { url: 'http://shop.test:8080/', method: 'POST' },
      { url: 'http://shop.test:8080/a' },
      { url: 'http://shop.test:8080/b', method: 'GET', headers: { 'X-Trace': '1' } },
      { url: 'http://shop.test/' },
    ].map((request) => JSON.stringify(request)).join('\n') + '\n'
    const { code, lines, err } = await route({ 'g.yaml': TWO_GATEWAYS, 'r.jsonl': requests }, ['g.yaml', '--gateway', 'edge/internal', '--requests', 'r.jsonl'])
    expect(code, err).toBe(0)
    expect(lines.map((line) => [line.status, line.service])).toEqual([[200, 'admin-write'], [200, 'admin'], [200, 'admin'], [lines[3]!.status, null]])
    // Nothing listens on port 80 of the internal Gateway.
    expect(lines[3]!.route).toBeNull()
    for (const line of lines) expect(Object.keys(line)).toEqual(GATEWAY_FIELDS)
  })

  test('--requests: a bad "method" on a line is a file:line:col error, nothing routed; a line\'s cookies travel as a Cookie header', async () => {
    const bad = await route({ 'c.yaml': CHAPTER, 'r.jsonl': '{"url":"http://a/","method":"GE T"}\n{"url":"http://a/","method":7}\n' }, ['c.yaml', '--requests', 'r.jsonl'])
    expect(bad.code).toBe(2)
    expect(bad.out).toBe('')
    expect(bad.err).toBe('r.jsonl:1:1: "method" must be an HTTP method such as "GET" (a token)\nr.jsonl:2:1: "method" must be an HTTP method such as "GET" (a token)\n')
    const cookies = await route({ 'c.yaml': CHAPTER, 'r.jsonl': '{"url":"http://foo.bar.com/foos1"}\n{"url":"http://foo.bar.com/foos1","cookies":{"a":"b"}}\n' }, ['c.yaml', '--requests', 'r.jsonl'])
    expect(cookies.code, cookies.err).toBe(0)
    expect(cookies.lines.map((line) => (line.requestHeaders as Record<string, string> | null)?.cookie ?? null)).toEqual([null, 'a=b'])
  })

  test('--lang ko prints the same trace in Korean, as the engine renders it', async () => {
    const url = 'http://foo.bar.com/foos1/abc'
    const english = await route({ 'c.yaml': CHAPTER }, ['c.yaml', '--url', url])
    const korean = await route({ 'c.yaml': CHAPTER }, ['c.yaml', '--url', url], 'ko')
    const flagIo = memoryIo({ 'c.yaml': CHAPTER })
    expect(await runCli(['--lang', 'ko', 'route', 'c.yaml', '--url', url], flagIo)).toBe(0)
    expect(korean.code, korean.err).toBe(0)
    const { model } = analyze([{ name: 'c.yaml', text: CHAPTER }])
    const result = routeGatewayRequest(compileGateways(model), 'default/chapter', { url })
    expect(korean.lines[0]!.trace).toEqual(result.trace.map((step) => formatMessage(step, 'ko')))
    expect(english.lines[0]!.trace).toEqual(result.trace.map((step) => formatMessage(step, 'en')))
    expect((korean.lines[0]!.trace as string[]).join('\n')).toMatch(/[\uac00-\ud7a3]/)
    expect(korean.lines[0]!.trace).not.toEqual(english.lines[0]!.trace)
    expect({ ...korean.lines[0], trace: null }).toEqual({ ...english.lines[0], trace: null })
    expect(JSON.parse(flagIo.out())).toEqual(korean.lines[0])
  })
})

test('a RegularExpression match that backtracks (nested quantifiers, 32 a\'s and 40 x\'s) answers within a second of CPU time', async () => {
  const manifest = `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: web}
spec:
  gatewayClassName: example
  listeners:
  - {name: http, protocol: HTTP, port: 80}
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: attack}
spec:
  parentRefs: [{name: web}]
  rules:
  - matches:
    - path: {type: RegularExpression, value: "/(a+)+b"}
    - headers: [{name: X-Id, type: RegularExpression, value: "(x+x+)+y"}]
    backendRefs: [{name: app, port: 80}]
`
  const started = process.cpuUsage()
  const { code, lines, err } = await route({ 're.yaml': manifest }, ['re.yaml', '--url', `http://t.test/${'a'.repeat(32)}!b`, '--header', `X-Id: ${'x'.repeat(40)}`])
  const used = process.cpuUsage(started)
  expect(code, err).toBe(0)
  expect((used.user + used.system) / 1000).toBeLessThan(1000)
  expect(lines[0]).toMatchObject({ status: 404, route: null })
})

describe('route --method under ingress-nginx', () => {
  test('the method reaches $request_method in a rewrite-target; a method that is no token is a usage error', async () => {
    const manifest = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: m
  annotations:
    nginx.ingress.kubernetes.io/rewrite-target: /by-method/$request_method
spec:
  rules:
  - host: m.test
    http:
      paths:
      - {path: /, pathType: Prefix, backend: {service: {name: app, port: {number: 80}}}}
`
    const post = await route({ 'm.yaml': manifest }, ['m.yaml', '--url', 'http://m.test/x', '--method', 'POST'])
    expect(post.code, post.err).toBe(0)
    expect(post.lines[0]).toMatchObject({ status: 200, service: 'app', rewrittenPath: '/by-method/POST' })
    const get = await route({ 'm.yaml': manifest }, ['m.yaml', '--url', 'http://m.test/x'])
    expect(get.lines[0]).toMatchObject({ rewrittenPath: '/by-method/GET' })
    const bad = await route({ 'm.yaml': manifest }, ['m.yaml', '--url', 'http://m.test/x', '--method', 'GET /'])
    expect(bad.code).toBe(2)
    expect(bad.err).toBe('route: --method "GET /" must be an HTTP method such as GET (a token)\n')
    const bulk = await route({ 'm.yaml': manifest, 'r.jsonl': '{"url":"http://m.test/","method":"DELETE"}\n{"url":"http://m.test/"}\n' }, ['m.yaml', '--requests', 'r.jsonl'])
    expect(bulk.lines.map((line) => line.rewrittenPath)).toEqual(['/by-method/DELETE', '/by-method/GET'])
    const both = await route({ 'm.yaml': manifest, 'r.jsonl': '{"url":"http://m.test/"}\n' }, ['m.yaml', '--requests', 'r.jsonl', '--method', 'POST'])
    expect(both.code).toBe(2)
    expect(both.err).toBe('route: --method, --header and --cookie go with --url; with --requests put them on each line\n')
  })
})
