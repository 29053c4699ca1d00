/**
 * The API server's name and value formats (apimachinery `validation.go`). Each function returns the reason a
 * value is invalid, in the API server's words, or undefined when it is valid.
 */

const label1123 = '[a-z0-9]([-a-z0-9]*[a-z0-9])?'
const dns1123Label = new RegExp(`^${label1123}$`)
const dns1123Subdomain = new RegExp(`^${label1123}(\\.${label1123})*$`)
const wildcardSubdomain = new RegExp(`^\\*\\.${label1123}(\\.${label1123})*$`)
const dns1035Label = /^[a-z]([-a-z0-9]*[a-z0-9])?$/
const qualifiedNamePart = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/
const labelValue = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/
const configKey = /^[-._a-zA-Z0-9]+$/

const tooLong = (max: number): string => `must be no more than ${max} characters`

export function checkDns1123Label(value: string): string | undefined {
  if (value.length > 63) return tooLong(63)
  if (!dns1123Label.test(value)) {
    return "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and " +
      "end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is " +
      `'${label1123}')`
  }
  return undefined
}

export function checkDns1123Subdomain(value: string): string | undefined {
  if (value.length > 253) return tooLong(253)
  if (!dns1123Subdomain.test(value)) {
    return "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must " +
      "start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is " +
      `'${label1123}(\\.${label1123})*')`
  }
  return undefined
}

export function checkWildcardSubdomain(value: string): string | undefined {
  if (value.length > 253) return tooLong(253)
  if (!wildcardSubdomain.test(value)) {
    return "a wildcard DNS-1123 subdomain must start with '*.', followed by a valid DNS subdomain, which must consist " +
      "of lower case alphanumeric characters, '-' or '.' and end with an alphanumeric character (e.g. " +
      `'*.example.com', regex used for validation is '\\*\\.${label1123}(\\.${label1123})*')`
  }
  return undefined
}

export function checkDns1035Label(value: string): string | undefined {
  if (value.length > 63) return tooLong(63)
  if (!dns1035Label.test(value)) {
    return "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic " +
      "character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for " +
      "validation is '[a-z]([-a-z0-9]*[a-z0-9])?')"
  }
  return undefined
}

/** A label or annotation key: an optional DNS subdomain prefix and `/`, then a name of at most 63 characters. */
export function checkQualifiedName(value: string): string | undefined {
  const parts = value.split('/')
  let name = value
  if (parts.length === 2) {
    const prefix = parts[0] as string
    name = parts[1] as string
    if (prefix.length === 0) return 'prefix part must be non-empty'
    const bad = checkDns1123Subdomain(prefix)
    if (bad) return `prefix part ${bad}`
  } else if (parts.length > 2) {
    return "a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with " +
      "an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is " +
      "'([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. " +
      "'example.com/MyName')"
  }
  if (name.length === 0) return 'name part must be non-empty'
  if (name.length > 63) return `name part ${tooLong(63)}`
  if (!qualifiedNamePart.test(name)) {
    return "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an " +
      "alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is " +
      "'([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"
  }
  return undefined
}

export function checkLabelValue(value: string): string | undefined {
  if (value.length > 63) return tooLong(63)
  if (!labelValue.test(value)) {
    return "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must " +
      "start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for " +
      "validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"
  }
  return undefined
}

/** A port name (IANA_SVC_NAME, RFC 6335). */
export function checkPortName(value: string): string | undefined {
  if (value.length > 15) return tooLong(15)
  if (!/^[-a-z0-9]+$/.test(value)) return 'must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)'
  if (!/[a-z]/.test(value)) return 'must contain at least one letter (a-z)'
  if (value.includes('--')) return 'must not contain consecutive hyphens'
  if (value.startsWith('-') || value.endsWith('-')) return 'must not begin or end with a hyphen'
  return undefined
}

export function checkPortNumber(value: number): string | undefined {
  return value >= 1 && value <= 65535 ? undefined : 'must be between 1 and 65535, inclusive'
}

/** A key of ConfigMap or Secret data. */
export function checkConfigKey(value: string): string | undefined {
  if (value.length > 253) return tooLong(253)
  if (!configKey.test(value)) {
    return "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or " +
      "'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')"
  }
  if (value === '.') return "must not be '.'"
  if (value === '..') return "must not be '..'"
  if (value.startsWith('..')) return "must not start with '..'"
  return undefined
}

/** True for an IPv4 address in dotted-quad form or anything IPv6-like (the API server parses both). */
export function isIpAddress(value: string): boolean {
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(value)
  if (v4) return v4.slice(1).every((part) => Number(part) <= 255)
  return /^[0-9a-fA-F:.]+$/.test(value) && value.includes(':') && value.split(':').length >= 3
}

/** A domain-prefixed path such as `k8s.io/ingress-nginx` (IngressClass `spec.controller`). */
export function checkDomainPrefixedPath(value: string): string | undefined {
  if (value.length > 250) return tooLong(250)
  const slash = value.indexOf('/')
  if (slash <= 0 || slash === value.length - 1) return 'must be a domain-prefixed path (such as "acme.io/foo")'
  const bad = checkDns1123Subdomain(value.slice(0, slash))
  if (bad) return bad
  if (!/^[A-Za-z0-9/\-._~%!$&'()*+,;=:]+$/.test(value.slice(slash + 1))) {
    return "segment must consist of alphanumeric characters, '-', '_', '.', '~', '%', '!', '$', '&', ''', '(', ')', '*', '+', ',', ';', '=', ':'"
  }
  return undefined
}
