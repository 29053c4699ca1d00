/**
 * The API server's name and value formats (apimachinery `validation.go`). Each function returns the reason a
 * value is invalid, as a message in the API server's words, or undefined when it is valid.
 */
import { msg, type Message } from '../messages/message'

// Each pattern as the API server writes it: tested here, and quoted in its message ('regex used for validation is …').
const label1123 = '[a-z0-9]([-a-z0-9]*[a-z0-9])?'
const subdomain1123 = `${label1123}(\\.${label1123})*`
const wildcard1123 = `\\*\\.${subdomain1123}`
const label1035 = '[a-z]([-a-z0-9]*[a-z0-9])?'
const qualifiedName = '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]'
const labelValueFormat = `(${qualifiedName})?`
const configKeyFormat = '[-._a-zA-Z0-9]+'
const whole = (pattern: string): RegExp => new RegExp(`^${pattern}$`)
const dns1123Label = whole(label1123)
const dns1123Subdomain = whole(subdomain1123)
const wildcardSubdomain = whole(wildcard1123)
const dns1035Label = whole(label1035)
const qualifiedNamePart = whole(qualifiedName)
const labelValue = whole(labelValueFormat)
const configKey = whole(configKeyFormat)

const tooLong = (max: number): Message => msg('api-too-long', { max })

export function checkDns1123Label(value: string): Message | undefined {
  if (value.length > 63) return tooLong(63)
  if (!dns1123Label.test(value)) return msg('api-dns1123-label', { regex: label1123 })
  return undefined
}

export function checkDns1123Subdomain(value: string): Message | undefined {
  if (value.length > 253) return tooLong(253)
  if (!dns1123Subdomain.test(value)) return msg('api-dns1123-subdomain', { regex: subdomain1123 })
  return undefined
}

export function checkWildcardSubdomain(value: string): Message | undefined {
  if (value.length > 253) return tooLong(253)
  if (!wildcardSubdomain.test(value)) return msg('api-wildcard-subdomain', { regex: wildcard1123 })
  return undefined
}

export function checkDns1035Label(value: string): Message | undefined {
  if (value.length > 63) return tooLong(63)
  if (!dns1035Label.test(value)) return msg('api-dns1035-label', { regex: label1035 })
  return undefined
}

/** A label or annotation key: an optional DNS subdomain prefix and `/`, then a name of at most 63 characters. */
export function checkQualifiedName(value: string): Message | undefined {
  const parts = value.split('/')
  let name = value
  if (parts.length === 2) {
    const prefix = parts[0] as string
    name = parts[1] as string
    if (prefix.length === 0) return msg('api-prefix-empty')
    const bad = checkDns1123Subdomain(prefix)
    if (bad) return msg('api-prefix-part', { reason: bad })
  } else if (parts.length > 2) {
    return msg('api-qualified-name', { regex: qualifiedName })
  }
  if (name.length === 0) return msg('api-name-part-empty')
  if (name.length > 63) return msg('api-name-part-too-long', { max: 63 })
  if (!qualifiedNamePart.test(name)) return msg('api-name-part', { regex: qualifiedName })
  return undefined
}

export function checkLabelValue(value: string): Message | undefined {
  if (value.length > 63) return tooLong(63)
  if (!labelValue.test(value)) return msg('api-label-value', { regex: labelValueFormat })
  return undefined
}

/** A port name (IANA_SVC_NAME, RFC 6335). */
export function checkPortName(value: string): Message | undefined {
  if (value.length > 15) return tooLong(15)
  if (!/^[-a-z0-9]+$/.test(value)) return msg('api-port-name-chars')
  if (!/[a-z]/.test(value)) return msg('api-port-name-letter')
  if (value.includes('--')) return msg('api-port-name-double-hyphen')
  if (value.startsWith('-') || value.endsWith('-')) return msg('api-port-name-edge-hyphen')
  return undefined
}

export function checkPortNumber(value: number): Message | undefined {
  return value >= 1 && value <= 65535 ? undefined : msg('api-port-range')
}

/** A key of ConfigMap or Secret data. */
export function checkConfigKey(value: string): Message | undefined {
  if (value.length > 253) return tooLong(253)
  if (!configKey.test(value)) return msg('api-config-key', { regex: configKeyFormat })
  if (value === '.') return msg('api-config-key-dot')
  if (value === '..') return msg('api-config-key-dot-dot')
  if (value.startsWith('..')) return msg('api-config-key-dot-dot-start')
  return undefined
}

/** True for an IPv4 address in dotted-quad form or anything IPv6-like (the API server parses both). */
export function isIpAddress(value: string): boolean {
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(value)
  if (v4) return v4.slice(1).every((part) => Number(part) <= 255)
  return /^[0-9a-fA-F:.]+$/.test(value) && value.includes(':') && value.split(':').length >= 3
}

/** A domain-prefixed path such as `k8s.io/ingress-nginx` (IngressClass `spec.controller`). */
export function checkDomainPrefixedPath(value: string): Message | undefined {
  if (value.length > 250) return tooLong(250)
  const slash = value.indexOf('/')
  if (slash <= 0 || slash === value.length - 1) return msg('api-domain-prefixed-path')
  const bad = checkDns1123Subdomain(value.slice(0, slash))
  if (bad) return bad
  if (!/^[A-Za-z0-9/\-._~%!$&'()*+,;=:]+$/.test(value.slice(slash + 1))) return msg('api-path-segment')
  return undefined
}
