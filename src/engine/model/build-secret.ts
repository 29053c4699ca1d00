/**
 * Secret (v1) → `Secret`: `data` decoded from base64, `stringData` merged over it (as the API server does on
 * write), type defaulted to Opaque, keys and the required keys of the well-known types validated.
 */
import { checkKnownFields, knownFields } from './check-known-fields'
import { msg } from '../messages/message'
import { invalidValue, requiredValue } from './field-errors'
import type { ObjectInput } from './object-input'
import type { ReadContext } from './read-context'
import { readStringMap, readString, type StringEntry } from './read-node'
import { decodeBase64, decodeUtf8 } from './decode-base64'
import type { Secret } from './types'
import { checkConfigKey } from './validate-names'

const secretFields = knownFields(['apiVersion', 'kind', 'metadata', 'data', 'stringData', 'type', 'immutable'])

/** Keys a Secret of a well-known type must hold. */
const requiredKeys: Readonly<Record<string, readonly string[]>> = {
  'kubernetes.io/tls': ['tls.crt', 'tls.key'],
  'kubernetes.io/dockerconfigjson': ['.dockerconfigjson'],
  'kubernetes.io/dockercfg': ['.dockercfg'],
  'kubernetes.io/ssh-auth': ['ssh-privatekey'],
}

/** Validates the keys of `data`-like maps (Secret and ConfigMap). */
export function checkDataKeys(ctx: ReadContext, entries: readonly StringEntry[], path: readonly (string | number)[]): void {
  for (const entry of entries) {
    const bad = checkConfigKey(entry.key)
    if (bad) ctx.report('invalid-name', 'error', invalidValue(path, entry.key, bad), entry.keySpan)
  }
}

/** Decodes base64 values, reporting undecodable ones; binary values stay out of the returned record. */
export function decodeDataEntries(ctx: ReadContext, entries: readonly StringEntry[], path: readonly (string | number)[]): Record<string, string> {
  const out: Record<string, string> = {}
  for (const entry of entries) {
    const decoded = decodeBase64(entry.value)
    if (decoded.kind === 'error') {
      ctx.report('invalid-value', 'error', invalidValue([...path, entry.key], '<value>', msg('api-base64', { byte: decoded.at })), entry.valueSpan)
      continue
    }
    const text = decodeUtf8(decoded.bytes)
    if (text !== undefined) out[entry.key] = text
  }
  return out
}

/** Builds the Secret of `input`, reporting every validation problem. */
export function buildSecret(input: ObjectInput): Secret {
  const { ctx, root, base } = input
  checkKnownFields(ctx, root, secretFields)
  const type = readString(ctx, root, 'type')
  const data = readStringMap(ctx, root, 'data')
  const stringData = readStringMap(ctx, root, 'stringData')
  if (data) checkDataKeys(ctx, data.entries, data.view.path)
  if (stringData) checkDataKeys(ctx, stringData.entries, stringData.view.path)
  const values = data ? decodeDataEntries(ctx, data.entries, data.view.path) : {}
  for (const entry of stringData?.entries ?? []) values[entry.key] = entry.value
  const typeName = type && type.value !== '' ? type.value : 'Opaque'
  const present = new Set([...(data?.entries ?? []), ...(stringData?.entries ?? [])].map((entry) => entry.key))
  for (const key of requiredKeys[typeName] ?? []) {
    if (!present.has(key)) {
      ctx.report('required', 'error', requiredValue([`data[${key}]`]), data?.view.anchor ?? type?.span ?? root.anchor)
    }
  }
  return { kind: 'Secret', ...base, type: typeName, data: values }
}
