/**
 * A Gateway's listeners and their status as a conformant controller writes it (gateway_types.go
 * `ListenerConditionType` / `ListenerConditionReason`, `Gateway.spec.listeners` "Distinct Listeners" and
 * "Handling indistinct Listeners"; docs/gateway-api.md#listener-conditions): Accepted, Conflicted, ResolvedRefs
 * (certificateRefs and allowedRoutes.kinds) and Programmed, then the Gateway's own Accepted and Programmed.
 */
import { msg, type Message } from '../messages/message'
import type { ClusterModel, Gateway, GatewayListener, Secret } from '../model/types'
import { inspectSecret } from '../tls/inspect-secret'
import { GATEWAY_API_GROUP } from '../model/gateway-types'
import { describeKinds, isSupportedProtocol, listenerKinds, type ListenerKinds } from './allowed-routes'
import type { ReferenceGrants } from './reference-grants'
import type { GatewayCondition } from './types'

/** A condition of the whole object or of a field. */
export function condition(type: string, ok: boolean, reason: string, message: Message, at: GatewayCondition['at'] = null): GatewayCondition {
  return { type, status: ok ? 'True' : 'False', reason, message, at }
}

/** The transport a protocol shares a port on: listeners of different families on one port conflict (UDP aside). */
function familyOf(protocol: string): string {
  if (protocol === 'HTTPS' || protocol === 'TLS') return 'tls'
  return protocol.toLowerCase()
}

interface Conflict {
  readonly reason: 'ProtocolConflict' | 'HostnameConflict'
  readonly message: Message
}

/** Which listeners are indistinct from another of the same Gateway, and why ("Handling indistinct Listeners"). */
function findConflicts(listeners: readonly GatewayListener[]): Map<number, Conflict> {
  const conflicts = new Map<number, Conflict>()
  listeners.forEach((listener, i) => {
    if (!isSupportedProtocol(listener.protocol)) return
    const family = familyOf(listener.protocol)
    const samePort = listeners.filter((other, j) => j !== i && other.port === listener.port && isSupportedProtocol(other.protocol))
    const clashing = samePort.filter((other) => familyOf(other.protocol) !== family && family !== 'udp' && familyOf(other.protocol) !== 'udp')
    if (clashing.length > 0) {
      conflicts.set(i, {
        reason: 'ProtocolConflict',
        message: msg('gw-listener-protocol-conflict', {
          port: listener.port, protocol: listener.protocol,
          others: clashing.map((o) => o.name).join(', '), protocols: [...new Set(clashing.map((o) => o.protocol))].join(', '),
        }),
      })
      return
    }
    // TCP and UDP ignore the hostname: two on one port are never distinct.
    const hostnameMatters = family === 'http' || family === 'tls'
    const same = samePort.filter((other) => familyOf(other.protocol) === family && (!hostnameMatters || (other.hostname ?? null) === (listener.hostname ?? null)))
    if (same.length > 0) {
      conflicts.set(i, {
        reason: 'HostnameConflict',
        message: msg('gw-listener-hostname-conflict', { port: listener.port, others: same.map((o) => o.name).join(', '), hostname: listener.hostname ?? msg('gw-listener-any-hostname') }),
      })
    }
  })
  return conflicts
}

/** What the compiler needs from the model, indexed once. */
export interface ListenerWorld {
  readonly hasSecrets: boolean
  secret(namespace: string, name: string): Secret | undefined
  readonly grants: ReferenceGrants
}

export function listenerWorld(model: ClusterModel, grants: ReferenceGrants): ListenerWorld {
  const secrets = new Map<string, Secret>()
  for (const secret of model.secrets) {
    const k = `${secret.meta.namespace}/${secret.meta.name}`
    if (!secrets.has(k)) secrets.set(k, secret)
  }
  return { hasSecrets: model.secrets.length > 0, secret: (namespace, name) => secrets.get(`${namespace}/${name}`), grants }
}

interface CertificateCheck {
  readonly certificates: { readonly key: string; readonly resolved: boolean }[]
  /** The first problem (listener ResolvedRefs False), or null. */
  readonly problem: { readonly reason: string; readonly message: Message; readonly at: GatewayCondition['at'] } | null
  /** Set when the certificates were assumed (the input holds no Secret). */
  readonly assumed: Message | null
}

/** The listener's certificateRefs (HTTPS, or TLS in Terminate mode): kind, ReferenceGrant, presence, content. */
function checkCertificates(gateway: Gateway, listener: GatewayListener, world: ListenerWorld): CertificateCheck {
  const terminates = listener.protocol === 'HTTPS' || (listener.protocol === 'TLS' && listener.tls?.mode === 'Terminate')
  const certificates: { key: string; resolved: boolean }[] = []
  if (!terminates) return { certificates, problem: null, assumed: null }
  const tls = listener.tls
  if (!tls || tls.certificateRefs.length === 0) {
    return { certificates, problem: { reason: 'InvalidCertificateRef', message: msg('gw-listener-cert-none'), at: tls?.at ?? listener.at }, assumed: null }
  }
  let problem: CertificateCheck['problem'] = null
  let assumed: Message | null = null
  tls.certificateRefs.forEach((ref, index) => {
    const namespace = ref.namespace ?? gateway.meta.namespace
    const key = `${namespace}/${ref.name}`
    const fail = (reason: string, message: Message): void => {
      certificates.push({ key, resolved: false })
      problem ??= { reason, message, at: ref.at }
    }
    if (ref.group !== '' || ref.kind !== 'Secret') return fail('InvalidCertificateRef', msg('gw-listener-cert-invalid-kind', { index, kind: ref.kind, group: ref.group }))
    if (!world.grants.permits({ group: GATEWAY_API_GROUP, kind: 'Gateway', namespace: gateway.meta.namespace }, { group: '', kind: 'Secret', namespace, name: ref.name })) {
      return fail('RefNotPermitted', msg('gw-listener-cert-not-permitted', { index, secret: key, namespace, from: gateway.meta.namespace }))
    }
    if (!world.hasSecrets) {
      certificates.push({ key, resolved: true })
      assumed ??= msg('gw-listener-cert-assumed', { secret: key })
      return
    }
    const secret = world.secret(namespace, ref.name)
    if (!secret) return fail('InvalidCertificateRef', msg('gw-listener-cert-missing', { index, secret: key }))
    const read = inspectSecret(secret)
    if (read.kind === 'no-data') return fail('InvalidCertificateRef', msg('gw-listener-cert-no-data', { index, secret: key }))
    if (read.kind === 'unreadable') return fail('InvalidCertificateRef', msg('gw-listener-cert-malformed', { index, secret: key, problem: read.problem }))
    certificates.push({ key, resolved: true })
  })
  return { certificates, problem, assumed }
}

/** One listener before routes attach: everything `CompiledListener` holds but the attachments. */
export interface ListenerStatus {
  readonly listener: GatewayListener
  readonly index: number
  readonly kinds: ListenerKinds
  readonly accepted: boolean
  readonly programmed: boolean
  readonly certificates: readonly { readonly key: string; readonly resolved: boolean }[]
  readonly conditions: readonly GatewayCondition[]
}

/** The status of every listener of `gateway`, in order. */
export function listenerStatuses(gateway: Gateway, world: ListenerWorld): ListenerStatus[] {
  const conflicts = findConflicts(gateway.listeners)
  return gateway.listeners.map((listener, index) => {
    const supported = isSupportedProtocol(listener.protocol)
    const conflict = conflicts.get(index) ?? null
    const kinds = listenerKinds(listener)
    const certs = checkCertificates(gateway, listener, world)
    const accepted = supported && conflict === null
    const acceptedCondition = !supported
      ? condition('Accepted', false, 'UnsupportedProtocol', msg('gw-listener-unsupported-protocol', { protocol: listener.protocol }), [...listener.at, 'protocol'])
      : conflict
        ? condition('Accepted', false, conflict.reason, conflict.message, [...listener.at, 'port'])
        : condition('Accepted', true, 'Accepted', msg('gw-listener-accepted', { protocol: listener.protocol, port: listener.port }))
    const conflicted = conflict
      ? condition('Conflicted', true, conflict.reason, conflict.message, [...listener.at, 'port'])
      : condition('Conflicted', false, 'NoConflicts', msg('gw-listener-no-conflicts'))
    const kindsProblem = kinds.invalid.length > 0
      ? { reason: 'InvalidRouteKinds', message: msg('gw-listener-invalid-kinds', { kinds: describeKinds(kinds.invalid), protocol: listener.protocol, supported: describeKinds(kinds.supported) || msg('lint-none') }), at: listener.allowedRoutes.at ? [...listener.allowedRoutes.at, 'kinds'] : listener.at }
      : null
    const refsProblem = certs.problem ?? kindsProblem
    const resolvedRefs = refsProblem
      ? condition('ResolvedRefs', false, refsProblem.reason, refsProblem.message, refsProblem.at)
      : condition('ResolvedRefs', true, 'ResolvedRefs', certs.assumed ?? msg('gw-listener-resolved-refs'))
    // A listener whose certificates do not resolve cannot terminate TLS; one whose kinds are partly invalid still
    // carries the kinds it supports.
    const programmed = accepted && certs.problem === null && kinds.supported.length > 0
    const notProgrammedWhy = !accepted ? acceptedCondition : certs.problem ? resolvedRefs : kindsProblem ? resolvedRefs : null
    const programmedCondition = programmed
      ? condition('Programmed', true, 'Programmed', msg('gw-listener-programmed'))
      : condition('Programmed', false, conflict ? conflict.reason : 'Invalid', msg('gw-listener-not-programmed', { why: notProgrammedWhy?.message ?? msg('lint-none') }))
    return {
      listener, index, kinds, accepted, programmed,
      certificates: certs.certificates,
      conditions: [acceptedCondition, programmedCondition, resolvedRefs, conflicted],
    }
  })
}

/** The Gateway's Accepted and Programmed conditions from its listeners' ("ListenersNotValid"). */
export function gatewayConditions(statuses: readonly ListenerStatus[]): { readonly accepted: boolean; readonly conditions: readonly GatewayCondition[] } {
  const valid = statuses.filter((s) => s.accepted).map((s) => s.listener.name)
  const invalid = statuses.filter((s) => !s.accepted).map((s) => s.listener.name)
  const none = msg('lint-none')
  const accepted = valid.length > 0
  const acceptedCondition = invalid.length === 0
    ? condition('Accepted', true, 'Accepted', msg('gw-gateway-accepted'))
    : accepted
      ? condition('Accepted', true, 'ListenersNotValid', msg('gw-gateway-listeners-not-valid', { invalid: invalid.join(', '), valid: valid.join(', ') }))
      : condition('Accepted', false, 'ListenersNotValid', msg('gw-gateway-no-valid-listener', { invalid: invalid.join(', ') || none }))
  const programmedCondition = accepted
    ? condition('Programmed', true, 'Programmed', msg('gw-gateway-programmed'))
    : condition('Programmed', false, 'Invalid', msg('gw-gateway-not-programmed'))
  return { accepted, conditions: [acceptedCondition, programmedCondition] }
}
