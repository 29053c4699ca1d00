/**
 * `readiness-too-slow`: a new pod cannot become available within progressDeadlineSeconds even when the app is
 * instant: the startupProbe's and readinessProbe's initial delays, the extra successful readiness periods and
 * minReadySeconds add up past the deadline, so every rollout reports ProgressDeadlineExceeded
 * (docs/rollout.md#probes, docs/rollout.md#status-and-conditions; readiness is probed only after the startupProbe
 * succeeds).
 */
import { msg } from '../../messages/message'
import type { Container, Deployment } from '../../model/types'
import type { Finding, LintRule } from '../types'

/** Seconds after container start before the container can first be Ready. */
export function earliestReady(container: Container): number {
  const started = container.startupProbe ? container.startupProbe.initialDelaySeconds : 0
  const ready = container.readinessProbe
  if (!ready) return started
  return Math.max(started, ready.initialDelaySeconds) + (ready.successThreshold - 1) * ready.periodSeconds
}

function slowest(deployment: Deployment): { container: Container; seconds: number } | null {
  let best: { container: Container; seconds: number } | null = null
  for (const container of deployment.template.containers) {
    const seconds = earliestReady(container)
    if (!best || seconds > best.seconds) best = { container, seconds }
  }
  return best
}

export const readinessTooSlow: LintRule = {
  id: 'readiness-too-slow',
  check({ model, pick }) {
    const findings: Finding[] = []
    for (const deployment of model.deployments) {
      const deadline = deployment.progressDeadlineSeconds
      const slow = slowest(deployment)
      if (deadline === null || !slow) continue
      const available = slow.seconds + deployment.minReadySeconds
      if (available < deadline) continue
      const raised = Math.ceil(available) + 600
      const { startupProbe, readinessProbe } = slow.container
      const probe = startupProbe && (!readinessProbe || startupProbe.initialDelaySeconds >= readinessProbe.initialDelaySeconds) ? startupProbe : readinessProbe
      findings.push({
        code: 'readiness-too-slow',
        source: deployment.source,
        at: pick(deployment.source, ['spec', 'progressDeadlineSeconds'], [...(probe?.at ?? slow.container.at), 'initialDelaySeconds'], [...slow.container.at, 'name']),
        text: msg(deployment.minReadySeconds > 0 ? 'readiness-too-slow-min-ready' : 'readiness-too-slow', { deployment: deployment.meta.name, available, deadline, raised }),
        fixes: [{ title: msg('fix-progress-deadline', { seconds: raised }), ops: [{ op: 'set', path: ['spec', 'progressDeadlineSeconds'], value: raised }] }],
      })
    }
    return findings
  },
}
