/**
 * `grace-shorter-than-prestop`: terminationGracePeriodSeconds leaves too little after the preStop hook. The
 * grace period starts at deletion and includes the hook; the app then needs time to finish in-flight requests
 * before SIGKILL (docs/rollout.md#termination). Checked when the hook's duration is known (a sleep).
 */
import { preStopSeconds } from '../handler-facts'
import type { Finding, LintRule } from '../types'

/** Seconds the app should have after the hook, at least, to drain in-flight requests. */
export const MIN_DRAIN_SECONDS = 5
/** What the fix leaves the app after the hook: the Kubernetes default grace period. */
export const FIX_DRAIN_SECONDS = 30

export const graceShorterThanPrestop: LintRule = {
  id: 'grace-shorter-than-prestop',
  check({ model, has }) {
    const findings: Finding[] = []
    for (const deployment of model.deployments) {
      const grace = deployment.template.terminationGracePeriodSeconds
      const hooks = deployment.template.containers
        .map((container) => ({ container, seconds: preStopSeconds(container.preStop) }))
        .filter((hook): hook is { container: typeof hook.container; seconds: number } => hook.seconds !== null && hook.seconds > 0)
      const longest = hooks.sort((a, b) => b.seconds - a.seconds)[0]
      if (!longest || grace - longest.seconds >= MIN_DRAIN_SECONDS) continue
      const target = Math.ceil(longest.seconds) + FIX_DRAIN_SECONDS
      const graceField = [...deployment.template.at, 'spec', 'terminationGracePeriodSeconds']
      findings.push({
        code: 'grace-shorter-than-prestop',
        source: deployment.source,
        at: has(deployment.source, graceField) ? graceField : [...longest.container.at, 'lifecycle', 'preStop'],
        part: has(deployment.source, graceField) ? 'value' : 'key',
        severity: grace <= longest.seconds ? 'error' : undefined,
        message: grace <= longest.seconds
          ? `terminationGracePeriodSeconds ${grace} is not longer than the ${longest.seconds} s preStop of ${longest.container.name}: the hook is cut off and ` +
            `the app is killed about 2 s after SIGTERM. Raise it to at least ${target}.`
          : `terminationGracePeriodSeconds ${grace} leaves ${grace - longest.seconds} s after the ${longest.seconds} s preStop of ${longest.container.name} ` +
            `for in-flight requests before SIGKILL. Raise it to ${target}.`,
        fixes: [{ title: `Set terminationGracePeriodSeconds to ${target}`, ops: [{ op: 'set', path: graceField, value: target }] }],
      })
    }
    return findings
  },
}
