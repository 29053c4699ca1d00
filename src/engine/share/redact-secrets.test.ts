import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { SEED_MANIFEST } from '../../presets/seed'
import { REDACTED, redactSecrets } from './redact-secrets'

/** The redacted text and count; fails the test when the redactor refuses. */
function redact(text: string): { text: string; redacted: number } {
  const result = redactSecrets(text)
  if (result.kind !== 'redacted') throw new Error(`refused: ${result.message}`)
  return { text: result.text, redacted: result.redacted }
}

/** Lines of `before` that differ in `after` (same line count expected). */
function changedLines(before: string, after: string): [string, string][] {
  const a = before.split('\n')
  const b = after.split('\n')
  expect(b).toHaveLength(a.length)
  return a.flatMap((line, i) => (line === b[i] ? [] : [[line, b[i] as string] as [string, string]]))
}

describe('redactSecrets', () => {
  it('replaces only the seed Secret\'s two values', () => {
    const { text, redacted } = redact(SEED_MANIFEST)
    expect(redacted).toBe(2)
    expect(changedLines(SEED_MANIFEST, text).map(([, after]) => after)).toEqual([`  tls.crt: ${REDACTED}`, `  tls.key: ${REDACTED}`])
    expect(text).not.toContain('LS0tLS1CRUdJTi')
  })

  it.each([
    ['plain', 'data:\n  a: c2VjcmV0\n', 'data:\n  a: REDACTED\n'],
    ['double-quoted', 'data:\n  a: "c2VjcmV0"\n', 'data:\n  a: "REDACTED"\n'],
    ['single-quoted', "stringData:\n  a: 'p@ss'\n", "stringData:\n  a: 'REDACTED'\n"],
    ['comment after the value', 'data:\n  a: c2VjcmV0 # note\n', 'data:\n  a: REDACTED # note\n'],
    ['literal block', 'data:\n  a: |\n    bGluZTE=\n    bGluZTI=\n  b: eA==\n', 'data:\n  a: REDACTED\n  b: REDACTED\n'],
    ['folded block at the end', 'stringData:\n  a: >-\n    one\n    two\n', 'stringData:\n  a: REDACTED\n'],
    ['flow map', 'stringData: {user: admin, pass: "x"}\n', 'stringData: {user: REDACTED, pass: "REDACTED"}\n'],
    ['anchored value', 'data:\n  a: &v c2VjcmV0\n  b: *v\n', 'data:\n  a: &v REDACTED\n  b: *v\n'],
    ['empty values stay', 'data:\n  a: ""\n  b:\n', 'data:\n  a: ""\n  b:\n'],
  ])('%s', (_, body, expected) => {
    const head = 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\n'
    expect(redact(head + body).text).toBe(head + expected)
  })

  it('follows an alias to a value anchored outside the Secret\'s data', () => {
    const text = 'kind: Secret\nmetadata:\n  labels:\n    hint: &pw hunter2\nstringData:\n  password: *pw\n'
    const result = redact(text)
    expect(result.text).not.toContain('hunter2')
    expect(result.redacted).toBe(1)
  })

  it('redacts the last-applied-configuration annotation, which repeats the data', () => {
    const text = 'kind: Secret\nmetadata:\n  annotations:\n    kubectl.kubernetes.io/last-applied-configuration: |\n      {"data":{"a":"c2VjcmV0"}}\n    team: web\ndata:\n  a: c2VjcmV0\n'
    const result = redact(text)
    expect(result.text).toBe('kind: Secret\nmetadata:\n  annotations:\n    kubectl.kubernetes.io/last-applied-configuration: REDACTED\n    team: web\ndata:\n  a: REDACTED\n')
  })

  it('redacts Secrets inside a List and in JSON documents', () => {
    const list = 'apiVersion: v1\nkind: List\nitems:\n- kind: ConfigMap\n  data:\n    keep: me\n- kind: Secret\n  stringData:\n    token: abc\n'
    expect(redact(list).text).toBe(list.replace('token: abc', 'token: REDACTED'))
    const json = '{"kind": "Secret", "data": {"a": "c2VjcmV0"}}'
    expect(redact(json).text).toBe('{"kind": "Secret", "data": {"a": "REDACTED"}}')
  })

  it('leaves ConfigMaps and other kinds alone', () => {
    const text = 'kind: ConfigMap\ndata:\n  a: b\n---\nkind: Deployment\nspec:\n  data: x\n'
    expect(redactSecrets(text)).toEqual({ kind: 'redacted', text, redacted: 0 })
  })

  it('changes nothing but Secret values, for any text around a Secret', () => {
    const around = fc.string({ maxLength: 200 }).map((s) => s.replace(/Secret/g, 'S'))
    fc.assert(
      fc.property(around, fc.stringMatching(/^[A-Za-z0-9+/]{1,40}$/), (before, value) => {
        const secret = `kind: Secret\ndata:\n  k: ${value}\n`
        const text = `# ${before.replace(/\n/g, ' ')}\n---\n${secret}`
        const result = redact(text)
        expect(result.text).toBe(text.replace(`k: ${value}`, `k: ${REDACTED}`))
      }),
      { numRuns: 200 },
    )
  })
})
