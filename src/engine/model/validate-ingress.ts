/**
 * Ingress value rules of the API server (networking validation) and of the ingress-nginx admission webhook:
 * hosts, TLS hosts and paths per pathType. Each returns the reasons a value is invalid, as messages (empty when valid).
 */
import { msg, type Message } from '../messages/message'
import type { PathType } from './types'
import { checkDns1123Subdomain, checkWildcardSubdomain, isIpAddress } from './validate-names'

/** Reasons a rule host or TLS host is invalid; rule hosts may not be IP addresses. */
export function checkIngressHost(host: string, allowIp: boolean): Message[] {
  const reasons: Message[] = []
  if (!allowIp && isIpAddress(host)) reasons.push(msg('api-host-not-ip'))
  const bad = host.includes('*') ? checkWildcardSubdomain(host) : checkDns1123Subdomain(host)
  const hint = bad && hostHint(host)
  if (bad) reasons.push(hint ? msg('with-hint', { reason: bad, hint }) : bad)
  return reasons
}

/** A pointer at the usual mistake behind an invalid host. */
function hostHint(host: string): Message | undefined {
  const scheme = /^[A-Za-z][A-Za-z0-9+.-]*:\/\//.exec(host)
  if (scheme) return msg('hint-host-scheme', { host: host.slice(scheme[0].length).replace(/[:/].*$/, '') })
  if (/:\d+$/.test(host)) return msg('hint-host-port')
  if (host !== host.toLowerCase()) return msg('hint-host-lower-case', { host: host.toLowerCase() })
  if (host.includes('*') && !host.startsWith('*.')) return msg('hint-host-wildcard')
  return undefined
}

const invalidSequences = ['//', '/./', '/../', '%2f', '%2F']
const invalidSuffixes = ['/..', '/.']

/** Reasons the API server rejects `path` for `pathType`. */
export function checkIngressPath(path: string, pathType: PathType): Message[] {
  const reasons: Message[] = []
  if (pathType === 'ImplementationSpecific') {
    if (path.length > 0 && !path.startsWith('/')) reasons.push(msg('api-absolute-path'))
    return reasons
  }
  if (!path.startsWith('/')) reasons.push(msg('api-absolute-path'))
  if (path.length > 0) {
    for (const sequence of invalidSequences) if (path.includes(sequence)) reasons.push(msg('api-path-sequence', { sequence }))
    for (const suffix of invalidSuffixes) if (path.endsWith(suffix)) reasons.push(msg('api-path-suffix', { suffix }))
  }
  return reasons
}

export const pathTypes: readonly PathType[] = ['Exact', 'ImplementationSpecific', 'Prefix']

export function isPathType(value: string): value is PathType {
  return (pathTypes as readonly string[]).includes(value)
}
