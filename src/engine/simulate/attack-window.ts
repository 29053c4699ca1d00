/**
 * How long the attacker sends when no duration is given (docs/rollout.md#attack):
 * until the rollout is complete and the last old pod is gone, plus a tail; for a rollout that stops moving, until
 * its progress deadline is exceeded (or, without one, `stallSeconds` pass without progress), plus the tail; never
 * beyond `maxDurationSeconds`. Advances the cluster simulation as far as it needs to decide.
 */
import type { RolloutSpec } from './cluster-state'
import type { ClusterRun } from './cluster-sim'
import type { RolloutParameters } from './parameters'

/** The end of the attack in milliseconds. */
export function decideAttackEnd(run: ClusterRun, spec: RolloutSpec, params: RolloutParameters): number {
  if (params.durationSeconds !== null) return params.durationSeconds * 1000
  const capMs = params.maxDurationSeconds * 1000
  const tailMs = params.tailSeconds * 1000
  // With a deadline, give the controller's deadline check (1 ms after it) time to run before calling it stuck.
  const windowMs = spec.deadlineMs !== null && !spec.paused ? spec.deadlineMs + 1000 : params.stallSeconds * 1000
  for (;;) {
    const finished = run.finishedMs()
    if (finished !== null) return Math.min(capMs, finished + tailMs)
    if (run.ctl.deadlineExceededMs !== null) return Math.min(capMs, run.ctl.deadlineExceededMs + tailMs)
    const next = run.nextTime()
    if (run.ctl.rolloutStarted && next > run.ctl.lastProgressMs + windowMs) return Math.min(capMs, run.ctl.lastProgressMs + windowMs + tailMs)
    if (next > capMs) return capMs
    run.step()
  }
}
