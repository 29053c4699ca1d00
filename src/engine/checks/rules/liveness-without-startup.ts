/**
 * `liveness-without-startup`: a livenessProbe without a startupProbe on a slow starter — a liveness (or
 * readiness) initialDelaySeconds of 30 s or more says the app takes that long to start. A long liveness delay
 * also delays noticing a hung app; a short one kills the app before it is up. A startupProbe holds liveness
 * back only until the app has started (docs/rollout.md#probes).
 */
import { msg } from '../../messages/message'
import type { FixOp } from '../../fix/types'
import { PROBE_DEFAULTS } from '../../model/probe-defaults'
import { handlerYaml } from '../handler-facts'
import type { Finding, LintRule } from '../types'

/** An initial delay from which a container counts as a slow starter. */
export const SLOW_START_SECONDS = 30

export const livenessWithoutStartup: LintRule = {
  id: 'liveness-without-startup',
  check({ model }) {
    const findings: Finding[] = []
    for (const deployment of model.deployments) {
      for (const container of deployment.template.containers) {
        const live = container.livenessProbe
        if (!live || container.startupProbe) continue
        const slowness = Math.max(live.initialDelaySeconds, container.readinessProbe?.initialDelaySeconds ?? 0)
        if (slowness < SLOW_START_SECONDS) continue
        const killedAfter = live.initialDelaySeconds + live.periodSeconds * live.failureThreshold
        const period = live.periodSeconds
        // Never fewer attempts than the API default would give a startupProbe.
        const attempts = Math.max(PROBE_DEFAULTS.failureThreshold, Math.ceil((2 * slowness) / period))
        const ops: FixOp[] = [{ op: 'set', path: [...container.at, 'startupProbe'],
          value: { ...handlerYaml(live.handler), periodSeconds: period, failureThreshold: attempts } }]
        if (live.initialDelaySeconds > PROBE_DEFAULTS.initialDelaySeconds) {
          ops.push({ op: 'set', path: [...live.at, 'initialDelaySeconds'], value: PROBE_DEFAULTS.initialDelaySeconds })
        }
        findings.push({
          code: 'liveness-without-startup',
          source: deployment.source,
          at: live.at,
          part: 'key',
          text: killedAfter < slowness
            ? msg('liveness-kills-slow-start', { container: container.name, slowness, killedAfter })
            : msg('liveness-delays-hang-detection', { container: container.name, slowness }),
          fixes: [{ title: msg('fix-add-startup-probe', { attempts, period }), ops }],
        })
      }
    }
    return findings
  },
}
