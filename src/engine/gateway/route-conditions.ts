/**
 * The conditions of one `status.parents[]` entry of an HTTPRoute (shared_types.go `RouteConditionType`,
 * `RouteParentStatus.Conditions`; docs/gateway-api.md#route-conditions):
 *
 * - `Accepted`: from attachment (attach-routes.ts); an attached route with a filter of a type the studio does not
 *   know is `Accepted: False` with `UnsupportedValue` (httproute_types.go `HTTPRouteFilter.Type`).
 * - `ResolvedRefs`: True unless a backendRef, a mirror's backendRef or an ExtensionRef does not resolve; then False
 *   with the first such reference's reason (`InvalidKind`, `RefNotPermitted`, `BackendNotFound`). It is written
 *   whether or not the route is accepted (the conformance tests check it on detached routes too).
 */
import { msg } from '../messages/message'
import type { ParentAttachment } from './attach-routes'
import { condition } from './listener-conditions'
import type { RefProblem } from './resolve-backends'
import type { GatewayCondition } from './types'

export interface RouteFindings {
  readonly problems: readonly RefProblem[]
  readonly unknownFilters: readonly { readonly type: string; readonly at: RefProblem['at'] }[]
  /** The rule index of each unknown filter, in the same order. */
  readonly unknownFilterRules: readonly number[]
}

/** The route's ResolvedRefs condition (the same for every parent: references belong to the rules). */
export function resolvedRefsCondition(findings: RouteFindings): GatewayCondition {
  const first = findings.problems[0]
  if (!first) return condition('ResolvedRefs', true, 'ResolvedRefs', msg('gw-route-resolved-refs'))
  return condition('ResolvedRefs', false, first.reason, msg('gw-route-refs-unresolved', { count: findings.problems.length, first: first.message }), first.at)
}

/** Accepted and ResolvedRefs of one parentRef. */
export function parentConditions(attachment: ParentAttachment, findings: RouteFindings, resolvedRefs: GatewayCondition, at: GatewayCondition['at']): GatewayCondition[] {
  const unknown = findings.unknownFilters[0]
  const accepted = attachment.accepted && unknown
    ? condition('Accepted', false, 'UnsupportedValue', msg('gw-route-unsupported-filter', { rule: findings.unknownFilterRules[0] ?? 0, type: unknown.type }), unknown.at)
    : condition('Accepted', attachment.accepted, attachment.reason, attachment.message, at)
  return [accepted, resolvedRefs]
}
