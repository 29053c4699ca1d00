/** `parity`, in-process over memoryIo: exit codes, the --against split, --requests, the JSON shape and the text report. */
import { describe, expect, it } from 'vitest'
import { checkParity, type ParityReport } from '../../engine'
import { SEED_MANIFEST } from '../../presets/seed'
import { memoryIo } from '../memory-io'
import { runCli } from '../main'
import { splitAgainst } from './parity'

/** One Ingress with rewrite-target /: nginx sends /foos1/abc upstream as / (docs/routing.md). */
const rewriting = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: test
  annotations:
    nginx.ingress.kubernetes.io/rewrite-target: /
spec:
  ingressClassName: nginx
  rules:
  - host: foo.bar.com
    http:
      paths:
      - {path: /foos1, pathType: Prefix, backend: {service: {name: s1, port: {number: 80}}}}
`

/** The route another conversion tool might write for it: ReplacePrefixMatch, so /foos1/abc goes up as /abc. */
const prefixRoute = `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: web, namespace: default}
spec:
  gatewayClassName: nginx
  listeners:
  - {name: http, protocol: HTTP, port: 80}
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: test, namespace: default}
spec:
  parentRefs: [{name: web}]
  hostnames: [foo.bar.com]
  rules:
  - matches: [{path: {type: PathPrefix, value: /foos1}}]
    filters: [{type: URLRewrite, urlRewrite: {path: {type: ReplacePrefixMatch, replacePrefixMatch: /}}}]
    backendRefs: [{name: s1, port: 80}]
`

/** Nothing ingress-nginx-specific: its conversion must answer every request alike. */
const portable = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: plain}
spec:
  ingressClassName: nginx
  rules:
  - host: plain.example.com
    http:
      paths:
      - {path: /app, pathType: Prefix, backend: {service: {name: app, port: {number: 8080}}}}
      - {path: /exact, pathType: Exact, backend: {service: {name: app, port: {number: 8080}}}}
`

const files = { 'ing.yaml': rewriting, 'route.yaml': prefixRoute, 'plain.yaml': portable, 'seed.yaml': SEED_MANIFEST }
const cli = (language: 'en' | 'ko' = 'en', extra: Record<string, string> = {}) => memoryIo({ ...files, ...extra }, '', language)

const ROUTE_FIELDS = ['status', 'service', 'port', 'namespace', 'ingress', 'host', 'rewrittenPath', 'location', 'canary', 'trace']
const GATEWAY_FIELDS = ['status', 'service', 'port', 'namespace', 'route', 'rewrittenPath', 'rewrittenHost', 'location', 'requestHeaders', 'responseHeaders', 'trace']

function engineReport(files: Record<string, string>, against: Record<string, string> | null): ParityReport {
  const sources = (texts: Record<string, string>) => Object.entries(texts).map(([name, text]) => ({ name, text }))
  const report = checkParity(sources(files), against && sources(against))
  if ('problem' in report) throw new Error('parity runs')
  return report
}

describe('splitAgainst', () => {
  it('takes every argument after --against up to the next option, several --against too', () => {
    expect(splitAgainst(['a.yaml', '--against', 'b.yaml', 'c.yaml', '--format', 'json', 'd.yaml'])).toEqual({ kind: 'ok', rest: ['a.yaml', '--format', 'json', 'd.yaml'], against: ['b.yaml', 'c.yaml'] })
    expect(splitAgainst(['--against=b.yaml', 'c.yaml', '-', '--against', 'e.yaml'])).toEqual({ kind: 'ok', rest: [], against: ['b.yaml', 'c.yaml', '-', 'e.yaml'] })
    expect(splitAgainst(['a.yaml', '--against', 'b.yaml', '--', '--against'])).toEqual({ kind: 'ok', rest: ['a.yaml', '--', '--against'], against: ['b.yaml'] })
    expect(splitAgainst(['a.yaml'])).toEqual({ kind: 'ok', rest: ['a.yaml'], against: null })
  })

  it('refuses an --against without a FILE', () => {
    for (const argv of [['a.yaml', '--against'], ['--against', '--format', 'json', 'a.yaml'], ['--against=', 'a.yaml'], ['a.yaml', '--against', '--']]) {
      expect(splitAgainst(argv), argv.join(' ')).toEqual({ kind: 'error', message: '--against needs at least one FILE' })
    }
  })
})

describe('parity', () => {
  it('takes -o json as --format json', async () => {
    const run = async (args: string[]): Promise<string> => {
      const io = memoryIo({ 'i.yaml': rewriting })
      expect(await runCli(['parity', 'i.yaml', ...args], io)).toBe(1)
      return io.out()
    }
    const json = await run(['--format', 'json'])
    expect(JSON.parse(json)).toMatchObject({ equivalent: false })
    expect(await run(['-o', 'json'])).toBe(json)
  })

  it('exits 1 and prints one JSON object, key by key as the contract says, when a request differs', async () => {
    const io = cli()
    expect(await runCli(['parity', 'ing.yaml', '--against', 'route.yaml', '--format', 'json'], io)).toBe(1)
    expect(io.out().endsWith('}\n')).toBe(true)
    expect(io.out().trimEnd().split('\n')).toHaveLength(1)
    const out = JSON.parse(io.out()) as { equivalent: boolean; requests: number; differences: Record<string, unknown>[]; gateway: string; groups: unknown[] }
    expect(Object.keys(out).slice(0, 5)).toEqual(['equivalent', 'requests', 'differences', 'gateway', 'groups'])
    const report = engineReport({ 'ing.yaml': rewriting }, { 'route.yaml': prefixRoute })
    expect(out.equivalent).toBe(false)
    expect(out.requests).toBe(report.requests)
    expect(out.gateway).toBe('default/web')
    expect(out.differences).toHaveLength(report.differences.length)
    for (const d of out.differences) {
      // The contract's keys in order, then what the engine adds when it applies: why a request was generated, weighted shares.
      const keys = Object.keys(d)
      expect(keys.slice(0, 7)).toEqual(['request', 'ingressNginx', 'gatewayApi', 'fields', 'cause', 'explanation', 'fix'])
      expect(keys.slice(7).every((key) => ['why', 'shares'].includes(key))).toBe(true)
      expect(Object.keys(d.request as object)).toEqual(['url', 'method', 'headers', 'cookies'])
      expect(Object.keys(d.ingressNginx as object).slice(0, ROUTE_FIELDS.length)).toEqual(ROUTE_FIELDS)
      expect(Object.keys(d.gatewayApi as object)).toEqual(GATEWAY_FIELDS)
      expect(Object.keys(d.fix as object)).toEqual(['kind', 'text'])
      expect(typeof d.explanation).toBe('string')
      expect(typeof d.cause).toBe('string')
      expect((d.fields as string[]).length).toBeGreaterThan(0)
    }
    expect(out.groups.map((g) => Object.keys(g as object))).toEqual(report.groups.map(() => ['cause', 'explanation', 'count']))
    // The rewrite-target / difference: nginx sends the whole URI as /, ReplacePrefixMatch keeps the rest.
    const deeper = out.differences.find((d) => (d.request as { url: string }).url === 'http://foo.bar.com/foos1/abc')
      ?? out.differences.find((d) => /^http:\/\/foo\.bar\.com\/foos1\/./.test((d.request as { url: string }).url))
    expect(deeper).toBeDefined()
    expect(deeper?.fields).toContain('rewrittenPath')
    expect((deeper?.ingressNginx as { rewrittenPath: string }).rewrittenPath).toBe('/')
    expect((deeper?.gatewayApi as { rewrittenPath: string }).rewrittenPath).not.toBe('/')
  })

  it('exits 0 for Ingresses without ingress-nginx specifics against their own conversion', async () => {
    const io = cli()
    expect(await runCli(['parity', 'plain.yaml', '--format', 'json'], io)).toBe(0)
    const out = JSON.parse(io.out()) as { equivalent: boolean; requests: number; differences: unknown[] }
    expect(out).toMatchObject({ equivalent: true, differences: [] })
    expect(out.requests).toBeGreaterThan(0)
    const text = cli()
    expect(await runCli(['parity', 'plain.yaml'], text)).toBe(0)
    expect(text.out()).toMatch(/^parity: \d+ requests, every one answered alike by ingress-nginx and by Gateway \S+\n$/)
  })

  it('the seed: migrates, and parity answers what the engine answers (exit 1 exactly when a request differs)', async () => {
    const migrate = cli()
    expect(await runCli(['migrate', '--to', 'gateway-api', 'seed.yaml'], migrate)).toBe(0)
    const report = engineReport({ 'seed.yaml': SEED_MANIFEST }, null)
    const io = cli()
    expect(await runCli(['parity', 'seed.yaml', '--format', 'json'], io)).toBe(report.equivalent ? 0 : 1)
    const out = JSON.parse(io.out()) as { requests: number; differences: { request: { url: string }; cause: string; fields: string[] }[] }
    expect(out.requests).toBe(report.requests)
    expect(out.differences.map((d) => [d.request.url, d.cause, d.fields])).toEqual(report.differences.map((d) => [d.request.url, d.cause, [...d.fields]]))
    // The conversion keeps rewrite-target / as ReplaceFullPath (docs/migration.md#conversion): a request under /foos1
    // reaches s1 as / on both sides, so it is no difference even when asked for.
    const asked = cli('en', { 'r.jsonl': JSON.stringify({ url: 'http://foo.bar.com/foos1/abc' }) + '\n' })
    await runCli(['parity', 'seed.yaml', '--requests', 'r.jsonl', '--format', 'json'], asked)
    const withAsked = JSON.parse(asked.out()) as typeof out
    expect(withAsked.requests).toBe(report.requests + 1)
    expect(withAsked.differences.map((d) => d.request.url)).not.toContain('http://foo.bar.com/foos1/abc')
    // Parity against the converted manifests as --against files answers as parity against the conversion.
    const against = cli('en', { 'converted.yaml': migrate.out() })
    expect(await runCli(['parity', 'seed.yaml', '--against', 'converted.yaml', '--format', 'json'], against)).toBe(report.equivalent ? 0 : 1)
    expect((JSON.parse(against.out()) as { differences: unknown[] }).differences).toHaveLength(report.differences.length)
  })

  it('--requests adds the user\'s own requests to the generated ones', async () => {
    const base = cli()
    await runCli(['parity', 'ing.yaml', '--against', 'route.yaml', '--format', 'json'], base)
    const generated = (JSON.parse(base.out()) as { requests: number }).requests
    const lines = [
      JSON.stringify({ url: 'http://foo.bar.com/foos1/mine/deep', headers: { 'X-Test': '1' } }),
      JSON.stringify({ url: 'http://foo.bar.com/elsewhere', method: 'POST' }),
    ].join('\n')
    const io = cli('en', { 'r.jsonl': lines })
    expect(await runCli(['parity', 'ing.yaml', '--requests', 'r.jsonl', '--against', 'route.yaml', '--format', 'json'], io)).toBe(1)
    const out = JSON.parse(io.out()) as { requests: number; differences: { request: Record<string, unknown> }[] }
    expect(out.requests).toBe(generated + 2)
    const mine = out.differences.find((d) => d.request.url === 'http://foo.bar.com/foos1/mine/deep')
    expect(mine?.request).toEqual({ url: 'http://foo.bar.com/foos1/mine/deep', method: 'GET', headers: { 'X-Test': '1' }, cookies: {} })
  })

  it('text: a summary, each cause with its count, explanation and fix, each request with field: ingress-nginx → gateway-api and both traces', async () => {
    const io = cli()
    expect(await runCli(['parity', 'ing.yaml', '--against', 'route.yaml'], io)).toBe(1)
    const report = engineReport({ 'ing.yaml': rewriting }, { 'route.yaml': prefixRoute })
    const text = io.out()
    expect(text).toMatch(new RegExp(`^parity: ${report.differences.length} of ${report.requests} requests answered differently by ingress-nginx and by Gateway default/web, ${report.groups.length} causes?\\n`))
    for (const group of report.groups) expect(text).toContain(`\n${group.cause}: ${group.count} request`)
    expect(text).toMatch(/\n {4}rewrittenPath: \/ → \/\S*\n/)
    expect(text).toMatch(/Fix \((change the Ingress|change the route|accept)\): \S/)
    expect(text).toContain('    ingress-nginx\n')
    expect(text).toContain('    Gateway API (default/web)\n')
    // No terminal width known (a pipe): the traces one after the other; a wide terminal puts them side by side.
    const wide = { ...cli(), columns: 200 }
    expect(await runCli(['parity', 'ing.yaml', '--against', 'route.yaml'], wide)).toBe(1)
    expect(wide.out()).toMatch(/\n {4}ingress-nginx +\| Gateway API \(default\/web\)\n/)
    expect(wide.out().split('\n').filter((line) => line.length > 200)).toEqual([])
    expect(io.err()).toBe('')
  })

  it('text: a request\'s control and bidi characters are printed escaped, so each line stays one line', async () => {
    const hostile = JSON.stringify({ url: 'http://foo.bar.com/foos1/\u001b[31mred\u202e', headers: { 'X-Note': 'a\rb' } })
    const io = cli('en', { 'r.jsonl': `${hostile}\n` })
    expect(await runCli(['parity', 'ing.yaml', '--against', 'route.yaml', '--requests', 'r.jsonl'], io)).toBe(1)
    expect(io.out()).toContain('GET http://foo.bar.com/foos1/\\x1b[31mred\\u202e  (X-Note: a\\rb)')
    // eslint-disable-next-line no-control-regex -- looking for raw control characters is the point
    expect(io.out()).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/)
  })

  it('--lang ko: traces, explanations and fixes in Korean; keys, codes and fields as in English', async () => {
    const en = cli()
    const ko = cli('ko')
    expect(await runCli(['parity', 'ing.yaml', '--against', 'route.yaml', '--format', 'json'], en)).toBe(1)
    expect(await runCli(['parity', 'ing.yaml', '--against', 'route.yaml', '--format', 'json', '--lang', 'ko'], ko)).toBe(1)
    type Out = { differences: { cause: string; fields: string[]; explanation: string; ingressNginx: { trace: string[] }; gatewayApi: { trace: string[] } }[] }
    const a = JSON.parse(en.out()) as Out
    const b = JSON.parse(ko.out()) as Out
    expect(b.differences.map((d) => [d.cause, d.fields])).toEqual(a.differences.map((d) => [d.cause, d.fields]))
    const first = b.differences[0]
    expect(first?.explanation).toMatch(/[\uac00-\ud7a3]/)
    expect(first?.ingressNginx.trace.join(' ')).toMatch(/[\uac00-\ud7a3]/)
    expect(first?.gatewayApi.trace.join(' ')).toMatch(/[\uac00-\ud7a3]/)
    expect(a.differences[0]?.explanation).not.toMatch(/[\uac00-\ud7a3]/)
  })

  it('exits 2 with nothing on stdout on usage errors and invalid input', async () => {
    const bad = 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: i}\nspec:\n  rules:\n  - host: Foo.com\n'
    const extra = { 'bad.yaml': bad, 'bad.jsonl': '{"url":"ftp://x/"}\n', 'ok.jsonl': '{"url":"http://foo.bar.com/"}\n' }
    for (const argv of [
      ['parity'],
      ['parity', '--format', 'json'],
      ['parity', 'ing.yaml', '--against'],
      ['parity', 'ing.yaml', '--against', '--format', 'json'],
      ['parity', 'ing.yaml', '--format', 'yaml'],
      ['parity', 'ing.yaml', '--against', 'route.yaml', '--gateway-class', 'eg'],
      ['parity', 'ing.yaml', '--frobnicate'],
      ['parity', 'missing.yaml'],
      ['parity', 'ing.yaml', '--against', 'missing.yaml'],
      ['parity', 'bad.yaml'],
      ['parity', 'ing.yaml', '--against', 'bad.yaml'],
      ['parity', 'ing.yaml', '--requests', 'bad.jsonl'],
      ['parity', 'ing.yaml', '--requests', 'missing.jsonl'],
      ['parity', '-', '--against', '-'],
      ['parity', '-', '--requests', '-'],
      ['parity', 'ing.yaml', '--against', 'route.yaml', '--gateway', 'default/missing'],
    ]) {
      const io = cli('en', extra)
      expect(await runCli(argv, io), argv.join(' ')).toBe(2)
      expect(io.out(), argv.join(' ')).toBe('')
      expect(io.err(), argv.join(' ')).not.toBe('')
    }
    const rejected = cli('en', extra)
    await runCli(['parity', 'bad.yaml'], rejected)
    expect(rejected.err()).toMatch(/^bad\.yaml:6:11: spec\.rules\[0\]\.host: Invalid value: "Foo\.com"/)
    const lines = cli('en', extra)
    await runCli(['parity', 'ing.yaml', '--requests', 'bad.jsonl'], lines)
    expect(lines.err()).toBe('bad.jsonl:1:1: "url" must be an absolute http:// or https:// URL\n')
  })

  it('--help is the usage and lists every option', async () => {
    const io = cli()
    expect(await runCli(['parity', '--help'], io)).toBe(0)
    expect(io.out()).toMatch(/^Usage: parity FILE\.\.\. \[--against FILE\.\.\.\] \[--format text\|json\]/)
    for (const option of ['--against FILE...', '--format text|json', '--requests FILE', '--gateway NAMESPACE/NAME', '--gateway-class NAME', '-h, --help']) expect(io.out()).toContain(option)
    const all = cli()
    expect(await runCli(['--help'], all)).toBe(0)
    expect(all.out()).toMatch(/\n {2}parity +send the same requests/)
  })
})
