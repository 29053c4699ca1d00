/**
 * Issue 12: texts built to slip a Secret value past the redactor. Each case names the value that must go; the
 * count must equal the values removed.
 */
import { describe, expect, it } from 'vitest'
import { MAX_INPUT_BYTES } from '../limits'
import { parseSources } from '../source/parse-sources'
import { REDACTED, redactSecrets } from './redact-secrets'

const PASSWORD = 'aHVudGVyMg==' // base64 of "hunter2"

function redact(text: string): { text: string; redacted: number } {
  const result = redactSecrets(text)
  if (result.kind !== 'redacted') throw new Error(`refused: ${result.message}`)
  return { text: result.text, redacted: result.redacted }
}

describe('redactSecrets against hostile layouts', () => {
  it.each([
    ['an empty data before the real one', `kind: Secret\ndata: {}\ndata:\n  password: ${PASSWORD}\n`, 1],
    ['the real data before a decoy', `kind: Secret\ndata:\n  password: ${PASSWORD}\ndata: {}\n`, 1],
    ['duplicate stringData', 'kind: Secret\nstringData: {}\nstringData:\n  password: hunter2\n', 1],
    ['data and stringData, each twice', `kind: Secret\ndata: {a: ${PASSWORD}}\nstringData: {b: hunter2}\ndata: {c: ${PASSWORD}}\nstringData: {d: hunter2}\n`, 4],
    ['kind: ConfigMap overridden by a later kind: Secret', `kind: ConfigMap\ndata: {password: ${PASSWORD}}\nkind: Secret\n`, 1],
    ['kind: Secret overridden by a later kind: ConfigMap (in the text either way)', `kind: Secret\ndata: {password: ${PASSWORD}}\nkind: ConfigMap\n`, 1],
    ['a List whose items key is duplicated', `kind: List\nitems: []\nitems:\n- kind: Secret\n  data: {password: ${PASSWORD}}\n`, 1],
    ['a List whose first items hold the Secret', `kind: List\nitems:\n- kind: Secret\n  data: {password: ${PASSWORD}}\nitems: []\n`, 1],
    ['a nested List', `kind: List\nitems:\n- kind: List\n  items:\n  - kind: SecretList\n    items:\n    - kind: Secret\n      stringData: {password: hunter2}\n`, 1],
    ['an alias to a value anchored in a ConfigMap of the same List', `kind: List\nitems:\n- kind: ConfigMap\n  data: {x: &pw hunter2}\n- kind: Secret\n  stringData: {password: *pw}\n`, 1],
    ['an alias to a whole data map', `kind: Secret\nmetadata:\n  labels: &d {password: hunter2}\nstringData: *d\n`, 1],
    ['a merge key bringing kind and data', `x: &base {kind: Secret, stringData: {password: hunter2}}\n<<: *base\n`, 1],
    ['a one-line flow map without comments', `{kind: Secret, data: {password: ${PASSWORD}}, data: {}}`, 1],
    ['a JSON document with duplicate keys', `{"kind": "Secret", "data": {}, "data": {"password": "${PASSWORD}"}}`, 1],
    ['a kind spelled with a JSON escape', `{"kind": "Secr\\u0065t", "data": {"password": "${PASSWORD}"}}`, 1],
    ['a kind that is not a plain string', `kind: !!binary U2VjcmV0\ndata: {password: ${PASSWORD}}\n`, 1],
    ['no kind at all', `data: {password: ${PASSWORD}}\n`, 1],
    ['a lower-case kind and field names', `kind: secret\nDATA: {password: ${PASSWORD}}\nStringData: {p: hunter2}\n`, 2],
    ['CRLF line ends and a block scalar', `kind: Secret\r\ndata:\r\n  password: |\r\n    ${PASSWORD}\r\n  other: x\r\n`, 2],
    ['a !!null tag on a value', 'kind: Secret\nstringData:\n  password: !!null hunter2\n', 1],
    ['a document root that is a list', `- kind: Secret\n  data: {password: ${PASSWORD}}\n`, 1],
  ])('%s', (_, text, count) => {
    const result = redact(text)
    expect(result.text).not.toContain(PASSWORD)
    expect(result.text).not.toContain('hunter2')
    expect(result.redacted).toBe(count)
    expect(result.text.split(REDACTED).length - 1).toBe(count)
  })

  it('keeps comments and layout, CRLF included', () => {
    const text = `kind: Secret\r\n# the db password\r\ndata:\r\n  password: ${PASSWORD} # rotate monthly\r\n`
    expect(redact(text).text).toBe(`kind: Secret\r\n# the db password\r\ndata:\r\n  password: ${REDACTED} # rotate monthly\r\n`)
  })

  it('redacts every document of a multi-document file', () => {
    const text = `kind: ConfigMap\ndata: {keep: me}\n---\nkind: Secret\ndata: {a: ${PASSWORD}}\n---\n{"kind": "Secret", "stringData": {"b": "hunter2"}}\n`
    const result = redact(text)
    expect(result.redacted).toBe(2)
    expect(result.text).toContain('keep: me')
    expect(result.text).not.toMatch(/hunter2|aHVudGVy/)
  })

  it('redacts a Secret behind more than 1 MiB of comments', () => {
    const padding = `# ${'x'.repeat(1020)}\n`.repeat(1100)
    const text = `${padding}kind: Secret\ndata:\n  password: ${PASSWORD}\n`
    expect(text.length).toBeGreaterThan(1024 * 1024)
    const result = redact(text)
    expect(result.redacted).toBe(1)
    expect(result.text).not.toContain(PASSWORD)
    expect(result.text.startsWith(padding)).toBe(true)
  })

  it('refuses a text too large to parse rather than pass it through', () => {
    const text = `kind: Secret\ndata: {password: ${PASSWORD}}\n${'#'.repeat(MAX_INPUT_BYTES)}\n`
    expect(redactSecrets(text)).toMatchObject({ kind: 'refused', reason: 'too-large' })
  })

  it('refuses binary text and runaway nesting', () => {
    expect(redactSecrets(`kind: Secret\ndata: {password: ${PASSWORD}}\n\u0000`)).toMatchObject({ kind: 'refused', reason: 'binary', line: 3 })
    expect(redactSecrets(`kind: Secret\ndata: {password: ${PASSWORD}}\nx: ${'['.repeat(1000)}\n`)).toMatchObject({ kind: 'refused', reason: 'too-deep' })
  })

  it('refuses a broken document that may hide a Secret, such as a JSON stream kubectl would read in full', () => {
    const stream = `{"kind": "ConfigMap"}\n{"kind": "Secret", "data": {"password": "${PASSWORD}"}}\n`
    expect(redactSecrets(stream)).toMatchObject({ kind: 'refused', reason: 'unreadable', line: 2 })
    expect(redactSecrets('kind: Secret\ndata:\n  a: [unclosed\n')).toMatchObject({ kind: 'refused', reason: 'unreadable' })
  })

  it('redacts what it can of a broken document that does not mention a Secret, treating every object as one', () => {
    const result = redact('kind: ConfigMap\ndata: {a: x}\nbroken: [\n')
    expect(result.text).toContain(`a: ${REDACTED}`)
  })

  it('follows alias chains of Lists and merges thousands deep without running out of stack', () => {
    const lists = ['kind: List', 'x0: &l0 [{kind: Secret, stringData: {p: hunter2}}]']
    for (let i = 1; i < 3000; i++) lists.push(`x${i}: &l${i} [{kind: List, items: *l${i - 1}}]`)
    expect(redact(`${lists.join('\n')}\nitems: *l2999\n`)).toMatchObject({ redacted: 1 })
    const merges = ['kind: Secret', 'b0: &m0 {p: hunter2}']
    for (let i = 1; i < 3000; i++) merges.push(`b${i}: &m${i} {<<: *m${i - 1}}`)
    expect(redact(`${merges.join('\n')}\nstringData: *m2999\n`)).toMatchObject({ redacted: 1 })
  }, 30_000)

  it('follows thousands of aliases in about the time the parse takes', () => {
    const text = `kind: Secret\nmetadata: {labels: {a: &pw hunter2}}\nstringData:\n${Array.from({ length: 20_000 }, (_, i) => `  k${i}: *pw\n`).join('')}`
    const parseStarted = Date.now()
    parseSources([{ name: 'share.yaml', text }])
    const parseMillis = Date.now() - parseStarted
    const started = Date.now()
    expect(redact(text)).toMatchObject({ redacted: 1 })
    // The redactor parses once more and walks each node once; a document walk per alias (the yaml library's
    // `Alias.resolve`) would take many times the parse. Relative, so a loaded machine does not fail it.
    expect(Date.now() - started).toBeLessThan(3 * parseMillis + 1000)
  }, 30_000)
})
