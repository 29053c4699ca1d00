/**
 * The Gateway API stage: model → `CompiledGateways` (docs/gateway-api.md#attachment-and-status). Every Gateway
 * with its listeners' status and the routes attached to each listener, every HTTPRoute with its rules' backends
 * resolved and its status per parentRef as a conformant controller writes it, and the findings of the conditions
 * that are not True. The studio is the controller of every GatewayClass of the input; a Gateway whose class is
 * missing is routed anyway (the class is assumed to exist) and a finding says so. Pure; never throws on input.
 */
import { msg } from '../messages/message'
import type { ClusterModel, Gateway, HTTPRoute } from '../model/types'
import { objectKey } from '../model/object-key'
import { backendWorld } from '../route/backend-availability'
import { indexNamespaceLabels } from './allowed-routes'
import { attachParent, type AttachableGateway, type ParentAttachment } from './attach-routes'
import { classFindings, gatewayFindings, routeFindings } from './gateway-findings'
import { condition, gatewayConditions, listenerStatuses, listenerWorld } from './listener-conditions'
import { indexParameters } from './parameters-refs'
import { indexReferenceGrants } from './reference-grants'
import { compileRule, type BackendLookups, type RefProblem } from './resolve-backends'
import { rankRoutesByAge } from './route-age'
import { parentConditions, resolvedRefsCondition, type RouteFindings } from './route-conditions'
import type {
  CompiledGateway, CompiledGatewayClass, CompiledGateways, CompiledHTTPRoute, CompiledListener, CompiledRule,
  GatewayCondition, GatewayIssue, ListenerAttachment, ObjectRef, RouteParentStatus,
} from './types'

function refOf(object: Gateway | HTTPRoute | ClusterModel['gatewayClasses'][number]): ObjectRef {
  const { namespace, name } = object.meta
  return { namespace, name, key: objectKey(namespace, name), source: object.source }
}

const compiledOnce = new WeakMap<ClusterModel, CompiledGateways>()

/** Gateways, listeners, attachments, resolved backends and status conditions of `model` (cached per model object). */
export function compileGateways(model: ClusterModel): CompiledGateways {
  const cached = compiledOnce.get(model)
  if (cached) return cached
  const compiled = compile(model)
  compiledOnce.set(model, compiled)
  return compiled
}

function compile(model: ClusterModel): CompiledGateways {
  const grants = indexReferenceGrants(model)
  const world = listenerWorld(model, grants)
  const lookups: BackendLookups = { world: backendWorld(model), grants }
  const namespaceLabels = indexNamespaceLabels(model)
  const parametersFound = indexParameters(model)
  const issues: GatewayIssue[] = []

  // GatewayClasses are cluster-scoped: by name, the first of a name wins.
  const classes = new Map<string, ClusterModel['gatewayClasses'][number]>()
  for (const gatewayClass of model.gatewayClasses) if (!classes.has(gatewayClass.meta.name)) classes.set(gatewayClass.meta.name, gatewayClass)
  const gatewayClasses: CompiledGatewayClass[] = model.gatewayClasses.map((gatewayClass) => {
    const parameters = gatewayClass.parametersRef
    const accepted = parameters && !parametersFound(parameters, parameters.namespace)
      ? condition('Accepted', false, 'InvalidParameters', msg('gw-class-invalid-parameters', { kind: parameters.kind, name: parameters.name, group: parameters.group }), parameters.at)
      : condition('Accepted', true, 'Accepted', msg('gw-class-accepted', { name: gatewayClass.meta.name, controller: gatewayClass.controllerName }))
    const compiledClass: CompiledGatewayClass = { ref: refOf(gatewayClass), controllerName: gatewayClass.controllerName, conditions: [accepted] }
    issues.push(...classFindings(gatewayClass, compiledClass))
    return compiledClass
  })

  // Gateways and their listeners' status (attachments are filled in below).
  const gatewayByKey = new Map<string, AttachableGateway>()
  const attachmentsOf = new Map<AttachableGateway, ListenerAttachment[][]>()
  const attachable = model.gateways.map((gateway) => {
    const entry: AttachableGateway = { gateway, key: objectKey(gateway.meta.namespace, gateway.meta.name), listeners: listenerStatuses(gateway, world) }
    if (!gatewayByKey.has(entry.key)) gatewayByKey.set(entry.key, entry)
    attachmentsOf.set(entry, entry.listeners.map(() => []))
    return entry
  })

  // Routes: rules (backends), then each parentRef's attachment and conditions.
  const ages = rankRoutesByAge(model.httpRoutes)
  const acceptedRoutes = new Map<AttachableGateway, Set<number>[]>()
  const routes: CompiledHTTPRoute[] = []
  const routeProblems: RefProblem[][] = []
  model.httpRoutes.forEach((route, routeIndex) => {
    const rules: CompiledRule[] = []
    const problems: RefProblem[] = []
    const unknownFilters: RouteFindings['unknownFilters'][number][] = []
    const unknownFilterRules: number[] = []
    route.rules.forEach((rule, ruleIndex) => {
      const result = compileRule(route, rule, ruleIndex, lookups)
      rules.push(result.rule)
      problems.push(...result.problems)
      for (const unknown of result.unknownFilters) {
        unknownFilters.push(unknown)
        unknownFilterRules.push(ruleIndex)
      }
    })
    const findings: RouteFindings = { problems, unknownFilters, unknownFilterRules }
    const resolvedRefs = resolvedRefsCondition(findings)
    const ref = refOf(route)
    const parents: RouteParentStatus[] = route.parentRefs.map((parentRef, parentRefIndex) => {
      const attachment: ParentAttachment = attachParent(route, parentRef, gatewayByKey, namespaceLabels)
      const conditions = parentConditions(attachment, findings, resolvedRefs, parentRef.at)
      const gateway = attachment.gateway
      if (gateway) {
        const lists = attachmentsOf.get(gateway)
        const acceptedHere = conditions[0]?.status === 'True'
        let counted = acceptedRoutes.get(gateway)
        if (!counted) acceptedRoutes.set(gateway, (counted = gateway.listeners.map(() => new Set<number>())))
        for (const { index, hostnames } of attachment.listeners) {
          lists?.[index]?.push({ route: ref.key, routeIndex, parentRefIndex, hostnames })
          if (acceptedHere) counted[index]?.add(routeIndex)
        }
      }
      return {
        parentRefIndex,
        gateway: gateway?.key ?? null,
        sectionName: parentRef.sectionName ?? null,
        port: parentRef.port ?? null,
        listeners: attachment.listeners.map((l) => gateway?.listeners[l.index]?.listener.name ?? ''),
        conditions,
        at: parentRef.at,
      }
    })
    routes.push({
      ref,
      creationTimestamp: route.meta.creationTimestamp ?? null,
      age: ages[routeIndex] ?? routeIndex,
      hostnames: route.hostnames,
      rules,
      parents,
    })
    routeProblems.push(problems)
  })

  const gateways: CompiledGateway[] = attachable.map((entry) => {
    const { gateway } = entry
    const lists = attachmentsOf.get(entry) ?? []
    const counted = acceptedRoutes.get(entry)
    const listeners: CompiledListener[] = entry.listeners.map((status, i) => ({
      name: status.listener.name,
      index: status.index,
      port: status.listener.port,
      protocol: status.listener.protocol,
      hostname: status.listener.hostname ?? null,
      certificates: status.certificates,
      servesHttpRoutes: (status.listener.protocol === 'HTTP' || status.listener.protocol === 'HTTPS') && status.kinds.supported.some((k) => k.kind === 'HTTPRoute'),
      programmed: status.programmed,
      supportedKinds: status.kinds.supported,
      attachedRoutes: counted?.[i]?.size ?? 0,
      conditions: status.conditions,
      attachments: lists[i] ?? [],
      at: status.listener.at,
    }))
    const compiledGateway: CompiledGateway = {
      ref: refOf(gateway),
      gatewayClassName: gateway.gatewayClassName,
      classFound: classes.has(gateway.gatewayClassName),
      listeners,
      addresses: gateway.addresses.map((a) => a.value),
      conditions: withParameters(gateway, gatewayConditions(entry.listeners).conditions),
    }
    issues.push(...gatewayFindings(gateway, compiledGateway))
    return compiledGateway
  })
  /** A Gateway whose infrastructure.parametersRef the input lacks is not accepted, hence not programmed. */
  function withParameters(gateway: Gateway, conditions: readonly GatewayCondition[]): readonly GatewayCondition[] {
    const parameters = gateway.infrastructure?.parametersRef
    if (!parameters || parametersFound(parameters, gateway.meta.namespace)) return conditions
    const message = msg('gw-gateway-invalid-parameters', { kind: parameters.kind, name: parameters.name, group: parameters.group })
    return [condition('Accepted', false, 'InvalidParameters', message, parameters.at), condition('Programmed', false, 'Invalid', message, parameters.at)]
  }
  model.httpRoutes.forEach((route, i) => {
    const compiledRoute = routes[i]
    if (compiledRoute) issues.push(...routeFindings(route, compiledRoute, routeProblems[i] ?? []))
  })
  return { gatewayClasses, gateways, routes, issues }
}
