/** The `route` and `nginx-conf` commands, in-process over a fake CliIo. */
import { beforeAll, describe, expect, test } from 'vitest'
import { GATEWAY_API } from '../../presets/gateway-preset'
import { SEED_MANIFEST } from '../../presets/seed'
import { memoryIo } from '../memory-io'
import { runCli } from '../main'

const fakeIo = (files: Record<string, string> = {}) => memoryIo(files, files['-'] ?? '')

const FIELDS = ['status', 'service', 'port', 'namespace', 'ingress', 'host', 'rewrittenPath', 'location', 'canary', 'trace']
const canary = `${SEED_MANIFEST}
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: s1-canary
  annotations:
    nginx.ingress.kubernetes.io/canary: "true"
    nginx.ingress.kubernetes.io/canary-by-header: X-Canary
spec:
  rules:
  - host: kube-book.com
    http:
      paths:
      - path: /
        pathType: ImplementationSpecific
        backend:
          service: {name: s1-next, port: {number: 80}}
---
# The seed has Services, so the canary's must exist too (a canary without endpoints keeps the primary: docs/routing.md#assumptions).
apiVersion: v1
kind: Service
metadata:
  name: s1-next
spec:
  selector: {app: s1}
  ports: [{port: 80, targetPort: 8080}]
`

// The commands are imported on first use (main.ts); on a busy machine transforming the engine takes over the 5 s a test gets.
beforeAll(() => import('./route'), 30_000)

describe('route --url', () => {
  test('prints one JSON line with exactly the contract\'s fields, in order', async () => {
    const io = fakeIo({ 'seed.yaml': SEED_MANIFEST })
    expect(await runCli(['route', 'seed.yaml', '--url', 'http://foo.bar.com/foos1/abc'], io)).toBe(0)
    const lines = io.out().split('\n').filter(Boolean)
    expect(lines).toHaveLength(1)
    const result = JSON.parse(lines[0] as string)
    expect(Object.keys(result)).toEqual(FIELDS)
    expect(result).toMatchObject({ status: 200, service: 's1', port: 80, namespace: 'default', ingress: 'test', host: 'foo.bar.com', rewrittenPath: '/', location: null, canary: false })
    expect(io.err()).toBe('')
  })

  test('prints the trace as English sentences, and in the language the CLI was given', async () => {
    const run = async (language: 'en' | 'ko') => {
      const io = memoryIo({ 'seed.yaml': SEED_MANIFEST }, '', language)
      expect(await runCli(['route', 'seed.yaml', '--url', 'http://foo.bar.com/foos1/abc'], io)).toBe(0)
      return (JSON.parse(io.out()) as { trace: string[] }).trace
    }
    const english = await run('en')
    expect(english[0]).toBe('Request http://foo.bar.com/foos1/abc: nginx matches the host foo.bar.com and the path /foos1/abc.')
    expect(english.at(-1)).toBe('Answer: proxied to s1:80 as /.')
    const korean = await run('ko')
    expect(korean).toHaveLength(english.length)
    expect(korean.at(-1)).toBe('응답: s1:80에 프록시합니다(업스트림 요청: /).')
  })

  test('--header and --cookie reach the canary decision', async () => {
    const io = fakeIo({ 'c.yaml': canary })
    expect(await runCli(['route', 'c.yaml', '--url', 'https://kube-book.com/', '--header', 'X-Canary: always'], io)).toBe(0)
    expect(JSON.parse(io.out())).toMatchObject({ status: 200, service: 's1-next', ingress: 's1-canary', canary: true })
  })

  test('session affinity: the line names the pod and the Set-Cookie, and --cookie with that value sticks to the pod', async () => {
    const sticky = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: shop
  annotations:
    nginx.ingress.kubernetes.io/affinity: cookie
spec:
  rules:
  - host: shop.test
    http:
      paths:
      - {path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  selector: {app: web}
  ports: [{port: 80, targetPort: 8080}]
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 3
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: web, image: web:1}]}
`
    const first = fakeIo({ 's.yaml': sticky })
    expect(await runCli(['route', 's.yaml', '--url', 'http://shop.test/cart'], first)).toBe(0)
    const answer = JSON.parse(first.out()) as { affinity: { pod: string; cookie: string; sent: null; setCookie: string } }
    expect(answer.affinity).toMatchObject({ cookie: 'INGRESSCOOKIE', sent: null })
    expect(answer.affinity.pod).toMatch(/^default\/web#[1-3]$/)
    expect(answer.affinity.setCookie).toMatch(/^INGRESSCOOKIE=[^;]+; Path=\/; HttpOnly$/)
    const value = answer.affinity.setCookie.slice('INGRESSCOOKIE='.length).split(';')[0] as string
    const again = fakeIo({ 's.yaml': sticky })
    expect(await runCli(['route', 's.yaml', '--url', 'http://shop.test/other', '--cookie', `INGRESSCOOKIE=${value}`], again)).toBe(0)
    expect(JSON.parse(again.out()).affinity).toEqual({ pod: answer.affinity.pod, cookie: 'INGRESSCOOKIE', sent: value, setCookie: null })
  })

  test('usage errors exit 2 with nothing on stdout', async () => {
    for (const argv of [
      ['route', 'seed.yaml'],
      ['route', '--url', 'http://a/'],
      ['route', 'seed.yaml', '--url', 'foo.bar.com/x'],
      ['route', 'seed.yaml', '--url', 'http://a/', '--header', 'nocolon'],
      ['route', 'seed.yaml', '--url', 'http://a/', '--requests', 'r.jsonl'],
      ['route', 'missing.yaml', '--url', 'http://a/'],
    ]) {
      const io = fakeIo({ 'seed.yaml': SEED_MANIFEST })
      expect(await runCli(argv, io)).toBe(2)
      expect(io.out()).toBe('')
      expect(io.err()).toMatch(/^route: /)
    }
  })

  test('invalid input exits 2 with file:line:col: message on stderr', async () => {
    const bad = 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: i}\nspec:\n  rules:\n  - host: Foo.com\n'
    const io = fakeIo({ 'bad.yaml': bad })
    expect(await runCli(['route', 'bad.yaml', '--url', 'http://foo.com/'], io)).toBe(2)
    expect(io.out()).toBe('')
    expect(io.err()).toMatch(/^bad\.yaml:\d+:\d+: /m)
  })
})

describe('route --requests', () => {
  test('one result line per JSONL request, in order, with one seeded random sequence', async () => {
    const requests = [
      { url: 'http://foo.bar.com/foos1/abc' },
      { url: 'http://kube-book.com/' },
      { url: 'https://kube-book.com/', headers: { 'X-Canary': 'never' } },
      { url: 'https://kube-book.com/', cookies: {}, headers: { 'X-Canary': 'always' } },
    ].map((request) => JSON.stringify(request)).join('\n') + '\n\n'
    const run = async (): Promise<string> => {
      const io = fakeIo({ 'c.yaml': canary, 'r.jsonl': requests })
      expect(await runCli(['route', 'c.yaml', '--requests', 'r.jsonl'], io)).toBe(0)
      return io.out()
    }
    const out = await run()
    const results = out.trim().split('\n').map((line) => JSON.parse(line))
    expect(results.map((result) => [result.status, result.service, result.canary])).toEqual([
      [200, 's1', false], [308, null, false], [200, 's1', false], [200, 's1-next', true],
    ])
    expect(await run()).toBe(out)
  })

  test('--no-trace: the same lines without "trace", through ingress-nginx and through a Gateway, across write batches', async () => {
    const urls = ['http://foo.bar.com/foos1/abc', 'http://kube-book.com/', 'http://nobody.test/']
    // 3,000 lines: more than one 64 KB batch of output.
    const requests = Array.from({ length: 3000 }, (_, i) => JSON.stringify({ url: urls[i % 3] })).join('\n')
    const lines = async (extra: string[]): Promise<Record<string, unknown>[]> => {
      const io = fakeIo({ 'seed.yaml': SEED_MANIFEST, 'r.jsonl': requests })
      expect(await runCli(['route', 'seed.yaml', '--requests', 'r.jsonl', ...extra], io)).toBe(0)
      return io.out().trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>)
    }
    const traced = await lines([])
    const plain = await lines(['--no-trace'])
    expect(plain).toHaveLength(3000)
    expect(plain).toEqual(traced.map(({ trace: _trace, ...rest }) => rest))
    expect(Object.keys(plain[0] ?? {})).toEqual(FIELDS.filter((field) => field !== 'trace'))
    expect(plain.slice(0, 3).map((line) => line.status)).toEqual([200, 308, 404])

    const io = fakeIo({ 'gw.yaml': GATEWAY_API.manifest })
    expect(await runCli(['route', 'gw.yaml', '--url', 'http://foo.bar.com/foos1/abc', '--no-trace'], io)).toBe(0)
    const gateway = JSON.parse(io.out()) as Record<string, unknown>
    expect(gateway).not.toHaveProperty('trace')
    expect(gateway).toMatchObject({ status: 200 })
  })

  test('a malformed line is reported as file:line:col and nothing is printed', async () => {
    const io = fakeIo({ 'seed.yaml': SEED_MANIFEST, 'r.jsonl': '{"url":"http://a/"}\nnot json\n{"headers":{}}\n' })
    expect(await runCli(['route', 'seed.yaml', '--requests', 'r.jsonl'], io)).toBe(2)
    expect(io.out()).toBe('')
    expect(io.err()).toBe('r.jsonl:2:1: not a JSON object\nr.jsonl:3:1: each line needs "url" (a string)\n')
  })
})

describe('nginx-conf', () => {
  test('prints the rendered configuration of the input', async () => {
    const io = fakeIo({ 'seed.yaml': SEED_MANIFEST })
    expect(await runCli(['nginx-conf', 'seed.yaml'], io)).toBe(0)
    expect(io.out()).toContain('## start server foo.bar.com')
    expect(io.out()).toContain('rewrite "(?i)/foos1" / break;')
  })

  test('exits 2 without files, and on invalid input', async () => {
    const none = fakeIo()
    expect(await runCli(['nginx-conf'], none)).toBe(2)
    const bad = fakeIo({ 'bad.yaml': 'kind: Ingress\napiVersion: networking.k8s.io/v1\nmetadata: {name: x}\nspec: {rules: [{host: "a b"}]}\n' })
    expect(await runCli(['nginx-conf', 'bad.yaml'], bad)).toBe(2)
    expect(bad.out()).toBe('')
    expect(bad.err()).toMatch(/^bad\.yaml:\d+:\d+: /m)
  })
})
