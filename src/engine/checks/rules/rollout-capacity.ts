/**
 * `rollout-zero-capacity` and `rollout-capacity-dip`: what a RollingUpdate's resolved maxUnavailable
 * (docs/rollout.md#fenceposts: percentages round down, then min(…, replicas)) does to serving pods during an
 * update of a Deployment behind a Service. Zero left serving is a warning (503s); with two or fewer replicas,
 * losing one is an info.
 */
import { msg } from '../../messages/message'
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
        text: zero
          ? msg('rollout-zero-capacity', { maxUnavailable: String(strategy.maxUnavailable), count: replicas })
          : msg('rollout-capacity-dip', { left, replicas, maxUnavailable: String(strategy.maxUnavailable), resolved: posts.maxUnavailable }),
        fixes: [surgeOnlyFix(deployment)],
      })
    }
    return findings
  }
}

export const rolloutZeroCapacity: LintRule = { id: 'rollout-zero-capacity', check: check(true) }
export const rolloutCapacityDip: LintRule = { id: 'rollout-capacity-dip', check: check(false) }
