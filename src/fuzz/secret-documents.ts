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
  ])()
  return { text, values }
}

/**
 * The substrings whose presence in shared text means a leak: every marker of each value as written, and every
 * aligned 12-character window of each value's base64 form (so a half-redacted base64 value is caught too).
 */
export function leakNeedles(values: readonly string[]): string[] {
  const needles = new Set<string>()
  for (const value of values) {
    for (let at = 0; at + 16 <= value.length; at += 16) needles.add(value.slice(at, at + 16))
    if (value.length < 16 && value.length >= 6) needles.add(value)
    const encoded = base64(value)
    for (let at = 0; at + 12 <= encoded.length; at += 4) needles.add(encoded.slice(at, at + 12))
    if (encoded.length < 12 && value.length >= 6) needles.add(encoded)
  }
  return [...needles]
}
