/** `migrate --to gateway-api`, in-process over memoryIo: stdout is the engine's conversion, the report is on stderr. */
import { describe, expect, it } from 'vitest'
import { analyze, convertToGatewayApi, formatMessage, type ConversionFinding, type GatewayConversion } from '../../engine'
import { SEED_MANIFEST } from '../../presets/seed'
import { memoryIo } from '../memory-io'
import { runCli } from '../main'

const FINDING = /^seed\.yaml:\d+:\d+: (warning|info) migrate-gateway\/[a-z0-9-]+: \S/

/** What the engine answers for the seed, to compare the command's output with. */
function seedConversion(options = {}): GatewayConversion {
  const conversion = convertToGatewayApi([{ name: 'seed.yaml', text: SEED_MANIFEST }], options)
  if ('problem' in conversion) throw new Error('the seed converts')
  return conversion
}

const annotated = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web
  namespace: shop
  annotations:
    nginx.ingress.kubernetes.io/limit-rps: "5"
spec:
  ingressClassName: nginx
  rules:
  - host: shop.example.com
    http:
      paths:
      - {path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}
`

describe('migrate --to gateway-api', () => {
  it('prints exactly the conversion on stdout, a Gateway and HTTPRoutes the engine reads back', async () => {
    const io = memoryIo({ 'seed.yaml': SEED_MANIFEST })
    expect(await runCli(['migrate', '--to', 'gateway-api', 'seed.yaml'], io)).toBe(0)
    const conversion = seedConversion()
    expect(io.out()).toBe(conversion.text)
    const { model } = analyze([{ name: 'out.yaml', text: io.out() }])
    expect(model.gateways.length).toBe(conversion.objects.filter((o) => o.kind === 'Gateway').length)
    expect(model.httpRoutes.length).toBe(conversion.objects.filter((o) => o.kind === 'HTTPRoute').length)
    expect(model.httpRoutes.length).toBeGreaterThan(0)
  })

  it('reports each finding as file:line:col: severity migrate-gateway/code: message, then one summary line', async () => {
    const io = memoryIo({ 'seed.yaml': SEED_MANIFEST })
    expect(await runCli(['migrate', '--to', 'gateway-api', 'seed.yaml'], io)).toBe(0)
    const conversion = seedConversion()
    const lines = io.err().trimEnd().split('\n')
    expect(lines).toHaveLength(conversion.findings.length + 1)
    for (const line of lines.slice(0, -1)) expect(line).toMatch(FINDING)
    const routes = conversion.objects.filter((o) => o.kind === 'HTTPRoute').length
    expect(lines.at(-1)).toMatch(new RegExp(`^migrate: 3 Ingresses -> ${routes} HTTPRoutes? .*on Gateway ${conversion.gateway} \\((written|from the input)\\); ${conversion.findings.length} findings?`))
  })

  it('--report json: one object on stderr with the gateway, the objects and each finding at its line and column', async () => {
    const io = memoryIo({ 'a.yaml': annotated })
    expect(await runCli(['migrate', '--to', 'gateway-api', '--report', 'json', 'a.yaml'], io)).toBe(0)
    const report = JSON.parse(io.err()) as { gateway: string; objects: Record<string, unknown>[]; findings: Record<string, unknown>[] }
    expect(Object.keys(report)).toEqual(['gateway', 'objects', 'findings'])
    const conversion = convertToGatewayApi([{ name: 'a.yaml', text: annotated }])
    if ('problem' in conversion) throw new Error('converts')
    expect(report.gateway).toBe(conversion.gateway)
    expect(report.objects).toEqual(conversion.objects.map(({ kind, namespace, name, from }) => ({ kind, namespace, name, from })))
    expect(report.findings).toHaveLength(conversion.findings.length)
    // A rate limit has no Gateway API equivalent: the converter reports it, at the annotation's key (as lint would).
    const limit = report.findings.find((f) => f.annotation === 'nginx.ingress.kubernetes.io/limit-rps')
    expect(limit).toBeDefined()
    expect(Object.keys(limit as object)).toEqual(['code', 'severity', 'ingress', 'annotation', 'file', 'line', 'column', 'message'])
    expect(limit).toMatchObject({ severity: 'warning', ingress: 'shop/web', file: 'a.yaml', line: 7, column: 5 })
    expect(annotated.split('\n')[6]?.slice(4)).toMatch(/^nginx\.ingress\.kubernetes\.io\/limit-rps:/)
    expect(limit?.message).toBe(formatMessage((conversion.findings.find((f) => f.annotation === limit?.annotation) as ConversionFinding).text, 'en'))
    expect(io.out()).toBe(conversion.text)
  })

  it('--gateway-class and --gateway reach the conversion', async () => {
    const io = memoryIo({ 'a.yaml': annotated })
    expect(await runCli(['migrate', '--to', 'gateway-api', 'a.yaml', '--gateway-class', 'eg', '--gateway', 'infra/edge', '--report', 'json'], io)).toBe(0)
    expect(JSON.parse(io.err()).gateway).toBe('infra/edge')
    const { model } = analyze([{ name: 'out.yaml', text: io.out() }])
    expect(model.gateways.map((g) => [`${g.meta.namespace}/${g.meta.name}`, g.gatewayClassName])).toEqual([['infra/edge', 'eg']])
  })

  it('a --gateway of the input is used as it is: no Gateway written, the summary says it came from the input', async () => {
    const withGateway = `${annotated}---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: edge, namespace: shop}
spec:
  gatewayClassName: eg
  listeners:
  - {name: http, protocol: HTTP, port: 80}
`
    const io = memoryIo({ 'a.yaml': withGateway })
    expect(await runCli(['migrate', '--to', 'gateway-api', 'a.yaml', '--gateway', 'shop/edge', '--report', 'text'], io)).toBe(0)
    const { model } = analyze([{ name: 'out.yaml', text: io.out() }])
    expect(model.gateways).toEqual([])
    expect(model.httpRoutes.map((route) => route.meta.name)).toHaveLength(1)
    expect(io.err().trimEnd().split('\n').at(-1)).toMatch(/^migrate: 1 Ingress -> 1 HTTPRoute on Gateway shop\/edge \(from the input\); \d+ findings? /)
  })

  it('--lang ko: the findings in Korean, the codes and form as in English', async () => {
    const io = memoryIo({ 'a.yaml': annotated }, '', 'ko')
    expect(await runCli(['migrate', '--to', 'gateway-api', 'a.yaml'], io)).toBe(0)
    const english = memoryIo({ 'a.yaml': annotated })
    await runCli(['migrate', '--to', 'gateway-api', 'a.yaml'], english)
    const ko = io.err().split('\n').filter((line) => line.startsWith('a.yaml:'))
    const en = english.err().split('\n').filter((line) => line.startsWith('a.yaml:'))
    expect(ko.length).toBe(en.length)
    expect(ko.length).toBeGreaterThan(0)
    expect(ko.map((line) => line.split(': ').slice(0, 2).join(': '))).toEqual(en.map((line) => line.split(': ').slice(0, 2).join(': ')))
    expect(ko.join('\n')).toMatch(/[\uac00-\ud7a3]/)
    expect(io.out()).toBe(english.out())
  })

  it('exits 2 with nothing on stdout for input the API server rejects, a bad --gateway, and usage errors', async () => {
    const bad = 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: i}\nspec:\n  rules:\n  - host: Foo.com\n'
    for (const argv of [
      ['migrate', '--to', 'gateway-api', 'bad.yaml'],
      ['migrate', '--to', 'gateway-api', 'bad.yaml', '--report', 'json'],
      ['migrate', '--to', 'gateway-api', 'seed.yaml', '--gateway', 'no-namespace'],
      ['migrate', '--to', 'istio', 'seed.yaml'],
      ['migrate', '--to', 'gateway-api'],
      ['migrate', '--to', 'gateway-api', 'missing.yaml'],
      ['migrate', '--to', 'gateway-api', 'seed.yaml', '--report', 'yaml'],
      ['migrate', '--to', 'gateway-api', 'seed.yaml', '--explain'],
      ['migrate', 'seed.yaml', '--gateway-class', 'eg'],
      ['migrate', 'seed.yaml', '--report', 'json'],
    ]) {
      const io = memoryIo({ 'seed.yaml': SEED_MANIFEST, 'bad.yaml': bad })
      expect(await runCli(argv, io), argv.join(' ')).toBe(2)
      expect(io.out(), argv.join(' ')).toBe('')
      expect(io.err(), argv.join(' ')).not.toBe('')
    }
    const rejected = memoryIo({ 'bad.yaml': bad })
    await runCli(['migrate', '--to', 'gateway-api', 'bad.yaml'], rejected)
    expect(rejected.err()).toMatch(/^bad\.yaml:6:11: spec\.rules\[0\]\.host: Invalid value: "Foo\.com"/)
  })

  it('without --to keeps rewriting API versions, and --help lists the Gateway API options', async () => {
    const io = memoryIo({ 'seed.yaml': SEED_MANIFEST })
    expect(await runCli(['migrate', 'seed.yaml'], io)).toBe(0)
    expect(io.out()).toContain('apiVersion: networking.k8s.io/v1\nkind: Ingress')
    expect(io.out()).not.toContain('HTTPRoute')
    const help = memoryIo()
    expect(await runCli(['migrate', '--help'], help)).toBe(0)
    expect(help.out()).toMatch(/^Usage: migrate FILE\.\.\. \[--explain\]\n {7}migrate --to gateway-api FILE\.\.\./)
    for (const option of ['--to gateway-api', '--gateway-class NAME', '--gateway NAMESPACE/NAME', '--report text|json']) expect(help.out()).toContain(option)
  })
})
