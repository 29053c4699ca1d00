/**
 * The Gateway API stage's findings: one per status condition that is not what a healthy object has (a listener
 * not Accepted, a listener's or a route's ResolvedRefs False, a route not Accepted on a parentRef), at the field it
 * is about, with the condition's type, status and reason in the words, plus a Gateway whose GatewayClass the
 * input lacks (docs/gateway-api.md#findings). Programmed and Conflicted repeat what Accepted already says and get
 * no finding of their own.
 */
import { msg } from '../messages/message'
import type { Gateway, GatewayClass, HTTPRoute } from '../model/types'
import type { RefProblem } from './resolve-backends'
import type { CompiledGateway, CompiledGatewayClass, CompiledHTTPRoute, GatewayCondition, GatewayIssue } from './types'

function conditionText(c: GatewayCondition): { type: string; status: string; reason: string; detail: GatewayCondition['message'] } {
  return { type: c.type, status: c.status, reason: c.reason, detail: c.message }
}

/** A GatewayClass not accepted for its parametersRef (`InvalidParameters`). */
export function classFindings(gatewayClass: GatewayClass, compiled: CompiledGatewayClass): GatewayIssue[] {
  return compiled.conditions.filter((c) => c.status === 'False' && c.reason === 'InvalidParameters').map((c) => ({
    code: 'gateway-parameters-not-found', severity: 'warning', source: gatewayClass.source, at: c.at ?? ['spec', 'parametersRef'],
    text: msg('gw-finding-class', { name: compiled.ref.name, ...conditionText(c) }),
  }))
}

/** Findings of one Gateway: its class, its parametersRef, and each listener's Accepted and ResolvedRefs when False. */
export function gatewayFindings(gateway: Gateway, compiled: CompiledGateway): GatewayIssue[] {
  const issues: GatewayIssue[] = []
  const key = compiled.ref.key
  if (!compiled.classFound) {
    issues.push({ code: 'gateway-class-missing', severity: 'info', source: gateway.source, at: ['spec', 'gatewayClassName'],
      text: msg('gw-class-assumed', { name: compiled.gatewayClassName, gateway: key }) })
  }
  const accepted = compiled.conditions.find((c) => c.type === 'Accepted')
  if (accepted?.reason === 'InvalidParameters') {
    issues.push({ code: 'gateway-parameters-not-found', severity: 'warning', source: gateway.source, at: accepted.at ?? ['spec', 'infrastructure'],
      text: msg('gw-finding-gateway', { gateway: key, ...conditionText(accepted) }) })
  }
  for (const listener of compiled.listeners) {
    for (const c of listener.conditions) {
      if (c.status !== 'False' || (c.type !== 'Accepted' && c.type !== 'ResolvedRefs')) continue
      issues.push({
        code: c.type === 'Accepted' ? 'gateway-listener-invalid' : 'gateway-listener-ref-not-resolved',
        severity: 'warning', source: gateway.source, at: c.at ?? listener.at,
        text: msg('gw-finding-listener', { listener: listener.name, gateway: key, ...conditionText(c) }),
      })
    }
  }
  return issues
}

/** `name` or `namespace/name`, and `:section` / `:port`: a parentRef as the findings name it. */
function describeParent(route: HTTPRoute, index: number): string {
  const ref = route.parentRefs[index]
  if (!ref) return String(index)
  const namespace = ref.namespace ?? route.meta.namespace
  const section = ref.sectionName !== undefined ? `/${ref.sectionName}` : ''
  const port = ref.port !== undefined ? `:${ref.port}` : ''
  return `${namespace}/${ref.name}${section}${port}`
}

/** Findings of one route: each parentRef not Accepted, and each reference that does not resolve. */
export function routeFindings(route: HTTPRoute, compiled: CompiledHTTPRoute, problems: readonly RefProblem[]): GatewayIssue[] {
  const issues: GatewayIssue[] = []
  for (const parent of compiled.parents) {
    const accepted = parent.conditions.find((c) => c.type === 'Accepted')
    if (!accepted || accepted.status === 'True') continue
    issues.push({
      code: 'gateway-route-not-accepted', severity: 'warning', source: route.source, at: accepted.at ?? parent.at,
      text: msg('gw-finding-route-parent', { route: compiled.ref.key, parent: describeParent(route, parent.parentRefIndex), ...conditionText(accepted) }),
    })
  }
  for (const problem of problems) {
    issues.push({
      code: 'gateway-route-ref-not-resolved', severity: 'warning', source: route.source, at: problem.at,
      text: msg('gw-finding-route-ref', { route: compiled.ref.key, reason: problem.reason, detail: problem.message }),
    })
  }
  return issues
}
