/**
 * Why requests failed and what to change, in words: one explanation and one fix per failure detail, phrased
 * with the run's own numbers (endpoint lag, preStop, grace period, app start). Used by the text summary and by
 * the UI when a failed request is clicked.
 */
import type { FailureDetail } from './request-outcome'
import type { RolloutResult } from './simulate-rollout'

/** The explanation of one kind of failure and the configuration change that prevents it. */
export interface FailureAdvice {
  readonly why: string
  readonly fix: string
}

const s = (seconds: number): string => `${Number(seconds.toFixed(3))}s`

function preStopSeconds(r: RolloutResult): number {
  const hook = r.deployment.preStop
  if (hook === null) return 0
  const sleep = /^sleep (\d+(?:\.\d+)?)s$/.exec(hook)
  return sleep ? Number(sleep[1]) : r.parameters.preStopHttpSeconds
}

function preStopFix(r: RolloutResult): string {
  const lag = r.parameters.endpointRemoveLagSeconds ?? r.parameters.endpointLagSeconds
  const wait = Math.max(5, Math.ceil(lag * 2))
  const hook = r.deployment.preStop
  if (hook === null) {
    return `Add a preStop hook that waits longer than the endpoint lag (${s(lag)}) before SIGTERM, e.g. lifecycle.preStop.sleep.seconds: ${wait} (Kubernetes 1.30+) or exec ["sleep", "${wait}"].`
  }
  if (hook.startsWith('sleep')) return `Raise the preStop sleep above the endpoint lag (${s(lag)}), e.g. to ${wait}s.`
  return `The preStop hook (${hook}) returns after ${s(r.parameters.preStopHttpSeconds)}; make it wait longer than the endpoint lag (${s(lag)}), e.g. ${wait}s (--prestop-http ${wait} simulates that), or use a sleep hook.`
}

/** Explanation and fix for a failure detail, using the run's parameters and the Deployment's settings. */
export function adviseOn(detail: FailureDetail, r: RolloutResult): FailureAdvice {
  const p = r.parameters
  const d = r.deployment
  const lag = p.endpointRemoveLagSeconds ?? p.endpointLagSeconds
  switch (detail) {
    case 'no-endpoints':
      return {
        why: 'No pod was a ready endpoint in the ingress\'s view, so ingress-nginx answered 503.',
        fix:
          d.strategy === 'Recreate'
            ? 'Recreate stops every old pod before starting new ones, so an outage is built in; use RollingUpdate with maxSurge 1 and maxUnavailable 0.'
            : `Keep at least one pod serving: replicas − maxUnavailable must stay ≥ 1 (here ${d.replicas} − ${r.resolved.maxUnavailable}); for ${d.replicas === 1 ? 'one replica' : 'few replicas'} use maxSurge 1 and maxUnavailable 0.`,
      }
    case 'app-not-started':
      return d.hasReadinessProbe
        ? { why: 'The pod was Ready but its app was not listening yet.', fix: 'Make the readinessProbe test the serving port and path, so a pod is Ready only when it can serve.' }
        : {
            why: `The pod had no readinessProbe, so it was Ready (and got traffic, and let the controller remove old pods) as soon as its container started, ${p.appStartSeconds === null ? 'but the app never listened' : `${s(p.appStartSeconds)} before the app listened`}.`,
            fix: 'Add a readinessProbe on the serving port (e.g. httpGet on the app\'s health path), so traffic and the rollout wait for the app.',
          }
    case 'listener-closed':
      return {
        why: `SIGTERM closed the app's listener while the ingress still sent it requests (it drops a terminating pod only ${s(lag)} later).`,
        fix: preStopFix(r),
      }
    case 'pod-gone':
      return {
        why: `The pod had already exited while the ingress still sent it requests (it drops a terminating pod only ${s(lag)} after deletion).`,
        fix: preStopFix(r),
      }
    case 'container-restarting':
      return { why: 'The container was being restarted after a probe failure while the ingress still sent it requests.', fix: probeKillFix(r) }
    case 'killed-on-sigterm':
      return {
        why: 'The app exited at once on SIGTERM and reset the requests it was serving.',
        fix: 'Handle SIGTERM gracefully: stop accepting, finish in-flight requests, then exit (and delay SIGTERM with a preStop hook).',
      }
    case 'killed-at-grace-end':
      return p.sigterm === 'ignore'
        ? {
            why: `The app ignored SIGTERM and was killed by SIGKILL at the end of the grace period (${d.terminationGracePeriodSeconds}s), resetting its requests.`,
            fix: 'Let the server receive SIGTERM (exec it as PID 1 or use an init that forwards signals) and drain in-flight requests.',
          }
        : {
            why: `SIGKILL came before the app had drained: preStop (${s(preStopSeconds(r))}) plus shutdown did not fit in terminationGracePeriodSeconds (${d.terminationGracePeriodSeconds}s).`,
            fix: `Raise terminationGracePeriodSeconds above preStop + the longest request + a margin (at least ${Math.ceil(preStopSeconds(r) + p.requestSeconds * 2 + 5)}s).`,
          }
    case 'killed-by-probe':
      return { why: 'A liveness (or startup) probe failure killed the container while it was serving.', fix: probeKillFix(r) }
    case 'upstream-timeout':
      return {
        why: `The app took longer than ingress-nginx's proxy-read-timeout (${s(p.proxyReadTimeoutSeconds)}), which answered 504.`,
        fix: 'Raise nginx.ingress.kubernetes.io/proxy-read-timeout on the Ingress, or make the requests faster.',
      }
    case 'client-timeout':
      return { why: `No answer came within the client's timeout (${s(p.timeoutSeconds)}).`, fix: 'Raise the client timeout, or make the requests faster.' }
  }
}

function probeKillFix(r: RolloutResult): string {
  const start = r.parameters.appStartSeconds
  return `The liveness probe gives up before the app has started${start === null ? '' : ` (it listens after ${s(start)})`}: add a startupProbe, or raise the liveness probe's initialDelaySeconds or failureThreshold.`
}
