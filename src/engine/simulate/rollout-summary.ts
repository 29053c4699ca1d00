/**
 * The CLI's `text` format: what happened when, how many requests failed and why, and what to change. The why and
 * the what-to-change are engine messages, said in the language asked for (English by default); the rest of the
 * report is English.
 */
import type { MessageLanguage } from '../messages/catalog'
import { msg, type Message } from '../messages/message'
import { formatMessage } from '../messages/render'
import { formatPreStop } from './prestop-summary'
import { adviseOn } from './rollout-advice'
import type { FailedRequest, FailureDetail } from './request-outcome'
import type { RolloutResult } from './simulate-rollout'

const at = (ms: number): string => `${(ms / 1000).toFixed(3)}s`.padStart(9)
const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`

const DETAIL_LABEL: Readonly<Record<FailureDetail, string>> = {
  'no-endpoints': '503 no endpoints',
  'app-not-started': '502 not listening (app starting)',
  'listener-closed': '502 not listening (after SIGTERM)',
  'pod-gone': '502 not listening (pod exited)',
  'container-restarting': '502 not listening (restarting)',
  'killed-on-sigterm': '502 reset in flight (SIGTERM)',
  'killed-at-grace-end': '502 reset in flight (SIGKILL)',
  'killed-by-probe': '502 reset in flight (probe kill)',
  'upstream-timeout': '504 upstream timeout',
  'client-timeout': 'client timeout',
}

function strategyLine(r: RolloutResult): string {
  const d = r.deployment
  const head = `deployment/${d.name} (${d.apiVersion}), ${plural(d.replicas, 'replica')}, ${d.strategy}`
  if (d.strategy === 'Recreate') return head
  return `${head}: maxSurge ${d.maxSurge} → ${plural(r.resolved.maxSurge, 'pod')}, maxUnavailable ${d.maxUnavailable} → ${plural(r.resolved.maxUnavailable, 'pod')}`
}

function happenings(r: RolloutResult): string[] {
  const change = r.images.old === r.images.new ? `image unchanged (${r.images.old}): the template is the same, nothing rolls out` : `template changed: image ${r.images.old} → ${r.images.new}`
  const lines: [number, string][] = [[r.parameters.rolloutAtSeconds * 1000, change]]
  for (const step of r.steps) lines.push([step.timeMs, `${step.actions.join('; ')}  (old ${step.old}, new ${step.new})`])
  const { pods, replicaSets } = r.timeline
  const newPods = pods.map((p, i) => ({ p, i })).filter(({ p }) => replicaSets[p.replicaSet]!.isNew && p.createdMs >= 0)
  const readyTrack = r.timeline.tracks.ready
  const firstReady = newPods
    .map(({ i }) => (readyTrack.offsets[i]! < readyTrack.offsets[i + 1]! ? readyTrack.startMs[readyTrack.offsets[i]!]! : Infinity))
    .reduce((a, b) => Math.min(a, b), Infinity)
  if (firstReady !== Infinity) lines.push([firstReady, 'first new pod Ready'])
  else if (newPods.length > 0) lines.push([newPods[0]!.p.createdMs, 'new pods created; none became Ready'])
  const restarts = newPods.reduce((n, { p }) => n + p.restarts, 0)
  const firstProbeKill = r.events.find((e) => e.reason === 'Killing' && / failed (liveness|startup) probe/.test(e.message))
  if (restarts > 0) lines.push([firstProbeKill?.timeMs ?? r.timeline.endMs, `first probe kill; new pods restarted ${plural(restarts, 'time')} in all`])
  const deleted = pods.filter((p) => p.deletedMs !== null && !replicaSets[p.replicaSet]!.isNew)
  if (deleted.length > 0) {
    const first = deleted.reduce((a, b) => (a.deletedMs! <= b.deletedMs! ? a : b))
    const gone = first.goneMs === null ? 'still there at the end' : `gone at ${at(first.goneMs).trim()}`
    lines.push([first.deletedMs!, `first old pod terminating (pod/${first.name}; ${gone}); the ingress drops it ${(r.parameters.endpointRemoveLagSeconds ?? r.parameters.endpointLagSeconds)}s later`])
  }
  const cut = r.terminations.find((stop) => stop.hookCut)
  if (cut) {
    const pod = r.timeline.pods[cut.pod]!.name
    lines.push([cut.sigtermMs, `pod/${pod}: preStop hook not completed in the ${cut.graceSeconds}s grace period; SIGTERM with a grace period of ${cut.stopGraceSeconds}s, SIGKILL at ${at(cut.sigkillMs).trim()}`])
  }
  for (const c of r.conditions) if (c.timeMs > 0) lines.push([c.timeMs, `condition ${c.type}=${c.status} (${c.reason})`])
  if (r.completeMs !== null) lines.push([r.completeMs, 'rollout complete'])
  if (r.finishedMs !== null && r.finishedMs !== r.completeMs) lines.push([r.finishedMs, 'last old pod gone'])
  return lines.sort((a, b) => a[0] - b[0]).map(([t, text]) => `  ${at(t)}  ${text}`)
}

function failureLines(r: RolloutResult, language: MessageLanguage): string[] {
  const groups = new Map<FailureDetail, FailedRequest[]>()
  for (const f of r.failures.kept) {
    const list = groups.get(f.detail) ?? []
    list.push(f)
    groups.set(f.detail, list)
  }
  const out: string[] = []
  for (const [detail, count] of Object.entries(r.failures.byDetail) as [FailureDetail, number][]) {
    const kept = groups.get(detail) ?? []
    const window = kept.length > 0 ? `  sent ${at(kept[0]!.sentMs).trim()}–${at(kept[kept.length - 1]!.sentMs).trim()}` : ''
    out.push(`  ${DETAIL_LABEL[detail].padEnd(34)} ${String(count).padStart(8)}${window}`)
    out.push(`      ${formatMessage(adviseOn(detail, r).why, language)}`)
  }
  return out
}

function advice(r: RolloutResult, language: MessageLanguage): string[] {
  const fixes = new Set<string>()
  const say = (message: Message): void => {
    fixes.add(formatMessage(message, language))
  }
  for (const detail of Object.keys(r.failures.byDetail) as FailureDetail[]) say(adviseOn(detail, r).fix)
  if (!r.complete) {
    const restarts = r.timeline.pods.reduce((n, p) => n + (r.timeline.replicaSets[p.replicaSet]!.isNew ? p.restarts : 0), 0)
    if (r.parameters.appStartSeconds === null) {
      say(msg('remedy-rollout-stalled'))
    } else if (restarts > 0) {
      say(adviseOn('killed-by-probe', r).fix)
    } else {
      say(msg('remedy-rollout-unfinished'))
    }
  }
  if (/^extensions\/v1beta1$|^apps\/v1beta[12]$/.test(r.deployment.apiVersion)) {
    say(msg('remedy-removed-api-version', { apiVersion: r.deployment.apiVersion }))
  }
  if (fixes.size === 0) return ['  Nothing: every request succeeded.']
  return [...fixes].map((f) => `  - ${f}`)
}

/** The readable summary of a run (ends with a newline); causes and advice in `language`. */
export function formatRolloutSummary(r: RolloutResult, language: MessageLanguage = 'en'): string {
  const { load } = r
  const failed = load.requests - load.success
  const ratio = load.requests > 0 ? ((100 * load.success) / load.requests).toFixed(2) : '0.00'
  const lines = [
    `Rollout of ${strategyLine(r)}`,
    `Stopping: preStop ${formatPreStop(r.deployment.preStop)}, terminationGracePeriodSeconds ${r.deployment.terminationGracePeriodSeconds}`,
    `Load: ${r.attack.rate} req/s for ${(r.attack.durationMs / 1000).toFixed(3)}s against ${r.target.url} (seed ${r.parameters.seed})`,
    `Result: ${r.complete ? `complete at ${at(r.completeMs!).trim()}` : 'NOT complete within the simulated time'}; steps ${r.steps.map((s) => `(${s.old},${s.new})`).join(' ') || 'none'}`,
    '',
    'What happened',
    ...happenings(r),
    '',
    `Requests: ${load.requests} sent, ${load.success} succeeded (${ratio}%), ${failed} failed; longest run of consecutive failures ${load.maxConsecutiveFailures}`,
    ...failureLines(r, language),
    ...(r.failures.dropped > 0 ? [`  (${r.failures.dropped} failures beyond the first ${r.failures.kept.length} are counted but not listed)`] : []),
    '',
    'What to change',
    ...advice(r, language),
  ]
  return lines.join('\n') + '\n'
}
