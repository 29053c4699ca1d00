/**
 * Messages in the API server's field-error form (`<path>: <type>: <detail>`, from apimachinery's
 * `field.ErrorList`), so a message here reads like the one `kubectl apply` would print; the Korean catalog says
 * the same with the path and the value as they are. Details are messages too (the validation reasons).
 */
import { msg, type Message } from '../messages/message'
import type { FieldPath } from './types'

const simpleKey = /^[A-Za-z_][A-Za-z0-9_]*$/

/** `['spec', 'rules', 0, 'host']` → `spec.rules[0].host`; keys with dots or slashes go in brackets. */
export function formatPath(path: FieldPath): string {
  let out = ''
  for (const step of path) {
    if (typeof step === 'number') out += `[${step}]`
    else if (simpleKey.test(step)) out += out === '' ? step : `.${step}`
    else out += `[${step}]`
  }
  return out === '' ? '<root>' : out
}

/** A value as the API server quotes it: strings in JSON quotes (long ones cut), maps as Go prints them. */
function quote(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 80 ? `${value.slice(0, 77)}...` : value)
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value as Record<string, unknown>).map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`)
    return `map[${entries.join(', ')}]`
  }
  return String(value)
}

export function requiredValue(path: FieldPath, detail?: Message): Message {
  return detail
    ? msg('field-required-detail', { path: formatPath(path), detail })
    : msg('field-required', { path: formatPath(path) })
}

export function invalidValue(path: FieldPath, value: unknown, detail: Message): Message {
  return msg('field-invalid', { path: formatPath(path), value: quote(value), detail })
}

export function unsupportedValue(path: FieldPath, value: unknown, supported: readonly string[]): Message {
  return msg('field-unsupported', { path: formatPath(path), value: quote(value), supported: supported.map((s) => `"${s}"`).join(', ') })
}

export function forbidden(path: FieldPath, detail: Message): Message {
  return msg('field-forbidden', { path: formatPath(path), detail })
}

export function duplicateValue(path: FieldPath, value: unknown): Message {
  return msg('field-duplicate', { path: formatPath(path), value: quote(value) })
}

export function wrongType(path: FieldPath, expected: Message, got: Message): Message {
  return msg('field-wrong-type', { path: formatPath(path), expected, got })
}
