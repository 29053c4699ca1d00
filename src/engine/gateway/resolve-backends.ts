/**
 * What each backendRef of an HTTPRoute rule resolves to (httproute_types.go `HTTPBackendRef`, `BackendRef`,
 * `HTTPRequestMirrorFilter.BackendRef`, `HTTPRouteFilter.Type`; docs/gateway-api.md#backend-resolution):
 * a core Service (else `InvalidKind`), in the route's namespace or permitted by a ReferenceGrant (else
 * `RefNotPermitted`), present in the input when the input holds Services (else `BackendNotFound`), with the
 * port the backendRef names. Ready endpoints follow the ingress router's one rule (route/backend-availability.ts).
 * Filters the studio cannot apply (ExtensionRef, an unknown type) are listed so requests matching the rule get 500.
 */
import { msg, type Message } from '../messages/message'
import { GATEWAY_API_GROUP } from '../model/gateway-types'
import type { BackendObjectReference, HTTPRoute, HTTPRouteFilter, HTTPRouteRule } from '../model/types'
import { describeServicePorts, portEndpoints, type BackendWorld } from '../route/backend-availability'
import type { ReferenceGrants } from './reference-grants'
import type { CompiledBackend, CompiledRule, ResolvedMirror } from './types'

/** A reference of a rule that does not resolve: the route's ResolvedRefs False, and a finding at `at`. */
export interface RefProblem {
  readonly reason: string
  readonly message: Message
  readonly at: CompiledBackend['at']
}

/** The lookups resolution needs, built once per model. */
export interface BackendLookups {
  readonly world: BackendWorld
  readonly grants: ReferenceGrants
}

interface Resolution {
  readonly valid: boolean
  readonly refusal: { readonly reason: string; readonly message: Message } | null
  readonly endpoints: CompiledBackend['endpoints']
  readonly endpointsWhy: Message | null
  readonly namespace: string
}

/** Resolves one Service reference of `route` (a backendRef or a mirror's) written in rule `rule`. */
export function resolveReference(route: HTTPRoute, rule: number, ref: BackendObjectReference, lookups: BackendLookups): Resolution {
  const namespace = ref.namespace ?? route.meta.namespace
  const refuse = (reason: string, message: Message): Resolution => ({ valid: false, refusal: { reason, message }, endpoints: 'none', endpointsWhy: null, namespace })
  if (ref.group !== '' || ref.kind !== 'Service') {
    return refuse('InvalidKind', msg('gw-backend-invalid-kind', { rule, name: ref.name, kind: ref.kind, group: ref.group }))
  }
  const from = { group: GATEWAY_API_GROUP, kind: 'HTTPRoute', namespace: route.meta.namespace }
  if (!lookups.grants.permits(from, { group: '', kind: 'Service', namespace, name: ref.name })) {
    return refuse('RefNotPermitted', msg('gw-backend-not-permitted', { rule, namespace, name: ref.name, from: route.meta.namespace }))
  }
  const said = { namespace, service: ref.name }
  if (!lookups.world.hasServices) {
    return { valid: true, refusal: null, endpoints: 'assumed', endpointsWhy: msg('backend-why-assumed-no-services', said), namespace }
  }
  const service = lookups.world.service(namespace, ref.name)
  if (!service) return refuse('BackendNotFound', msg('gw-backend-not-found', { rule, namespace, name: ref.name }))
  let servicePort
  if (service.type !== 'ExternalName') {
    if (ref.port === undefined) return refuse('BackendNotFound', msg('gw-backend-no-port', { rule, namespace, name: ref.name }))
    // A backendRef's port is the Service's port number (BackendObjectReference.Port), never a targetPort or name.
    servicePort = service.ports.find((p) => p.port === ref.port)
    if (!servicePort) {
      return refuse('BackendNotFound', msg('gw-backend-port-missing', { rule, namespace, name: ref.name, port: ref.port, ports: describeServicePorts(service) || msg('lint-none') }))
    }
  }
  const availability = portEndpoints(lookups.world, service, servicePort)
  const endpoints = !availability.endpoints ? 'none' : availability.assumed ? 'assumed' : 'ready'
  return { valid: true, refusal: null, endpoints, endpointsWhy: availability.text, namespace }
}

/** Whether a filter is one the studio applies; the others make a matching request answer 500. */
function unsupportedFilter(filter: HTTPRouteFilter): string | null {
  if (filter.type === 'ExtensionRef') return 'ExtensionRef'
  if (filter.type === 'Unknown') return filter.written
  return null
}

export interface CompiledRuleResult {
  readonly rule: CompiledRule
  /** Unresolved references in field order: backendRefs, mirrors, ExtensionRefs. */
  readonly problems: readonly RefProblem[]
  /** Filters of an unknown type (Accepted False, `UnsupportedValue`). */
  readonly unknownFilters: readonly { readonly type: string; readonly at: CompiledBackend['at'] }[]
}

/** One rule of `route` with every backendRef resolved and its unsupported filters listed. */
export function compileRule(route: HTTPRoute, rule: HTTPRouteRule, index: number, lookups: BackendLookups): CompiledRuleResult {
  const problems: RefProblem[] = []
  const unknownFilters: { type: string; at: CompiledBackend['at'] }[] = []
  type Unsupported = { index: number; type: string; message: Message }
  type Refused = { index: number; reason: string; message: Message }
  const checkFilters = (filters: readonly HTTPRouteFilter[]): { unsupported: Unsupported[]; refusedMirrors: Refused[]; mirrors: ResolvedMirror[] } => {
    const unsupported: Unsupported[] = []
    const refusedMirrors: Refused[] = []
    const mirrors: ResolvedMirror[] = []
    filters.forEach((filter, filterIndex) => {
      if (filter.type === 'RequestMirror') {
        const mirror = resolveReference(route, index, filter.requestMirror.backendRef, lookups)
        mirrors.push({ index: filterIndex, namespace: mirror.namespace })
        if (mirror.refusal) {
          const message = msg('gw-mirror-refused', { rule: index, filter: filterIndex, why: mirror.refusal.message })
          problems.push({ reason: mirror.refusal.reason, message, at: filter.at })
          refusedMirrors.push({ index: filterIndex, reason: mirror.refusal.reason, message })
        }
        return
      }
      const type = unsupportedFilter(filter)
      if (type === null) return
      let message: Message
      if (filter.type === 'ExtensionRef') {
        const { group, kind, name } = filter.extensionRef
        message = msg('gw-extension-ref-unresolved', { rule: index, filter: filterIndex, group, kind, name })
        problems.push({ reason: 'InvalidKind', message, at: filter.at })
      } else {
        message = msg('gw-route-unsupported-filter', { rule: index, type })
        unknownFilters.push({ type, at: filter.at })
      }
      unsupported.push({ index: filterIndex, type, message })
    })
    return { unsupported, refusedMirrors, mirrors }
  }
  const ruleFilters = checkFilters(rule.filters)
  const backends: CompiledBackend[] = rule.backendRefs.map((ref, backendIndex) => {
    const resolved = resolveReference(route, index, ref, lookups)
    if (resolved.refusal) problems.push({ reason: resolved.refusal.reason, message: resolved.refusal.message, at: ref.at })
    const backendFilters = checkFilters(ref.filters)
    return {
      index: backendIndex, kind: ref.kind, group: ref.group, name: ref.name, namespace: resolved.namespace,
      port: ref.port ?? null, weight: ref.weight, valid: resolved.valid, refusal: resolved.refusal,
      endpoints: resolved.endpoints, endpointsWhy: resolved.endpointsWhy, filters: ref.filters, unsupportedFilters: backendFilters.unsupported, refusedMirrors: backendFilters.refusedMirrors, mirrors: backendFilters.mirrors, at: ref.at,
    }
  })
  return {
    rule: {
      index, name: rule.name ?? null, matches: rule.matches, filters: rule.filters, backends,
      unsupportedFilters: ruleFilters.unsupported, refusedMirrors: ruleFilters.refusedMirrors, mirrors: ruleFilters.mirrors, at: rule.at,
    },
    problems,
    unknownFilters,
  }
}
