/**
 * `lint` reports the status a Gateway API controller would write on HTTPRoutes (Accepted and ResolvedRefs that
 * are not True, with their reasons) at the parentRef or backendRef they are about, in the text and JSON forms,
 * in both languages, and under the rule settings (README.md, "Command line"; docs/gateway-api.md#command-line).
 * In-process over a fake CliIo with the real engine.
 */
import { describe, expect, test } from 'vitest'
import { memoryIo } from '../memory-io'
import { runCli } from '../main'

/** Each HTTPRoute breaks one rule of attachment or reference (shared_types.go RouteConditionReason). */
const MANIFEST = `apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: example}
spec: {controllerName: example.com/gateway-controller}
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: web, namespace: edge}
spec:
  gatewayClassName: example
  listeners:
  - {name: http, protocol: HTTP, port: 80, hostname: "*.example.com"}
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: shop, namespace: shop}
spec:
  parentRefs:
  - {name: web, namespace: edge}
  rules:
  - backendRefs: [{name: app, port: 80}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: api, namespace: edge}
spec:
  parentRefs:
  - {name: web}
  hostnames: [api.other.org]
  rules:
  - backendRefs: [{name: app, port: 80}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: cross, namespace: edge}
spec:
  parentRefs:
  - {name: web}
  - {name: gone}
  rules:
  - backendRefs:
    - {name: db, namespace: data, port: 80}
    - {group: example.com, kind: Bucket, name: b}
    - {name: missing, port: 80}
---
apiVersion: v1
kind: Service
metadata: {name: app, namespace: edge}
spec:
  ports: [{port: 80}]
---
apiVersion: v1
kind: Service
metadata: {name: app, namespace: shop}
spec:
  ports: [{port: 80}]
`

/** 1-based line and column of the list item `- needle` (the reference itself, not the dash) in the manifest. */
function positionOf(needle: string): string {
  const item = MANIFEST.indexOf(`- ${needle}`)
  if (item < 0) throw new Error(`not in the manifest: ${needle}`)
  const offset = item + 2
  const before = MANIFEST.slice(0, offset).split('\n')
  return `${before.length}:${(before.at(-1) as string).length + 1}`
}

async function lint(argv: readonly string[], language: 'en' | 'ko' = 'en') {
  const io = memoryIo({ 'gw.yaml': MANIFEST }, '', language)
  const code = await runCli(['lint', 'gw.yaml', ...argv], io)
  return { code, out: io.out(), err: io.err() }
}

/** Where each finding points and the condition it states. */
const EXPECTED = [
  { at: '{name: web, namespace: edge}', rule: 'gateway-route-not-accepted', condition: 'Accepted False (NotAllowedByListeners)' },
  { at: '{name: web}\n  hostnames', rule: 'gateway-route-not-accepted', condition: 'Accepted False (NoMatchingListenerHostname)' },
  { at: '{name: gone}', rule: 'gateway-route-not-accepted', condition: 'Accepted False (NoMatchingParent)' },
  { at: '{name: db, namespace: data, port: 80}', rule: 'gateway-route-ref-not-resolved', condition: 'ResolvedRefs False (RefNotPermitted)' },
  { at: '{group: example.com, kind: Bucket, name: b}', rule: 'gateway-route-ref-not-resolved', condition: 'ResolvedRefs False (InvalidKind)' },
  { at: '{name: missing, port: 80}', rule: 'gateway-route-ref-not-resolved', condition: 'ResolvedRefs False (BackendNotFound)' },
]

describe('lint: HTTPRoute status conditions', () => {
  test('text: one file:line:col: severity rule: message line per condition, at the parentRef or backendRef', async () => {
    const { code, out, err } = await lint([])
    expect(err).toBe('')
    expect(code).toBe(0)
    const lines = out.split('\n').filter(Boolean)
    expect(lines).toHaveLength(EXPECTED.length)
    for (const [i, expected] of EXPECTED.entries()) {
      expect(lines[i]).toMatch(new RegExp(`^gw\\.yaml:${positionOf(expected.at)}: warning ${expected.rule}: HTTPRoute `))
      expect(lines[i]).toContain(expected.condition)
    }
  })

  test('json: the same findings with their ranges, counted as warnings', async () => {
    const { code, out } = await lint(['--format', 'json'])
    expect(code).toBe(0)
    const report = JSON.parse(out) as { diagnostics: { line: number; column: number; endLine: number; endColumn: number; rule: string; severity: string; message: string }[]; errors: number; warnings: number }
    expect(report).toMatchObject({ errors: 0, warnings: EXPECTED.length })
    expect(report.diagnostics.map((d) => `${d.line}:${d.column} ${d.rule}`)).toEqual(EXPECTED.map((e) => `${positionOf(e.at)} ${e.rule}`))
    for (const [i, d] of report.diagnostics.entries()) {
      const at = EXPECTED[i]!.at.split('\n')[0] as string
      // The range covers the reference as written (a flow mapping on one line here).
      expect(d.endLine).toBe(d.line)
      expect(d.endColumn - d.column).toBe(at.length)
      expect(d.message).toContain(EXPECTED[i]!.condition)
    }
  })

  test('--severity makes them errors (exit 1), --disable leaves them out', async () => {
    const strict = await lint(['--severity', 'gateway-route-not-accepted=error', '--disable', 'gateway-route-ref-not-resolved'])
    expect(strict.code).toBe(1)
    const lines = strict.out.split('\n').filter(Boolean)
    expect(lines).toHaveLength(3)
    for (const line of lines) expect(line).toMatch(/: error gateway-route-not-accepted: /)
  })

  test('--lang ko: the words in Korean, the condition type, status and reason as the controller writes them', async () => {
    const { out } = await lint([], 'ko')
    const lines = out.split('\n').filter(Boolean)
    expect(lines).toHaveLength(EXPECTED.length)
    for (const [i, expected] of EXPECTED.entries()) {
      expect(lines[i]).toContain(`gw.yaml:${positionOf(expected.at)}: warning ${expected.rule}: `)
      expect(lines[i]).toContain(expected.condition)
      expect(lines[i]).toMatch(/[\uac00-\ud7a3]/)
    }
  })

  test('route goes on through the Gateway and prints only findings of severity error on stderr', async () => {
    const io = memoryIo({ 'gw.yaml': MANIFEST })
    expect(await runCli(['route', 'gw.yaml', '--url', 'http://a.example.com/'], io)).toBe(0)
    expect(io.err()).toBe('')
    expect(JSON.parse(io.out())).toMatchObject({ status: 500, route: { name: 'cross', namespace: 'edge', rule: 0 } })
  })
})
