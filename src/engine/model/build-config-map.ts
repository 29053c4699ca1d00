/** ConfigMap (v1) → `ConfigMap`: string `data` (plus UTF-8 `binaryData`), keys validated and unique across both. */
import { checkKnownFields, knownFields } from './check-known-fields'
import { msg } from '../messages/message'
import { invalidValue } from './field-errors'
import type { ObjectInput } from './object-input'
import { readStringMap, toRecord } from './read-node'
import { checkDataKeys, decodeDataEntries } from './build-secret'
import type { ConfigMap } from './types'

const configMapFields = knownFields(['apiVersion', 'kind', 'metadata', 'data', 'binaryData', 'immutable'])

/** Builds the ConfigMap of `input`, reporting every validation problem. */
export function buildConfigMap(input: ObjectInput): ConfigMap {
  const { ctx, root, base } = input
  checkKnownFields(ctx, root, configMapFields)
  const data = readStringMap(ctx, root, 'data')
  const binary = readStringMap(ctx, root, 'binaryData')
  if (data) checkDataKeys(ctx, data.entries, data.view.path)
  if (binary) checkDataKeys(ctx, binary.entries, binary.view.path)
  const keys = new Set(data?.entries.map((entry) => entry.key))
  for (const entry of binary?.entries ?? []) {
    if (keys.has(entry.key)) {
      ctx.report('invalid-value', 'error',
        invalidValue(['data'], entry.key, msg('api-duplicate-binary-key')), entry.keySpan)
    }
  }
  const values = { ...(binary ? decodeDataEntries(ctx, binary.entries, binary.view.path) : {}), ...(data ? toRecord(data.entries) : {}) }
  return { kind: 'ConfigMap', ...base, data: values }
}
