/**
 * Session affinity (`affinity: cookie`): which pod of the chosen upstream a request goes to, and the cookie
 * ingress-nginx sets so the next request goes there too (docs/routing.md#session-affinity).
 *
 * Compile time (`attachAffinity`), as controller.go builds `Backend.SessionAffinity`: the first Ingress using
 * an upstream decides its affinity type and mode; every Ingress with `affinity: cookie` overwrites the cookie
 * settings and adds its host and paths to the locations that may set the cookie; a canary upstream copies its
 * primary's settings unless the canary Ingress says `affinity-canary-behavior: legacy` (mergeAlternativeBackend).
 * The endpoints are the pods of the Deployments the Service selects (the route graph's pods, `model/pod-ref.ts`).
 *
 * Request time (`decideAffinity`), as balancer/sticky.lua and its two modes do: a cookie whose key finds an
 * endpoint sticks to it; otherwise a new endpoint is picked (from the seeded random source) and, when the
 * location is one that asked for affinity, a Set-Cookie is answered. The studio knows no pod IPs, so where
 * ingress-nginx hashes an endpoint's address it hashes the pod's studio name instead: the cookie has the real
 * shape and a request carrying it sticks, but its value is a stand-in for what a cluster would send.
 */
import { msg, type Message } from '../messages/message'
import type { BackendWorld } from './backend-availability'
import { podRefAt, type PodRef } from '../model/pod-ref'
import type { AffinityCookie } from './affinity-annotations'
import { md5Hex } from './md5'
import type { RandomSource } from './random'
import type { ServedIngress } from './select-ingresses'
import type { AffinityEndpoints, CompiledServer, CompiledUpstream, IngressRef, RouteAffinity, SetCookie, UpstreamAffinity } from './types'
import { upstreamName } from './compile-servers'

/** sticky.lua: the cookie value is `<endpoint key>|<upstream key>`. */
const COOKIE_VALUE_DELIMITER = '|'

/** sticky.lua `sync`: the upstream's own key, md5(md5(name) .. name). */
export function upstreamKeyOf(upstream: string): string {
  return md5Hex(md5Hex(upstream) + upstream)
}

/**
 * sticky_persistent (util/nodemap.lua): an endpoint's key is md5(upstream name .. address). The address is
 * `ip:port` in a cluster; the studio uses the pod's graph id (or the Service for an unnamed endpoint).
 */
export function persistentKeyOf(upstream: string, address: string): string {
  return md5Hex(upstream + address)
}

/**
 * The endpoints behind `upstream`, by the one rule of `backend-availability.ts`: the pods of the Deployments its
 * Service selects when the manifests show them, one unnamed endpoint when the studio only assumes the Service
 * has some, none when it has none.
 */
function endpointsOf(world: BackendWorld, upstream: CompiledUpstream, namespace: string, service: string): AffinityEndpoints {
  if (!upstream.availability.endpoints) return { kind: 'none', service }
  const found = upstream.availability.reason === 'selects-pods' ? world.service(namespace, service) : undefined
  if (!found) return { kind: 'unnamed', service }
  const deployments = world.selected(found).filter((d) => d.replicas > 0).map((d) => ({ namespace: d.meta.namespace, name: d.meta.name, replicas: d.replicas }))
  const count = deployments.reduce((sum, d) => sum + d.replicas, 0)
  return count === 0 ? { kind: 'none', service } : { kind: 'pods', service, deployments, count }
}

interface Draft {
  type: string
  mode: string
  cookie: AffinityCookie | null
  cookieFrom: IngressRef | null
  locations: Record<string, string[]>
}

/**
 * The upstreams of `compiled` with their session affinity attached (controller.go createServers and
 * mergeAlternativeBackend). Upstreams without affinity are returned as they are.
 */
export function attachAffinity(world: BackendWorld, served: readonly ServedIngress[], upstreams: readonly CompiledUpstream[], servers: readonly CompiledServer[] = []): CompiledUpstream[] {
  if (!served.some((entry) => entry.annotations.affinity?.type === 'cookie')) return [...upstreams]
  const byName = new Map(upstreams.map((u) => [u.name, u]))
  const drafts = new Map<string, Draft>()
  // controller.go adds each path under the server's aliases too (server-alias), so a request by an alias sets it.
  const aliasesOf = new Map(servers.map((server) => [server.hostname, (server.aliases ?? []).map((alias) => alias.name)]))
  for (const entry of served) {
    if (entry.annotations.canary) continue
    const affinity = entry.annotations.affinity
    for (const rule of entry.ingress.rules) {
      const host = rule.host === '' ? '_' : rule.host
      for (const path of rule.paths) {
        if (path.backend.type !== 'service') continue
        const port = 'number' in path.backend.port ? path.backend.port.number : path.backend.port.name
        const name = upstreamName(entry.ingress.meta.namespace, path.backend.service, port)
        const upstream = byName.get(name)
        if (!upstream || upstream.noServer) continue
        let draft = drafts.get(name)
        if (!draft) drafts.set(name, (draft = { type: '', mode: '', cookie: null, cookieFrom: null, locations: {} }))
        if (draft.type === '') draft.type = affinity?.type ?? ''
        if (draft.mode === '') draft.mode = affinity?.mode ?? ''
        if (affinity?.type !== 'cookie') continue
        draft.cookie = affinity.cookie
        draft.cookieFrom = entry.ref
        // The store turns an omitted path into '/' before this (store.go).
        const written = path.path === '' ? '/' : path.path
        for (const name of [host, ...(aliasesOf.get(host) ?? [])]) (draft.locations[name] ??= []).push(written)
      }
    }
  }
  const finished = new Map<string, UpstreamAffinity>()
  const finish = (upstream: CompiledUpstream, draft: Draft): UpstreamAffinity | null => {
    if (draft.type !== 'cookie' || !draft.cookie || !upstream.backend) return null
    const { namespace, service } = upstream.backend
    return {
      mode: draft.mode === 'persistent' ? 'persistent' : 'balanced',
      cookie: draft.cookie,
      cookieFrom: draft.cookieFrom,
      locations: draft.locations,
      upstreamKey: upstreamKeyOf(upstream.name),
      endpoints: endpointsOf(world, upstream, namespace, service),
    }
  }
  for (const [name, draft] of drafts) {
    const affinity = finish(byName.get(name) as CompiledUpstream, draft)
    if (affinity) finished.set(name, affinity)
  }
  // mergeAlternativeBackend: the canary upstream takes its primary's settings unless its Ingress says legacy.
  for (const primary of upstreams) {
    const draft = drafts.get(primary.name)
    if (!draft) continue
    for (const name of primary.alternatives) {
      const alternative = byName.get(name)
      const canaryIngress = alternative?.ingress ? served.find((entry) => entry.ref.index === alternative.ingress?.index) : undefined
      if (!alternative || canaryIngress?.annotations.affinity?.canaryBehavior === 'legacy') continue
      const copied = finish(alternative, draft)
      if (copied) finished.set(name, copied)
      else finished.delete(name)
    }
  }
  if (finished.size === 0) return [...upstreams]
  return upstreams.map((upstream) => {
    const affinity = finished.get(upstream.name)
    return affinity ? { ...upstream, affinity } : upstream
  })
}

/** The request facts the sticky balancer reads. */
export interface AffinityRequest {
  /** Request cookies (name → value). */
  readonly cookies: ReadonlyMap<string, string>
  /** ngx.var.host, or `_` when the catch-all server answered (sticky.lua should_set_cookie). */
  readonly host: string
  readonly serverIsCatchAll: boolean
  /** ngx.var.location_path: the Ingress path of the location ('' → '/'). */
  readonly locationPath: string
  /** ngx.var.https == "on". */
  readonly https: boolean
  readonly userAgent: string | null
}

/** How the pod was chosen. */
export type AffinityHow = 'cookie' | 'new' | 'cookie-unknown'

/** What `decideAffinity` decides; the route step turns it into the result and the trace. */
export interface AffinityDecision {
  readonly how: AffinityHow
  /** The endpoint (null when the Service has none). */
  readonly pod: PodRef | null
  /** The key of the endpoint the request went to (null without endpoint). */
  readonly key: string | null
  /** The request's cookie value, when it carried one. */
  readonly sent: string | null
  readonly setCookie: SetCookie | null
  /** Why no Set-Cookie although a new endpoint was picked: the location did not ask for affinity. */
  readonly locationNotListed: boolean
}

/** The cookie's `<endpoint key>` and `<upstream key>` (sticky.lua get_cookie_parsed). */
export function parseAffinityCookie(value: string | undefined): { key: string | null; upstreamKey: string | null } {
  if (value === undefined) return { key: null, upstreamKey: null }
  const parts = value.split(COOKIE_VALUE_DELIMITER).filter((part) => part !== '')
  return { key: parts[0] ?? null, upstreamKey: parts[1] ?? null }
}

/** sticky.lua `is_affinitized`: the request's cookie names this upstream. */
export function isAffinitized(upstream: CompiledUpstream, cookies: ReadonlyMap<string, string>): boolean {
  const affinity = upstream.affinity
  if (!affinity) return false
  return parseAffinityCookie(cookies.get(affinity.cookie.name)).upstreamKey === affinity.upstreamKey
}

function addressOf(endpoints: Extract<AffinityEndpoints, { kind: 'pods' | 'unnamed' }>, index: number): string {
  return endpoints.kind === 'pods' ? (podAt(endpoints, index) as PodRef).id : `svc:${endpoints.service}`
}

function podAt(endpoints: Extract<AffinityEndpoints, { kind: 'pods' | 'unnamed' }>, index: number): PodRef | null {
  if (endpoints.kind !== 'pods') return null
  let rest = index
  for (const deployment of endpoints.deployments) {
    if (rest < deployment.replicas) return podRefAt(deployment.namespace, deployment.name, rest)
    rest -= deployment.replicas
  }
  return null
}

/** How many endpoints; an unnamed endpoint counts as one (the studio cannot know more). */
const sizeOf = (endpoints: Extract<AffinityEndpoints, { kind: 'pods' | 'unnamed' }>): number => (endpoints.kind === 'pods' ? endpoints.count : 1)

/**
 * Stand-in for resty.chash `find`: the consistent-hash ring is built over endpoint addresses the studio does
 * not have, so the key's md5 picks an endpoint instead. Every key finds one, as on the ring.
 */
/**
 * Endpoints whose persistent keys the studio recognises, at most: `replicas` comes from the user, and each key is an
 * md5 (docs/routing.md#session-affinity). A cookie naming a pod past this many starts a new session.
 */
const PERSISTENT_KEYS_MAX = 100_000

/** Persistent key → endpoint index, built once per endpoint list on the first cookie. */
const persistentIndexes = new WeakMap<object, ReadonlyMap<string, number>>()

function persistentFind(upstream: string, endpoints: Extract<AffinityEndpoints, { kind: 'pods' | 'unnamed' }>, key: string): number | null {
  let index = persistentIndexes.get(endpoints)
  if (!index) {
    const keys = new Map<string, number>()
    const size = Math.min(sizeOf(endpoints), PERSISTENT_KEYS_MAX)
    for (let i = 0; i < size; i++) keys.set(persistentKeyOf(upstream, addressOf(endpoints, i)), i)
    persistentIndexes.set(endpoints, (index = keys))
  }
  return index.get(key) ?? null
}

function balancedFind(key: string, size: number): number {
  return parseInt(md5Hex(key).slice(0, 8), 16) % size
}

/** sticky.lua `set_cookie`, with the attributes in lua-resty-cookie's order (`bake`). */
export function buildSetCookie(cookie: AffinityCookie, value: string, request: AffinityRequest): SetCookie {
  let sameSite: string | null = cookie.sameSite === '' ? null : cookie.sameSite
  // util/same_site.lua: browsers that mishandle SameSite=None get no SameSite at all.
  if (sameSite === 'None' && cookie.conditionalSameSiteNone && !sameSiteNoneCompatible(request.userAgent)) sameSite = null
  // lua-resty-cookie drops any SameSite other than exactly Strict, Lax or None.
  const sameSiteDropped = sameSite !== null && !['Strict', 'Lax', 'None'].includes(sameSite)
  if (sameSiteDropped) sameSite = null
  const path = cookie.path === '' ? request.locationPath : cookie.path
  // Secure is omitted from the JSON when false, so the Lua side falls back to the request's scheme.
  const secure = cookie.secure || request.https
  // The validator's regex is unanchored on one side (`abc12` passes); the Lua's tonumber then fails on it, which the
  // studio does not model: such a value is left out rather than written as NaN.
  const seconds = (value: string): number | null => (value === '' || !Number.isFinite(Number(value)) ? null : Number(value))
  const expires = seconds(cookie.expires)
  const maxAge = seconds(cookie.maxAge)
  const domain = cookie.domain === '' ? null : cookie.domain
  const header = [
    `${cookie.name}=${value}`,
    expires !== null ? 'Expires=…' : null,
    maxAge !== null ? `Max-Age=${maxAge}` : null,
    domain !== null ? `Domain=${domain}` : null,
    `Path=${path}`,
    secure ? 'Secure' : null,
    'HttpOnly',
    sameSite !== null ? `SameSite=${sameSite}` : null,
  ].filter((part) => part !== null).join('; ')
  return { name: cookie.name, value, path, expiresInSeconds: expires, maxAge, domain, secure, httpOnly: true, sameSite, sameSiteDropped, header }
}

/** util/same_site.lua `same_site_none_compatible`. */
export function sameSiteNoneCompatible(userAgent: string | null): boolean {
  if (userAgent === null) return true
  if (/Chrome\/[456]/.test(userAgent)) return false
  if (userAgent.includes('CPU iPhone OS 12') || userAgent.includes('iPad; CPU OS 12')) return false
  return !(userAgent.includes('Macintosh') && userAgent.includes('Intel Mac OS X 10_14') && userAgent.includes('Safari') && !userAgent.includes('Chrome'))
}

/** sticky.lua should_set_cookie: the request's host (or its wildcard) lists the location's path. */
function shouldSetCookie(locations: Readonly<Record<string, readonly string[]>>, request: Pick<AffinityRequest, 'serverIsCatchAll' | 'host' | 'locationPath'>): boolean {
  const host = request.serverIsCatchAll ? '_' : request.host
  let paths = locations[host]
  if (paths === undefined && /^[^.]+\./.test(host)) paths = locations[host.replace(/^[^.]+\./, '*.')]
  return paths?.includes(request.locationPath) ?? false
}

/**
 * sticky.lua `balance` for `upstream` (which has affinity): the endpoint a request goes to and the cookie
 * answered. No endpoint fails in the studio, so `session-cookie-change-on-failure` never applies.
 */
export function decideAffinity(upstream: CompiledUpstream, request: AffinityRequest, random: RandomSource): AffinityDecision {
  const affinity = upstream.affinity as UpstreamAffinity
  const endpoints = affinity.endpoints
  const sentValue = request.cookies.get(affinity.cookie.name)
  const sent = sentValue ?? null
  if (endpoints.kind === 'none') return { how: sent === null ? 'new' : 'cookie-unknown', pod: null, key: null, sent, setCookie: null, locationNotListed: false }
  const size = sizeOf(endpoints)
  const { key } = parseAffinityCookie(sentValue)
  if (key !== null) {
    if (affinity.mode === 'balanced') {
      const index = balancedFind(key, size)
      return { how: 'cookie', pod: podAt(endpoints, index), key, sent, setCookie: null, locationNotListed: false }
    }
    const index = persistentFind(upstream.name, endpoints, key)
    if (index !== null) return { how: 'cookie', pod: podAt(endpoints, index), key, sent, setCookie: null, locationNotListed: false }
  }
  let index: number
  let newKey: string
  if (affinity.mode === 'balanced') {
    // sticky_balanced pick_new_upstream: a random key ("<time>.<worker pid>.<random>"; the studio has neither
    // clock nor worker, so only the random part), then the ring's endpoint for it.
    newKey = `0.0.${1 + Math.floor(random.next() * 999999)}`
    index = balancedFind(newKey, size)
  } else {
    // sticky_persistent pick_new_upstream: a random endpoint of the map, keyed by its hash.
    index = Math.min(size - 1, Math.floor(random.next() * size))
    newKey = persistentKeyOf(upstream.name, addressOf(endpoints, index))
  }
  const listed = shouldSetCookie(affinity.locations, request)
  const setCookie = listed ? buildSetCookie(affinity.cookie, newKey + COOKIE_VALUE_DELIMITER + affinity.upstreamKey, request) : null
  return { how: key === null ? 'new' : 'cookie-unknown', pod: podAt(endpoints, index), key: newKey, sent, setCookie, locationNotListed: !listed }
}

/** The endpoint as a phrase: the pod, or an unnamed endpoint of the Service. */
function endpointPhrase(pod: PodRef | null, service: string): Message {
  return pod ? msg('affinity-pod', { deployment: pod.deployment, ordinal: pod.ordinal }) : msg('affinity-endpoint-unnamed', { service })
}

/**
 * balancer.lua route_to_alternative_balancer, its first two questions: a request whose cookie carries the
 * primary's upstream key stays on the primary; one carrying the canary's key goes to the canary (its
 * affinity is the primary's copy, absent under `affinity-canary-behavior: legacy`). Null: the canary rules decide.
 */
export function stickyCanary(primary: CompiledUpstream, canary: CompiledUpstream, cookies: ReadonlyMap<string, string>, say: ((step: Message) => void) | null): 'primary' | 'canary' | null {
  if (isAffinitized(primary, cookies)) {
    say?.(msg('affinity-trace-canary-primary', { cookie: (primary.affinity as UpstreamAffinity).cookie.name, upstream: primary.name }))
    return 'primary'
  }
  if (isAffinitized(canary, cookies)) {
    say?.(msg('affinity-trace-canary-canary', { cookie: (canary.affinity as UpstreamAffinity).cookie.name, upstream: canary.name }))
    return 'canary'
  }
  return null
}

/**
 * The affinity step of `routeRequest` for the upstream whose balancer serves the request (primary or canary):
 * the pod, the cookie and why, with the trace steps given to `say` (null with tracing off).
 */
export function routeAffinity(upstream: CompiledUpstream, request: AffinityRequest, random: RandomSource, say: ((step: Message) => void) | null): RouteAffinity {
  const affinity = upstream.affinity as UpstreamAffinity
  const decision = decideAffinity(upstream, request, random)
  const { endpoints, mode, cookie } = affinity
  const service = endpoints.service
  const endpoint = endpointPhrase(decision.pod, service)
  const value = decision.sent ?? ''
  let why: Message
  if (endpoints.kind === 'none') why = msg('affinity-why-none', { service })
  else if (decision.how === 'cookie') why = msg('affinity-why-sticks', { cookie: cookie.name, endpoint })
  else if (decision.how === 'cookie-unknown') why = msg('affinity-why-unknown', { cookie: cookie.name, endpoint })
  else why = msg(decision.setCookie ? 'affinity-why-new' : 'affinity-why-new-no-cookie', { endpoint })
  if (say) {
    const base = { mode, upstream: upstream.name, cookie: cookie.name, endpoint, value }
    if (endpoints.kind === 'none') say(msg('affinity-trace-no-endpoints', { upstream: upstream.name, service }))
    else if (decision.how === 'cookie') say(msg('affinity-trace-sticks', base))
    else if (decision.how === 'cookie-unknown') say(msg('affinity-trace-unknown', base))
    else say(msg('affinity-trace-new', base))
    const set = decision.setCookie
    if (set) {
      say(msg('affinity-trace-set-cookie', { header: set.header }))
      if (set.expiresInSeconds !== null) say(msg('affinity-trace-expires', { seconds: set.expiresInSeconds }))
      if (set.sameSiteDropped) say(msg('affinity-trace-samesite-dropped', { value: cookie.sameSite }))
      say(msg('affinity-trace-stand-in', { scheme: msg(mode === 'balanced' ? 'affinity-standin-balanced' : 'affinity-standin-persistent') }))
    } else if (decision.locationNotListed && decision.key !== null) {
      say(msg('affinity-trace-not-listed', { path: request.locationPath, host: request.serverIsCatchAll ? '_' : request.host }))
    }
  }
  const stickyValue = decision.setCookie?.value ?? (decision.how === 'cookie' ? decision.sent : null)
  return {
    upstream: upstream.name,
    mode,
    cookieName: cookie.name,
    how: decision.how,
    endpoints: endpoints.kind,
    service,
    pod: decision.pod,
    sent: decision.sent,
    stickyValue,
    setCookie: decision.setCookie,
    why,
  }
}

/**
 * The route table's note for a location whose upstream has affinity: the cookie, its mode and Path, or that
 * this location sets none (sticky.lua should_set_cookie, with the server's own name as the host).
 */
export function affinityTableNote(upstream: CompiledUpstream, serverHostname: string, ingressPath: string): Message | null {
  const affinity = upstream.affinity
  if (!affinity) return null
  const { cookie, mode } = affinity
  const sets = shouldSetCookie(affinity.locations, { serverIsCatchAll: serverHostname === '_', host: serverHostname, locationPath: ingressPath })
  return sets
    ? msg('affinity-table', { cookie: cookie.name, mode, path: cookie.path === '' ? ingressPath : cookie.path })
    : msg('affinity-table-no-cookie', { cookie: cookie.name, mode })
}

/** The nginx.conf comment of a location whose upstream has affinity (configuration text: English). */
export function affinityConfComment(upstream: CompiledUpstream, ingressPath: string): string | null {
  const affinity = upstream.affinity
  if (!affinity) return null
  const { cookie, mode } = affinity
  const path = cookie.path === '' ? `${ingressPath} ($location_path)` : cookie.path
  return `ingress-nginx Lua: session affinity sticky_${mode} on ${upstream.name}, cookie ${cookie.name}, Path ${path}`
}
