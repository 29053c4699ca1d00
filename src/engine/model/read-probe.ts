/**
 * Probes and lifecycle handlers of a container, with the API defaults (timing: `PROBE_DEFAULTS`; httpGet path `/`,
 * scheme HTTP) and the API server's rules (exactly one handler; non-negative
 * numbers; successThreshold 1 for liveness and startup probes).
 */
import { isScalar, type Pair } from 'yaml'
import { checkKnownFields, knownFields } from './check-known-fields'
import { msg } from '../messages/message'
import { forbidden, invalidValue, requiredValue, unsupportedValue } from './field-errors'
import { PROBE_DEFAULTS } from './probe-defaults'
import type { ReadContext } from './read-context'
import { asString, fieldOf, itemsOf, readInt, readIntOrString, readMap, readSeq, readString, type MapView, type Read } from './read-node'
import type { Handler, IntOrString, Probe } from './types'
import { checkPortName, checkPortNumber } from './validate-names'

export type ProbeKind = 'livenessProbe' | 'readinessProbe' | 'startupProbe'

const probeFields = knownFields(['exec', 'httpGet', 'tcpSocket', 'grpc', 'initialDelaySeconds', 'timeoutSeconds',
  'periodSeconds', 'successThreshold', 'failureThreshold', 'terminationGracePeriodSeconds'])
const lifecycleHandlerFields = knownFields(['exec', 'httpGet', 'tcpSocket', 'sleep'])
const httpGetFields = knownFields(['path', 'port', 'host', 'scheme', 'httpHeaders'])

const probeHandlers = ['exec', 'httpGet', 'tcpSocket', 'grpc'] as const
const lifecycleHandlers = ['exec', 'httpGet', 'tcpSocket', 'sleep'] as const

/** Reads `container[kind]`; undefined when absent or without a usable handler. */
export function readProbe(ctx: ReadContext, container: MapView, kind: ProbeKind): Probe | undefined {
  const probe = readMap(ctx, container, kind)
  if (!probe) return undefined
  checkKnownFields(ctx, probe, probeFields)
  const handler = readHandler(ctx, probe, probeHandlers)
  const number = (key: string, fallback: number): number => {
    const read = readInt(ctx, probe, key)
    if (read && read.value < 0) {
      ctx.report('invalid-value', 'error', invalidValue(read.path, read.value, msg('api-greater-or-equal-zero')), read.span)
      return fallback
    }
    // The API server defaults a zero (unset) period, timeout and thresholds, so 0 means "the default".
    return read && read.value !== 0 ? read.value : fallback
  }
  const success = readInt(ctx, probe, 'successThreshold')
  if (success && success.value > 1 && kind !== 'readinessProbe') {
    ctx.report('invalid-value', 'error', invalidValue(success.path, success.value, msg('api-must-be-one')), success.span)
  }
  const grace = readInt(ctx, probe, 'terminationGracePeriodSeconds')
  if (grace && kind === 'readinessProbe') {
    ctx.report('invalid-value', 'error', invalidValue(grace.path, grace.value, msg('api-probe-grace-readiness')), grace.span)
  } else if (grace && grace.value <= 0) {
    ctx.report('invalid-value', 'error', invalidValue(grace.path, grace.value, msg('api-greater-than-zero')), grace.span)
  }
  if (!handler) return undefined
  return {
    handler,
    initialDelaySeconds: number('initialDelaySeconds', PROBE_DEFAULTS.initialDelaySeconds),
    periodSeconds: number('periodSeconds', PROBE_DEFAULTS.periodSeconds),
    timeoutSeconds: number('timeoutSeconds', PROBE_DEFAULTS.timeoutSeconds),
    // Liveness and startup probes must succeed once (validated above); only readiness may ask for more.
    successThreshold: kind === 'readinessProbe' ? number('successThreshold', PROBE_DEFAULTS.successThreshold) : 1,
    failureThreshold: number('failureThreshold', PROBE_DEFAULTS.failureThreshold),
    ...(grace && grace.value > 0 && kind !== 'readinessProbe' ? { terminationGracePeriodSeconds: grace.value } : {}),
    at: probe.path,
  }
}

/** Reads `lifecycle.preStop` / `lifecycle.postStart`. */
export function readLifecycleHandler(ctx: ReadContext, lifecycle: MapView | undefined, key: 'preStop' | 'postStart'): Handler | undefined {
  const hook = readMap(ctx, lifecycle, key)
  if (!hook) return undefined
  checkKnownFields(ctx, hook, lifecycleHandlerFields)
  return readHandler(ctx, hook, lifecycleHandlers)
}

function readHandler(ctx: ReadContext, owner: MapView, allowed: readonly string[]): Handler | undefined {
  // In document order, so "more than 1 handler" points at the one written second.
  const present = (owner.node.items as Pair[])
    .map((pair) => (isScalar(pair.key) ? String(pair.key.value) : ''))
    .filter((key) => allowed.includes(key) && fieldOf(ctx, owner, key)?.node != null)
  if (present.length === 0) {
    ctx.report('required', 'error', requiredValue(owner.path, msg('api-handler-required')), owner.anchor)
    return undefined
  }
  if (present.length > 1) {
    const second = fieldOf(ctx, owner, present[1] as string)
    ctx.report('invalid-value', 'error', forbidden([...owner.path, present[1] as string], msg('api-one-handler')),
      second?.keySpan ?? owner.anchor)
    return undefined
  }
  const type = present[0] as string
  const body = readMap(ctx, owner, type)
  if (!body) return undefined
  switch (type) {
    case 'httpGet': {
      checkKnownFields(ctx, body, httpGetFields)
      const port = readHandlerPort(ctx, body)
      const path = readString(ctx, body, 'path')
      const scheme = readString(ctx, body, 'scheme')
      let schemeValue: 'HTTP' | 'HTTPS' = 'HTTP'
      if (scheme && (scheme.value === 'HTTP' || scheme.value === 'HTTPS')) schemeValue = scheme.value
      else if (scheme && scheme.value !== '') {
        ctx.report('invalid-value', 'error', unsupportedValue(scheme.path, scheme.value, ['HTTP', 'HTTPS']), scheme.span)
      }
      return port === undefined ? undefined : { type: 'httpGet', path: path && path.value !== '' ? path.value : '/', port, scheme: schemeValue }
    }
    case 'tcpSocket': {
      const port = readHandlerPort(ctx, body)
      return port === undefined ? undefined : { type: 'tcpSocket', port }
    }
    case 'grpc': {
      const port = readInt(ctx, body, 'port', true)
      if (port) checkPort(ctx, port)
      return port ? { type: 'grpc', port: port.value } : undefined
    }
    case 'exec': {
      const seq = readSeq(ctx, body, 'command')
      const command = (seq ? itemsOf(ctx, seq) : []).map((item) => asString(ctx, item)?.value ?? '')
      return { type: 'exec', command }
    }
    default: {
      const seconds = readInt(ctx, body, 'seconds', true)
      if (seconds && seconds.value < 0) {
        ctx.report('invalid-value', 'error', invalidValue(seconds.path, seconds.value, msg('api-greater-or-equal-zero')), seconds.span)
      }
      return { type: 'sleep', seconds: Math.max(0, seconds?.value ?? 0) }
    }
  }
}

function readHandlerPort(ctx: ReadContext, body: MapView): IntOrString | undefined {
  const port = readIntOrString(ctx, body, 'port', true)
  if (port) checkPort(ctx, port)
  return port?.value
}

function checkPort(ctx: ReadContext, port: Read<IntOrString>): void {
  const bad = typeof port.value === 'number' ? checkPortNumber(port.value) : checkPortName(port.value)
  if (bad) ctx.report('invalid-port', 'error', invalidValue(port.path, port.value, bad), port.span)
}
