/**
 * Shared by the rollout rules: where a Deployment's strategy fields are, and the fix that makes a rolling
 * update surge-only (maxUnavailable 0, maxSurge at least 1), which never drops below `replicas` ready pods.
 */
import type { Fix, FixOp } from '../../fix/types'
import { msg } from '../../messages/message'
import type { Deployment } from '../../model/types'
import { computeFenceposts } from '../../simulate/fenceposts'

/** The fix "maxUnavailable 0, maxSurge ≥ 1" for a RollingUpdate Deployment (keeps a larger surge). */
export function surgeOnlyFix(deployment: Deployment): Fix {
  const posts = computeFenceposts(deployment.strategy, deployment.replicas)
  const ops: FixOp[] = [{ op: 'set', path: ['spec', 'strategy', 'rollingUpdate', 'maxUnavailable'], value: 0 }]
  if (!posts || posts.maxSurge < 1) ops.push({ op: 'set', path: ['spec', 'strategy', 'rollingUpdate', 'maxSurge'], value: 1 })
  return { title: msg(posts && posts.maxSurge >= 1 ? 'fix-max-unavailable-zero' : 'fix-max-unavailable-zero-surge-one'), ops }
}
