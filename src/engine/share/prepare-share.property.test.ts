/**
 * Issue 12's property: for random Secrets (data and stringData, duplicate keys in random order, block, flow and
 * JSON styles, inside Lists, random comment padding, sometimes past 1 MiB, other documents around, CRLF), no
 * Secret value, neither its base64 form nor its decoded bytes, reaches the default link (inflated without a cap,
 * as an attacker would) or the default scenario file; and the count equals the values removed.
 */
import fc from 'fast-check'
import { inflateSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { decodeBase64Url } from './base64url'
import { dictionaryV2 } from './dictionary-v2'
import { prepareShare } from './prepare-share'
import { REDACTED } from './redact-secrets'

interface Entry {
  readonly key: string
  /** The secret's bytes (ASCII); `data` carries its base64. */
  readonly plain: string
  readonly style: 'plain' | 'double' | 'single' | 'block'
}

interface Block {
  readonly field: 'data' | 'stringData'
  readonly entries: readonly Entry[]
}

interface Scenario {
  readonly blocks: readonly Block[]
  readonly decoyKind: boolean
  readonly kindAt: number
  readonly shape: 'block' | 'json' | 'list' | 'nested-list'
  readonly before: readonly string[]
  readonly after: readonly string[]
  readonly padding: number
  readonly crlf: boolean
}

const base64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64')
const valueOf = (block: Block, entry: Entry): string => (block.field === 'data' ? base64(entry.plain) : entry.plain)

const entry: fc.Arbitrary<Entry> = fc.record({
  key: fc.constantFrom('password', 'token', 'tls.key', 'user', 'a', 'b-c'),
  plain: fc.stringMatching(/^[a-z0-9]{10,16}$/).map((s) => `q7${s}`),
  style: fc.constantFrom('plain', 'double', 'single', 'block'),
})
const block: fc.Arbitrary<Block> = fc.record({ field: fc.constantFrom('data', 'stringData'), entries: fc.array(entry, { minLength: 0, maxLength: 4 }) })
const otherDocument = fc.constantFrom(
  'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings}\ndata:\n  mode: fast # a comment\n',
  'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports: [{port: 80}]\n',
  '{"apiVersion": "v1", "kind": "ConfigMap", "data": {"x": "y"}}',
  '# only a comment\n',
)
const scenario: fc.Arbitrary<Scenario> = fc.record({
  blocks: fc.array(block, { minLength: 1, maxLength: 4 }),
  decoyKind: fc.boolean(),
  kindAt: fc.nat(4),
  shape: fc.constantFrom('block', 'json', 'list', 'nested-list'),
  before: fc.array(otherDocument, { maxLength: 2 }),
  after: fc.array(otherDocument, { maxLength: 2 }),
  // Mostly small; about one run in ten pads past 1 MiB.
  padding: fc.oneof({ weight: 9, arbitrary: fc.nat(3000) }, { weight: 1, arbitrary: fc.integer({ min: 1024 * 1024, max: 1200 * 1024 }) }),
  crlf: fc.boolean(),
})

function yamlValue(value: string, style: Entry['style'], indent: string): string {
  if (style === 'double') return `"${value}"`
  if (style === 'single') return `'${value}'`
  if (style === 'block') return `|\n${indent}  ${value}`
  return value
}

function blockYaml(s: Scenario): string {
  const lines = s.blocks.map((b) => `${b.field}:${b.entries.length === 0 ? ' {}' : ''}\n${b.entries.map((e) => `  ${e.key}: ${yamlValue(valueOf(b, e), e.style, '  ')}\n`).join('')}`)
  const kind = `${s.decoyKind ? 'kind: ConfigMap\n' : ''}kind: Secret\n`
  lines.splice(Math.min(s.kindAt, lines.length), 0, kind)
  return `apiVersion: v1\n${lines.join('')}`
}

function jsonObject(s: Scenario): string {
  const fields = s.blocks.map((b) => `"${b.field}": {${b.entries.map((e) => `"${e.key}": "${valueOf(b, e)}"`).join(', ')}}`)
  fields.splice(Math.min(s.kindAt, fields.length), 0, `${s.decoyKind ? '"kind": "ConfigMap", ' : ''}"kind": "Secret"`)
  return `{"apiVersion": "v1", ${fields.join(', ')}}`
}

function secretText(s: Scenario): string {
  if (s.shape === 'block') return blockYaml(s)
  if (s.shape === 'json') return jsonObject(s)
  if (s.shape === 'list') return `kind: List\nitems: []\nitems:\n- ${jsonObject(s)}\n`
  return `{"kind": "List", "items": [{"kind": "List", "items": [${jsonObject(s)}]}], "items": []}`
}

function manifest(s: Scenario): string {
  const padding = `# ${'pad '.repeat(24)}\n`.repeat(Math.ceil(s.padding / 100))
  const text = [...s.before, `${padding}${secretText(s)}\n`, ...s.after].join('\n---\n')
  return s.crlf ? text.replace(/\n/g, '\r\n') : text
}

/** The link's whole payload, inflated without the studio's cap. */
function inflateLink(fragment: string): string {
  const decoded = decodeBase64Url(fragment.replace(/^v2\./, ''))
  if (decoded.kind !== 'ok') throw new Error('bad link')
  return new TextDecoder().decode(inflateSync(decoded.bytes, { dictionary: dictionaryV2() }))
}

describe('default links and scenario files', () => {
  it('carry no Secret value, in any form, and count exactly the values removed', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const share = prepareShare({ source: manifest(s), view: 'objects' }, { includeSecrets: false })
        if (share.kind !== 'ready') throw new Error(`refused: ${share.message}`)
        const shipped = [share.file]
        if (share.link.kind === 'ok') shipped.push(inflateLink(share.link.fragment))
        for (const b of s.blocks) {
          for (const e of b.entries) {
            for (const text of shipped) {
              expect(text).not.toContain(e.plain)
              expect(text).not.toContain(base64(e.plain))
            }
          }
        }
        const values = s.blocks.reduce((sum, b) => sum + b.entries.length, 0)
        expect(share.redacted).toBe(values)
        expect(share.file.split(REDACTED).length - 1).toBe(values)
      }),
      { numRuns: 60 },
    )
  }, 120_000)
})
