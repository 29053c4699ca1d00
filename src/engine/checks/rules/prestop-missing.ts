/**
 * `prestop-missing`: a container serving pods an Ingress routes to, without a preStop hook. On deletion the kubelet
 * sends SIGTERM at once while ingress-nginx learns about the endpoint removal a second or more later
 * (docs/rollout.md#termination, docs/rollout.md#how-requests-fail): requests in that window fail. A preStop sleep
 * bridges it.
 */
import { servingContainers } from '../cluster-index'
import type { Finding, LintRule } from '../types'

/** Seconds of the suggested sleep: several times ingress-nginx's 1 s backend sync plus endpoint propagation. */
export const SUGGESTED_PRESTOP_SECONDS = 5

export const prestopMissing: LintRule = {
  id: 'prestop-missing',
  check({ model, index }) {
    const findings: Finding[] = []
    for (const deployment of model.deployments) {
      if (!index.behindIngress(deployment)) continue
      for (const { container } of servingContainers(deployment, index.servicesOf(deployment))) {
        if (container.preStop) continue
        const hook = [...container.at, 'lifecycle', 'preStop']
        findings.push({
          code: 'prestop-missing',
          source: deployment.source,
          at: [...container.at, 'name'],
          message: `Container ${container.name} is behind an Ingress but has no preStop hook: on scale-down it gets SIGTERM while ingress-nginx still ` +
            `sends it requests, which fail with 502. Add a preStop sleep of ${SUGGESTED_PRESTOP_SECONDS} s.`,
          fixes: [
            { title: `Add a preStop sleep of ${SUGGESTED_PRESTOP_SECONDS} s (sleep action, Kubernetes 1.30+)`,
              ops: [{ op: 'set', path: [...hook, 'sleep', 'seconds'], value: SUGGESTED_PRESTOP_SECONDS }] },
            { title: `Add a preStop exec "sleep ${SUGGESTED_PRESTOP_SECONDS}" (image needs a sleep binary)`,
              ops: [{ op: 'set', path: [...hook, 'exec', 'command'], value: ['sleep', String(SUGGESTED_PRESTOP_SECONDS)] }] },
          ],
        })
      }
    }
    return findings
  },
}
