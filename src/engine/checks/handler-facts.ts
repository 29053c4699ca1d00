/**
 * Facts about probe and lifecycle handlers the rules share: a handler written back as YAML, and whether two
 * probes are the same check. (How long a preStop hook takes is the model's `Container.preStopDuration`.)
 */
import type { YamlValue } from '../fix/types'
import type { Handler, Probe } from '../model/types'

/** The handler as the YAML a probe or hook writes it. */
export function handlerYaml(handler: Handler): Record<string, YamlValue> {
  switch (handler.type) {
    case 'httpGet':
      return { httpGet: { path: handler.path, port: handler.port, ...(handler.scheme === 'HTTPS' ? { scheme: 'HTTPS' } : {}) } }
    case 'tcpSocket':
      return { tcpSocket: { port: handler.port } }
    case 'grpc':
      return { grpc: { port: handler.port } }
    case 'exec':
      return { exec: { command: [...handler.command] } }
    case 'sleep':
      return { sleep: { seconds: handler.seconds } }
  }
}

/** True when both handlers check the same thing. */
export function sameHandler(a: Handler, b: Handler): boolean {
  return JSON.stringify(handlerYaml(a)) === JSON.stringify(handlerYaml(b))
}

/** The port a handler talks to, if it has one. */
export function handlerPort(handler: Handler): number | string | null {
  return handler.type === 'httpGet' || handler.type === 'tcpSocket' || handler.type === 'grpc' ? handler.port : null
}

/** Earliest seconds after container start at which a probe can have succeeded `successThreshold` times. */
export function earliestSuccess(probe: Probe): number {
  return probe.initialDelaySeconds + (probe.successThreshold - 1) * probe.periodSeconds
}
