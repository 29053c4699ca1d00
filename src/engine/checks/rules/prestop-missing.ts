/**
 * `prestop-missing`: a container serving pods an Ingress routes to, without a preStop hook. On deletion the kubelet
 * sends SIGTERM at once while ingress-nginx learns about the endpoint removal a second or more later
 * (docs/rollout.md#termination, docs/rollout.md#how-requests-fail): requests in that window fail. A preStop sleep
 * bridges it. A hook that takes no time (`sleep 0`, a tcpSocket handler the kubelet cannot run) bridges nothing and
 * counts as missing; the duration is the model's `Container.preStopDuration`, the one the simulation runs.
 */
import { msg } from '../../messages/message'
import type { Container } from '../../model/types'
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
        if (!delaysNothing(container)) continue
        findings.push(container.preStop ? zeroHookFinding(deployment.source, container) : missingHookFinding(deployment.source, container))
      }
    }
    return findings
  },
}

/** True when the container has no preStop hook, or one the manifest says takes no time. */
function delaysNothing(container: Container): boolean {
  const duration = container.preStopDuration
  return duration.kind === 'none' || (duration.kind === 'known' && duration.seconds === 0)
}

function missingHookFinding(source: Finding['source'], container: Container): Finding {
  const hook = [...container.at, 'lifecycle', 'preStop']
  return {
    code: 'prestop-missing',
    source,
    at: [...container.at, 'name'],
    text: msg('prestop-missing-hook', { container: container.name, seconds: SUGGESTED_PRESTOP_SECONDS }),
    fixes: [
      { title: msg('fix-prestop-sleep-action', { seconds: SUGGESTED_PRESTOP_SECONDS }),
        ops: [{ op: 'set', path: [...hook, 'sleep', 'seconds'], value: SUGGESTED_PRESTOP_SECONDS }] },
      { title: msg('fix-prestop-exec-sleep', { seconds: SUGGESTED_PRESTOP_SECONDS }),
        ops: [{ op: 'set', path: [...hook, 'exec', 'command'], value: ['sleep', String(SUGGESTED_PRESTOP_SECONDS)] }] },
    ],
  }
}

function zeroHookFinding(source: Finding['source'], container: Container): Finding {
  const hook = [...container.at, 'lifecycle', 'preStop']
  return {
    code: 'prestop-missing',
    source,
    at: hook,
    part: 'key',
    text: msg('prestop-zero-hook', { container: container.name, seconds: SUGGESTED_PRESTOP_SECONDS }),
    fixes: [
      { title: msg('fix-prestop-replace-sleep', { seconds: SUGGESTED_PRESTOP_SECONDS }),
        ops: [{ op: 'set', path: hook, value: { sleep: { seconds: SUGGESTED_PRESTOP_SECONDS } } }] },
    ],
  }
}
