/**
 * Secrets with planted values, written in every shape the API server reads as a Secret (block, flow, JSON, List
 * items, duplicate keys, anchors and merge keys, block scalars, quoted and oddly cased keys, the kubectl
 * last-applied annotation, CRLF), so any planted byte left in a redacted text is a leak. Each value is built from
 * 16-character markers that occur nowhere else, and is searched for in its written and its base64 form.
 */
import type { Rng } from './rng'

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'

export interface SecretDocument {
  readonly text: string
  /** Every secret value as its plain text (stringData, or data decoded). */
  readonly values: readonly string[]
}

function marker(rng: Rng): string {
  let text = 'Fz'
  while (text.length < 16) text += ALPHABET[rng.int(0, ALPHABET.length - 1)]
  return text
}

export function base64(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64')
}

/** One document of one Secret (or a List of them) with `values` planted. */
export function secretDocument(rng: Rng): SecretDocument {
  const values: string[] = []
  const value = (parts = rng.int(1, 3)): string => {
    const v = Array.from({ length: parts }, () => marker(rng)).join('')
    values.push(v)
    return v
  }
  const name = rng.pick(['db', 'tls', 'token', 'creds'])
  const dataKey = rng.pick(['data', 'data', 'data', '"data"', "'data'", 'Data', 'DATA'])
  const stringKey = rng.pick(['stringData', 'stringData', '"stringData"', 'stringdata', 'STRINGDATA'])
  const kind = rng.pick(['Secret', 'Secret', '"Secret"', "'Secret'", 'Secret # the credentials', '!!str Secret', 'secret', ' Secret'])
  const head = `apiVersion: v1\nkind: ${kind}\nmetadata:\n  name: ${name}\n`
  const text = rng.weighted<() => string>([
    [4, () => `${head}type: Opaque\n${dataKey}:\n  password: ${base64(value())}\n  user: "${base64(value())}"\n`],
    [2, () => `${head}${stringKey}:\n  password: ${value()}\n  note: '${value()}'\n`],
    [1, () => `{apiVersion: v1, kind: Secret, metadata: {name: ${name}}, data: {k: ${base64(value())}, j: "${base64(value())}"}}\n`],
    [1, () => JSON.stringify({ apiVersion: 'v1', kind: 'Secret', metadata: { name }, data: { k: base64(value()) }, stringData: { s: value() } }, null, rng.chance(0.5) ? 2 : undefined) + '\n'],
    [1, () => `apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Secret\n  metadata: {name: ${name}}\n  data:\n    k: ${base64(value())}\n- apiVersion: v1\n  kind: Secret\n  stringData: {s: ${value()}}\n`],
    [1, () => `apiVersion: v1\nkind: SecretList\nitems:\n- kind: Secret\n  apiVersion: v1\n  data: {k: ${base64(value())}}\n`],
    [1, () => `${head}data:\n  k: ${base64(value())}\ndata:\n  k: ${base64(value())}\n`],
    [1, () => `apiVersion: v1\nkind: Secret\nmetadata:\n  name: ${name}\n  annotations:\n    note: &v ${base64(value())}\ndata:\n  k: *v\n`],
    [1, () => `apiVersion: v1\nkind: Secret\nmetadata:\n  name: ${name}\n  labels: &d {k: ${base64(value(1))}}\ndata:\n  <<: *d\n`],
    [1, () => `${head}${stringKey}:\n  tls.key: |\n    -----BEGIN PRIVATE KEY-----\n    ${value(2)}\n    ${value(2)}\n    -----END PRIVATE KEY-----\n`],
    [1, () => `${head}${stringKey}:\n  folded: >-\n    ${value(1)}\n    ${value(1)}\n`],
    [1, () => `${head}${stringKey}:\n  plain: ${value(1)}\n    ${value(1)}\n`],
    [1, () => {
      const applied = JSON.stringify({ apiVersion: 'v1', kind: 'Secret', metadata: { name }, data: { k: base64(value()) } })
      return `apiVersion: v1\nkind: Secret\nmetadata:\n  name: ${name}\n  annotations:\n    kubectl.kubernetes.io/last-applied-configuration: |\n      ${applied}\ndata:\n  k: ${base64(value())}\n`
    }],
    [1, () => `${head}type: kubernetes.io/tls\ndata:\n  tls.crt: ${base64(value(3))}\n  tls.key: >\n    ${base64(value(3))}\n`],
    // Harder readings: the kind from a merge key, an explicit key, keys and values in escapes, a repeated List item.
    [1, () => `<<: {apiVersion: v1, kind: Secret}\nmetadata: {name: ${name}}\ndata: {k: ${base64(value())}}\n`],
    [1, () => `apiVersion: v1\nkind: Secret\nmetadata: {name: ${name}}\n? data\n: k: ${base64(value())}\n`],
    [1, () => `{"apiVersion": "v1", "kind": "Secret", "metadata": {"name": "${name}"}, "d\\u0061ta": {"k": "${base64(value())}"}, "data": {"j": "${base64(value())}"}}\n`],
    [1, () => `apiVersion: v1\n"kin\\x64": "Secr\\x65t"\nmetadata: {name: ${name}}\nstringData: {k: "${value(1)}\\\n  ${value(1)}"}\n`],
    [1, () => `apiVersion: v1\nkind: List\nitems:\n- &s {apiVersion: v1, kind: Secret, metadata: {name: ${name}}, data: {k: ${base64(value())}}}\n- *s\n`],
    [1, () => `${head}${stringKey}:\n  kept: |+\n    ${value(1)}\n\n  indented: |2-\n      ${value(1)}\n`],
    [1, () => `${head}${stringKey}: !!map\n  k: !!str ${value()}\n`],
    [1, () => `apiVersion: v1\nkind: Secret\nmetadata:\n  name: ${name}\ndata:\n  # a comment between\n  k: ${base64(value())} # and after\n`],
    [1, () => `apiVersion: v1\nKIND: Secret\nmetadata: {name: ${name}}\nDATA: {k: ${base64(value())}}\n`],
  ])()
  return { text, values }
}

/** A substring whose presence in shared text means that `marker` (16 bytes of a secret value) leaked. */
export interface LeakNeedle {
  readonly needle: string
  readonly marker: string
}

const MARKER = /Fz[A-Za-z0-9]{14}/g

/**
 * The needles of the planted markers in `values` (values may hold other bytes too, e.g. a PEM header, which are no
 * secret and are not searched): each marker as written, and every aligned 12-character window of the value's
 * base64 form that encodes only bytes of one marker, so a half-redacted base64 value is caught too.
 */
export function leakNeedles(values: readonly string[]): LeakNeedle[] {
  const needles = new Map<string, string>()
  for (const value of values) {
    const bytes = Buffer.from(value, 'utf8')
    const encoded = bytes.toString('base64')
    for (const match of bytes.toString('latin1').matchAll(MARKER)) {
      const [marker, start] = [match[0], match.index]
      needles.set(marker, marker)
      // Window k covers bytes 3k … 3k+8; keep the windows inside this marker's 16 bytes.
      for (let k = Math.ceil(start / 3); 3 * k + 9 <= start + 16; k++) needles.set(encoded.slice(4 * k, 4 * k + 12), marker)
    }
  }
  return [...needles].map(([needle, marker]) => ({ needle, marker }))
}
