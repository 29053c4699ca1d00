/**
 * Messages in the API server's field-error form (`<path>: <type>: <detail>`, from apimachinery's
 * `field.ErrorList`), so a message here reads like the one `kubectl apply` would print.
 */
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

function quote(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 80 ? `${value.slice(0, 77)}...` : value)
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value as Record<string, unknown>).map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`)
    return `map[${entries.join(', ')}]`
  }
  return String(value)
}

export function requiredValue(path: FieldPath, detail?: string): string {
  return `${formatPath(path)}: Required value${detail ? `: ${detail}` : ''}`
}

export function invalidValue(path: FieldPath, value: unknown, detail: string): string {
  return `${formatPath(path)}: Invalid value: ${quote(value)}: ${detail}`
}

export function unsupportedValue(path: FieldPath, value: unknown, supported: readonly string[]): string {
  return `${formatPath(path)}: Unsupported value: ${quote(value)}: supported values: ${supported.map((s) => `"${s}"`).join(', ')}`
}

export function forbidden(path: FieldPath, detail: string): string {
  return `${formatPath(path)}: Forbidden: ${detail}`
}

export function duplicateValue(path: FieldPath, value: unknown): string {
  return `${formatPath(path)}: Duplicate value: ${quote(value)}`
}

export function wrongType(path: FieldPath, expected: string, got: string): string {
  return `${formatPath(path)}: Invalid type: expected ${expected}, got ${got}`
}
