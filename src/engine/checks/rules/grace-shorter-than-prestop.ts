/**
 * `grace-shorter-than-prestop`: terminationGracePeriodSeconds leaves too little after the preStop hook. The
 * grace period starts at deletion and includes the hook; the app then needs time to finish in-flight requests
 * before SIGKILL. When the hook outlives the grace period the kubelet stops waiting for it at the grace period's
 * end, sends SIGTERM with a one-off 2 s extension and SIGKILL after those 2 s
 * (docs/rollout.md#prestop-and-the-grace-period). Checked when the hook's duration is in the manifest
 * (`Container.preStopDuration`), the same duration the simulation runs it for.
 */
import { msg } from '../../messages/message'
import type { Container } from '../../model/types'
import type { Finding, LintRule } from '../types'

/** Seconds the app should have after the hook, at least, to drain in-flight requests. */
export const MIN_DRAIN_SECONDS = 5
/** What the fix leaves the app after the hook: the Kubernetes default grace period. */
export const FIX_DRAIN_SECONDS = 30
/** kuberuntime_manager.go `minimumGracePeriodInSeconds`: SIGTERM always gets this long before SIGKILL. */
export const KUBELET_MINIMUM_GRACE_SECONDS = 2

/** The container's preStop seconds when the manifest tells, else null. */
function knownPreStopSeconds(container: Container): number | null {
  const duration = container.preStopDuration
  return duration.kind === 'known' ? duration.seconds : null
}

/** What happens on deletion, in the kubelet's terms, when `grace` does not cover the hook. */
export const graceShorterThanPrestop: LintRule = {
  id: 'grace-shorter-than-prestop',
  check({ model, has }) {
    const findings: Finding[] = []
    for (const deployment of model.deployments) {
      const grace = deployment.template.terminationGracePeriodSeconds
      const hooks = deployment.template.containers
        .map((container) => ({ container, seconds: knownPreStopSeconds(container) }))
        .filter((hook): hook is { container: Container; seconds: number } => hook.seconds !== null && hook.seconds > 0)
      const longest = hooks.sort((a, b) => b.seconds - a.seconds)[0]
      if (!longest || grace - longest.seconds >= MIN_DRAIN_SECONDS) continue
      const target = Math.ceil(longest.seconds) + FIX_DRAIN_SECONDS
      const graceField = [...deployment.template.at, 'spec', 'terminationGracePeriodSeconds']
      const cutOff = grace <= longest.seconds
      const said = { grace, seconds: longest.seconds, container: longest.container.name, target }
      findings.push({
        code: 'grace-shorter-than-prestop',
        source: deployment.source,
        at: has(deployment.source, graceField) ? graceField : [...longest.container.at, 'lifecycle', 'preStop'],
        part: has(deployment.source, graceField) ? 'value' : 'key',
        severity: cutOff ? 'error' : undefined,
        text: cutOff
          ? msg('grace-cut-off', { ...said, extension: KUBELET_MINIMUM_GRACE_SECONDS })
          : msg('grace-short-drain', { ...said, left: Number((grace - longest.seconds).toFixed(3)) }),
        fixes: [{ title: msg('fix-grace-period', { seconds: target }), ops: [{ op: 'set', path: graceField, value: target }] }],
      })
    }
    return findings
  },
}
