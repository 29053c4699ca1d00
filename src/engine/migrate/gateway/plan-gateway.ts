/**
 * The Gateway the converted routes attach to (docs/migration.md#conversion): either one the conversion writes —
 * an `http` listener (HTTP, 80, any host) and one HTTPS listener per TLS host of the served Ingresses, each
 * terminating TLS with the Ingress's Secret — or one of the input, whose listeners are only looked up.
 *
 * TLS follows ingress-nginx's certificate choice (controller.go createServers, docs/routing.md#servers): a host's
 * certificate comes from the first Ingress, in the controller's order, that names the host both as a rule host and
 * in its `tls` section; a later Ingress naming another Secret for the same host is not used.
 */
import { msg } from '../../messages/message'
import type { Gateway, GatewayListener, Ingress } from '../../model/types'
import { listenerNameFor, NameScope } from './conversion-names'
import type { DraftListener } from './draft'
import type { FindingMaker } from './structure-findings'
import type { ConversionFinding, IngressKey } from './types'

/** `spec.listeners` maxItems of the Gateway CRD (v1.6.1). */
const MAX_LISTENERS = 64

/** Where the routes attach. */
export interface GatewayPlan {
  readonly namespace: string
  readonly name: string
  /** The Gateway of the input named by the options, or null when the conversion writes one. */
  readonly existing: Gateway | null
  /** The written Gateway's listeners (empty for an existing Gateway). */
  readonly listeners: readonly DraftListener[]
  /** TLS hosts left without a listener because the Gateway is full (reported where they were dropped). */
  readonly overLimit: ReadonlySet<string>
  /** The `http`-like listener for a route host (HTTP, any host or one covering it), or null. */
  httpSection(host: string): string | null
  /** The most specific HTTPS listener covering a route host, or null. */
  httpsSection(host: string): string | null
  /** Whether that listener admits routes of `namespace` (false only for a known `Same` elsewhere). */
  admits(section: string, namespace: string): boolean
}

/** A served, non-canary Ingress in ingress-nginx's order. */
export interface OrderedIngress {
  readonly ingress: Ingress
  readonly rank: number
}

/** How well a listener hostname covers a route host: -1 not at all; higher is more specific (listener selection). */
export function coverage(listenerHost: string | undefined, host: string): number {
  if (listenerHost === undefined || listenerHost === '') return 0
  if (host === '') return -1
  if (listenerHost === host) return 100_000
  if (listenerHost.startsWith('*.')) {
    const suffix = listenerHost.slice(1)
    if (host.endsWith(suffix) && host.length > suffix.length) return listenerHost.length
  }
  return -1
}

function bestListener<L extends { readonly name: string; readonly hostname?: string }>(listeners: readonly L[], host: string): L | null {
  let best: L | null = null
  let score = -1
  for (const listener of listeners) {
    const value = coverage(listener.hostname, host)
    if (value > score) {
      best = listener
      score = value
    }
  }
  return best
}

/** Whether a rule host of `ingress` is `host` or falls under it (a wildcard TLS host). */
function routesHost(ingress: Ingress, host: string): boolean {
  return ingress.rules.some((rule) => rule.host !== '' && coverage(host, rule.host) > 0)
}

/** The listeners (and findings) of the Gateway the conversion writes for `ordered` Ingresses. */
export function writtenListeners(ordered: readonly OrderedIngress[], gatewayNamespace: string, routeNamespaces: ReadonlySet<string>, finding: FindingMaker): { listeners: DraftListener[]; findings: ConversionFinding[]; overLimit: ReadonlySet<string>; from: IngressKey[] } {
  const findings: ConversionFinding[] = []
  const fromAll = [...routeNamespaces].some((namespace) => namespace !== gatewayNamespace)
  const names = new NameScope()
  const http: DraftListener = { name: names.claim('http'), protocol: 'HTTP', port: 80, ...(fromAll ? { allowedRoutesFromAll: true } : {}) }
  const byHost = new Map<string, { listener: DraftListener; ingress: Ingress; secret: string }>()
  for (const { ingress } of [...ordered].sort((a, b) => a.rank - b.rank)) {
    ingress.tls.forEach((tls, tlsIndex) => {
      const at = ['spec', 'tls', tlsIndex]
      if (tls.secretName === undefined || tls.secretName === '') {
        if (tls.hosts.length > 0) findings.push(finding('tls-without-secret', 'warning', ingress, at, msg('mg-tls-without-secret', { hosts: tls.hosts.join(', ') })))
        return
      }
      tls.hosts.forEach((written, hostIndex) => {
        const host = written.toLowerCase()
        const hostAt = [...at, 'hosts', hostIndex]
        if (!routesHost(ingress, host)) {
          findings.push(finding('tls-host-not-routed', 'info', ingress, hostAt, msg('mg-tls-host-not-routed', { host })))
          return
        }
        const secret = tls.secretName as string
        const taken = byHost.get(host)
        if (taken) {
          if (taken.secret !== secret || taken.ingress.meta.namespace !== ingress.meta.namespace) {
            const owner = `${taken.ingress.meta.namespace}/${taken.ingress.meta.name}`
            findings.push(finding('tls-secret-conflict', 'warning', ingress, hostAt, msg('mg-tls-secret-conflict', { host, secret, owner, ownerSecret: taken.secret })))
          }
          return
        }
        const namespace = ingress.meta.namespace
        const listener: DraftListener = {
          name: names.claim(listenerNameFor(host)),
          protocol: 'HTTPS',
          port: 443,
          hostname: host,
          certificateRefs: [namespace === gatewayNamespace ? { name: secret } : { name: secret, namespace }],
          ...(fromAll ? { allowedRoutesFromAll: true } : {}),
        }
        byHost.set(host, { listener, ingress, secret })
      })
    })
  }
  // A Gateway holds at most 64 listeners (the CRD's maxItems): the first TLS hosts in ingress-nginx's order keep theirs.
  const entries = [...byHost.entries()]
  for (const [host, entry] of entries.slice(MAX_LISTENERS - 1)) {
    const hostIndex = entry.ingress.tls.findIndex((tls) => tls.hosts.some((name) => name.toLowerCase() === host))
    findings.push(finding('gateway-listener-limit', 'warning', entry.ingress, ['spec', 'tls', hostIndex], msg('mg-gateway-listener-limit', { host, max: MAX_LISTENERS })))
  }
  const kept = entries.slice(0, MAX_LISTENERS - 1)
  const from = [...new Set(kept.map(([, entry]) => entry.ingress))].map((ingress) => ({ namespace: ingress.meta.namespace, name: ingress.meta.name }))
  return { listeners: [http, ...kept.map(([, entry]) => entry.listener)], findings, overLimit: new Set(entries.slice(MAX_LISTENERS - 1).map(([host]) => host)), from }
}

/** The plan for a Gateway the conversion writes. */
export function writtenPlan(namespace: string, name: string, listeners: readonly DraftListener[], overLimit: ReadonlySet<string>): GatewayPlan {
  const https = listeners.filter((listener) => listener.protocol === 'HTTPS')
  const http = listeners.find((listener) => listener.protocol === 'HTTP')
  return {
    namespace,
    name,
    existing: null,
    listeners,
    overLimit,
    httpSection: () => http?.name ?? null,
    httpsSection: (host) => (host === '' ? null : (bestListener(https, host)?.name ?? null)),
    admits: () => true,
  }
}

function ofProtocol(gateway: Gateway, protocol: 'HTTP' | 'HTTPS', port: number): GatewayListener[] {
  const all = gateway.listeners.filter((listener) => listener.protocol === protocol)
  const onPort = all.filter((listener) => listener.port === port)
  return onPort.length > 0 ? onPort : all
}

/** The plan for a Gateway of the input: listeners by protocol (the usual port first), then hostname. */
export function existingPlan(gateway: Gateway): GatewayPlan {
  const http = ofProtocol(gateway, 'HTTP', 80)
  const https = ofProtocol(gateway, 'HTTPS', 443)
  return {
    namespace: gateway.meta.namespace,
    name: gateway.meta.name,
    existing: gateway,
    listeners: [],
    overLimit: new Set(),
    httpSection: (host) => bestListener(http, host)?.name ?? null,
    httpsSection: (host) => (host === '' ? null : (bestListener(https, host)?.name ?? null)),
    admits: (section, namespace) => {
      const listener = gateway.listeners.find((candidate) => candidate.name === section)
      return !listener || namespace === gateway.meta.namespace || listener.allowedRoutes.from !== 'Same'
    },
  }
}
