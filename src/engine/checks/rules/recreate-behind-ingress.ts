/**
 * `recreate-behind-ingress`: a Deployment with strategy Recreate whose pods an Ingress routes to. Recreate stops
 * every old pod before any new one starts (docs/rollout.md#recreate): each update is an outage.
 */
import { msg } from '../../messages/message'
import type { Finding, LintRule } from '../types'

export const recreateBehindIngress: LintRule = {
  id: 'recreate-behind-ingress',
  check({ model, index }) {
    const findings: Finding[] = []
    for (const deployment of model.deployments) {
      if (deployment.strategy.type !== 'Recreate' || !index.behindIngress(deployment)) continue
      findings.push({
        code: 'recreate-behind-ingress',
        source: deployment.source,
        at: ['spec', 'strategy', 'type'],
        text: msg('recreate-behind-ingress', { deployment: deployment.meta.name }),
        fixes: [{ title: msg('fix-rolling-update'),
          ops: [{ op: 'set', path: ['spec', 'strategy'], value: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } } }] }],
      })
    }
    return findings
  },
}
