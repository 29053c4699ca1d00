/**
 * `rollout-zero-capacity` and `rollout-capacity-dip`: what a RollingUpdate's resolved maxUnavailable
 * (docs/rollout.md#fenceposts: percentages round down, then min(…, replicas)) does to serving pods during an
 * update of a Deployment behind a Service. Zero left serving is a warning (503s); with two or fewer replicas,
 * losing one is an info.
 */
import { computeFenceposts } from '../../simulate/fenceposts'
import type { Finding, LintRule } from '../types'
import { surgeOnlyFix } from './strategy-facts'

function check(zero: boolean): LintRule['check'] {
  return ({ model, index, pick }) => {
    const findings: Finding[] = []
    for (const deployment of model.deployments) {
      const { strategy, replicas } = deployment
      if (strategy.type !== 'RollingUpdate' || replicas === 0 || index.servicesOf(deployment).length === 0) continue
      const posts = computeFenceposts(strategy, replicas)
      if (!posts || posts.maxUnavailable === 0) continue
      const left = replicas - posts.maxUnavailable
      if (zero !== (left <= 0)) continue
      if (!zero && replicas > 2) continue
      findings.push({
        code: zero ? 'rollout-zero-capacity' : 'rollout-capacity-dip',
        source: deployment.source,
        at: pick(deployment.source, ['spec', 'strategy', 'rollingUpdate', 'maxUnavailable'], ['spec', 'replicas'], ['spec', 'strategy'], ['spec']),
        message: zero
          ? `maxUnavailable ${String(strategy.maxUnavailable)} with ${replicas} replica${replicas === 1 ? '' : 's'} lets the update stop every serving pod ` +
            'before a new one is ready: ingress-nginx answers 503 meanwhile. Set maxUnavailable to 0 and maxSurge to at least 1.'
          : `During an update only ${left} of ${replicas} pods serve (maxUnavailable ${String(strategy.maxUnavailable)} resolves to ${posts.maxUnavailable}); ` +
            'set maxUnavailable to 0 and maxSurge to 1 to keep full capacity.',
        fixes: [surgeOnlyFix(deployment)],
      })
    }
    return findings
  }
}

export const rolloutZeroCapacity: LintRule = { id: 'rollout-zero-capacity', check: check(true) }
export const rolloutCapacityDip: LintRule = { id: 'rollout-capacity-dip', check: check(false) }
