/**
 * Ingress value rules of the API server (networking validation) and of the ingress-nginx admission webhook:
 * hosts, TLS hosts and paths per pathType. Each returns the reasons a value is invalid (empty when valid).
 */
import type { PathType } from './types'
import { checkDns1123Subdomain, checkWildcardSubdomain, isIpAddress } from './validate-names'

/** Reasons a rule host or TLS host is invalid; rule hosts may not be IP addresses. */
export function checkIngressHost(host: string, allowIp: boolean): string[] {
  const reasons: string[] = []
  if (!allowIp && isIpAddress(host)) reasons.push('must be a DNS name, not an IP address')
  const bad = host.includes('*') ? checkWildcardSubdomain(host) : checkDns1123Subdomain(host)
  if (bad) reasons.push(bad + hostHint(host))
  return reasons
}

/** A pointer at the usual mistake behind an invalid host. */
function hostHint(host: string): string {
  const scheme = /^[A-Za-z][A-Za-z0-9+.-]*:\/\//.exec(host)
  if (scheme) return `; a host has no scheme: write "${host.slice(scheme[0].length).replace(/[:/].*$/, '')}"`
  if (/:\d+$/.test(host)) return '; a host has no port'
  if (host !== host.toLowerCase()) return `; hosts are lower case: "${host.toLowerCase()}"`
  if (host.includes('*') && !host.startsWith('*.')) return "; a wildcard is only allowed as the whole first label, as in '*.example.com'"
  return ''
}

const invalidSequences = ['//', '/./', '/../', '%2f', '%2F']
const invalidSuffixes = ['/..', '/.']

/** Reasons the API server rejects `path` for `pathType`. */
export function checkIngressPath(path: string, pathType: PathType): string[] {
  const reasons: string[] = []
  if (pathType === 'ImplementationSpecific') {
    if (path.length > 0 && !path.startsWith('/')) reasons.push('must be an absolute path')
    return reasons
  }
  if (!path.startsWith('/')) reasons.push('must be an absolute path')
  if (path.length > 0) {
    for (const sequence of invalidSequences) if (path.includes(sequence)) reasons.push(`must not contain '${sequence}'`)
    for (const suffix of invalidSuffixes) if (path.endsWith(suffix)) reasons.push(`cannot end with '${suffix}'`)
  }
  return reasons
}

export const pathTypes: readonly PathType[] = ['Exact', 'ImplementationSpecific', 'Prefix']

export function isPathType(value: string): value is PathType {
  return (pathTypes as readonly string[]).includes(value)
}
