/**
 * `liveness-same-as-readiness`: the liveness probe repeats the readiness probe exactly (same handler, delays,
 * period, timeout and thresholds). Probes that differ only in thresholds are fine: that is the usual way to
 * make liveness give up later than readiness (kube-score #339).
 */
import { msg } from '../../messages/message'
import { sameHandler } from '../handler-facts'
import type { Finding, LintRule } from '../types'

export const livenessSameAsReadiness: LintRule = {
  id: 'liveness-same-as-readiness',
  check({ model }) {
    const findings: Finding[] = []
    for (const deployment of model.deployments) {
      for (const container of deployment.template.containers) {
        const live = container.livenessProbe
        const ready = container.readinessProbe
        if (!live || !ready || !sameHandler(live.handler, ready.handler)) continue
        const same = live.initialDelaySeconds === ready.initialDelaySeconds && live.periodSeconds === ready.periodSeconds &&
          live.timeoutSeconds === ready.timeoutSeconds && live.failureThreshold === ready.failureThreshold
        if (!same) continue
        const threshold = ready.failureThreshold * 2
        findings.push({
          code: 'liveness-same-as-readiness',
          source: deployment.source,
          at: live.at,
          part: 'key',
          text: msg('liveness-same-as-readiness', { container: container.name, threshold }),
          fixes: [{ title: msg('fix-liveness-failure-threshold', { threshold }), ops: [{ op: 'set', path: [...live.at, 'failureThreshold'], value: threshold }] }],
        })
      }
    }
    return findings
  },
}
