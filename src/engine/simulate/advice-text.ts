/**
 * The English sentences of the rollout advice, made from its data (`rollout-advice.ts`) in this one place: one
 * sentence per cause, one per remedy.
 */
import type { FailureCause, FailureRemedy } from './rollout-advice'

const s = (seconds: number): string => `${Number(seconds.toFixed(3))}s`

export function formatCause(c: FailureCause): string {
  switch (c.kind) {
    case 'no-endpoints':
      return 'No pod was a ready endpoint in the ingress\'s view, so ingress-nginx answered 503.'
    case 'app-not-started':
      return c.hasReadinessProbe
        ? 'The pod was Ready but its app was not listening yet.'
        : `The pod had no readinessProbe, so it was Ready (and got traffic, and let the controller remove old pods) as soon as its container started, ${c.appStartSeconds === null ? 'but the app never listened' : `${s(c.appStartSeconds)} before the app listened`}.`
    case 'listener-closed':
      return `SIGTERM closed the app's listener while the ingress still sent it requests (it drops a terminating pod only ${s(c.lagSeconds)} later).`
    case 'pod-gone':
      return `The pod had already exited while the ingress still sent it requests (it drops a terminating pod only ${s(c.lagSeconds)} after deletion).`
    case 'container-restarting':
      return 'The container was being restarted after a probe failure while the ingress still sent it requests.'
    case 'killed-on-sigterm':
      return 'The app exited at once on SIGTERM and reset the requests it was serving.'
    case 'killed-at-grace-end':
      return c.sigterm === 'ignore'
        ? `The app ignored SIGTERM and was killed by SIGKILL at the end of the grace period (${c.graceSeconds}s), resetting its requests.`
        : `SIGKILL came before the app had drained: preStop (${s(c.preStopSeconds)}${c.preStopAssumed ? ' assumed, --prestop-http' : ''}) plus shutdown did not fit in terminationGracePeriodSeconds (${c.graceSeconds}s).`
    case 'killed-by-probe':
      return 'A liveness (or startup) probe failure killed the container while it was serving.'
    case 'upstream-timeout':
      return `The app took longer than ingress-nginx's proxy-read-timeout (${s(c.proxyReadTimeoutSeconds)}), which answered 504.`
    case 'client-timeout':
      return `No answer came within the client's timeout (${s(c.timeoutSeconds)}).`
  }
}

function lengthenPreStop(r: Extract<FailureRemedy, { kind: 'lengthen-prestop' }>): string {
  const lag = s(r.lagSeconds)
  const wait = r.suggestedSeconds
  switch (r.hook) {
    case 'none':
      return `Add a preStop hook that waits longer than the endpoint lag (${lag}) before SIGTERM, e.g. lifecycle.preStop.sleep.seconds: ${wait} (Kubernetes 1.30+) or exec ["sleep", "${wait}"].`
    case 'sleep-action':
    case 'exec-sleep':
      return `Raise the preStop sleep (${s(r.currentSeconds)}) above the endpoint lag (${lag}), e.g. to ${wait}s.`
    case 'exec-script':
      return `The preStop script sleeps ${s(r.currentSeconds)}, less than the endpoint lag (${lag}); make it sleep longer, e.g. ${wait}s, or use lifecycle.preStop.sleep.seconds: ${wait} instead (the suggested change, which drops the script's other commands).`
    case 'assumed':
      return `The preStop hook's time is the app's; the simulation assumed ${s(r.currentSeconds)} (--prestop-http). Make it wait longer than the endpoint lag (${lag}), e.g. ${wait}s (--prestop-http ${wait} simulates that), or use a sleep hook.`
  }
}

export function formatRemedy(r: FailureRemedy): string {
  switch (r.kind) {
    case 'rolling-update-instead-of-recreate':
      return 'Recreate stops every old pod before starting new ones, so an outage is built in; use RollingUpdate with maxSurge 1 and maxUnavailable 0.'
    case 'keep-one-serving':
      return `Keep at least one pod serving: replicas − maxUnavailable must stay ≥ 1 (here ${r.replicas} − ${r.maxUnavailable}); for ${r.replicas === 1 ? 'one replica' : 'few replicas'} use maxSurge 1 and maxUnavailable 0.`
    case 'probe-the-serving-port':
      return 'Make the readinessProbe test the serving port and path, so a pod is Ready only when it can serve.'
    case 'add-readiness-probe':
      return `Add a readinessProbe on the serving port (${r.port}, e.g. httpGet on the app's health path or tcpSocket), so traffic and the rollout wait for the app.`
    case 'lengthen-prestop':
      return lengthenPreStop(r)
    case 'drain-on-sigterm':
      return 'Handle SIGTERM gracefully: stop accepting, finish in-flight requests, then exit (and delay SIGTERM with a preStop hook).'
    case 'receive-sigterm':
      return 'Let the server receive SIGTERM (exec it as PID 1 or use an init that forwards signals) and drain in-flight requests.'
    case 'raise-grace':
      return `Raise terminationGracePeriodSeconds (${r.currentSeconds}s) above preStop (${s(r.preStopSeconds)}) + the longest request (${s(r.longestRequestSeconds)}) + a margin: at least ${r.suggestedSeconds}s.`
    case 'add-startup-probe':
      return `The liveness probe gives up before the app has started${r.appStartSeconds === null ? '' : ` (it listens after ${s(r.appStartSeconds)})`}: add a startupProbe (e.g. tcpSocket on ${r.port}, periodSeconds ${r.periodSeconds}, failureThreshold ${r.failureThreshold}), or raise the liveness probe's initialDelaySeconds or failureThreshold.`
    case 'raise-proxy-read-timeout':
      return `Raise nginx.ingress.kubernetes.io/proxy-read-timeout on the Ingress (${s(r.currentSeconds)}) to ${r.suggestedSeconds}, or make the requests faster.`
    case 'raise-client-timeout':
      return `Raise the client timeout (${s(r.currentSeconds)}) to ${r.suggestedSeconds}s, or make the requests faster.`
  }
}
