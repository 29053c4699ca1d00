/**
 * The rollout simulation's entry point: a Deployment (and optionally the Service/Ingress in front of it) plus
 * parameters in, the whole run out — steps, conditions, timeline, events, logs, every request accounted for,
 * failures explained — as plain data. Deterministic for a given input and seed. Never throws on valid types;
 * a spec the API server would reject comes back as `kind: 'invalid'` with its messages.
 */
import type { Deployment, FieldPath, IntOrString, SourceRef } from '../model/types'
import { assembleTimeline, summarizeRequestLogs } from './assemble-timeline'
import { decideAttackEnd } from './attack-window'
import { createClusterRun } from './cluster-sim'
import type { ConditionRecord, StepRecord } from './deployment-status'
import { computeIngressView } from './endpoints'
import type { TerminationRecord } from './cluster-state'
import type { ClusterEvent } from './events'
import { Track } from './interval-recorder'
import { buildServiceTimes, SERVICE_TIME_POINTS } from './latency'
import { runLoad, type LoadRecord } from './load'
import { parameterRow } from './parameter-table'
import { resolveParameters, ROLLOUT_LIMITS, type RolloutParameters } from './parameters'
import { summarizePreStop, type PreStopSummary } from './prestop-summary'
import { createPrng } from './prng'
import { OUTCOME_CAUSES, OUTCOME_CODES, OUTCOMES, type FailedRequest, type FailureDetail, type RequestCause } from './request-outcome'
import { buildRolloutSpec, problemText, type RolloutProblem } from './rollout-spec'
import { msg } from '../messages/message'
import { checkRunSize } from './run-size'
import { targetPortOf, type RolloutTarget } from './rollout-target'
import type { LogLine } from './stern'
import type { RolloutTimeline } from './timeline'

export interface RolloutInput {
  readonly deployment: Deployment
  /** The Service and Ingress in front of it (see `findRolloutTarget`); default: a URL named after the Deployment. */
  readonly target?: RolloutTarget
  readonly parameters?: Partial<RolloutParameters>
}

/** The load's totals in the CLI's `--format json` shape. */
export interface LoadSummary {
  readonly requests: number
  readonly success: number
  readonly statusCodes: Readonly<Record<string, number>>
  readonly maxConsecutiveFailures: number
  readonly failuresByCause: Partial<Record<Exclude<RequestCause, 'ok'>, number>>
}

export interface RolloutResult {
  readonly deployment: {
    readonly name: string
    readonly namespace: string
    readonly apiVersion: string
    /**
     * Where the Deployment is written (file, document, path: no span, so an edit elsewhere leaves the result
     * equal) and its template and serving container in it: what advice edits.
     */
    readonly source: Pick<SourceRef, 'file' | 'doc' | 'path'>
    readonly templateAt: FieldPath
    readonly container: { readonly name: string; readonly port: number; readonly at: FieldPath }
    readonly strategy: 'RollingUpdate' | 'Recreate'
    readonly replicas: number
    /** As written (after defaulting); null for Recreate. */
    readonly maxSurge: IntOrString | null
    readonly maxUnavailable: IntOrString | null
    readonly minReadySeconds: number
    readonly progressDeadlineSeconds: number | null
    readonly terminationGracePeriodSeconds: number
    readonly hasReadinessProbe: boolean
    /** The serving container's hook and how long it ran (`formatPreStop` words it); null without one. */
    readonly preStop: PreStopSummary | null
  }
  /** MaxSurge(d) and MaxUnavailable(d) as pod counts. */
  readonly resolved: { readonly maxSurge: number; readonly maxUnavailable: number }
  readonly parameters: RolloutParameters
  readonly target: { readonly url: string; readonly service: string | null; readonly ingress: string | null }
  readonly images: { readonly old: string; readonly new: string }
  readonly steps: readonly StepRecord[]
  /** Whether the rollout completed within the simulated time. */
  readonly complete: boolean
  readonly completeMs: number | null
  /** Complete and every old pod gone. */
  readonly finishedMs: number | null
  readonly deadlineExceededMs: number | null
  readonly conditions: readonly ConditionRecord[]
  /** Hits are sent at n × 1000 / rate ms for n = 1..requests; the last at `lastHitMs`. */
  readonly attack: { readonly rate: number; readonly requests: number; readonly lastHitMs: number; readonly durationMs: number }
  readonly timeline: RolloutTimeline
  readonly events: readonly ClusterEvent[]
  readonly eventsDropped: number
  /** Every container stop: the hook, SIGTERM with its grace period, SIGKILL's deadline (kubelet timing). */
  readonly terminations: readonly TerminationRecord[]
  readonly logs: readonly LogLine[]
  readonly logsDropped: number
  readonly failures: {
    /** The first `ROLLOUT_LIMITS.maxFailedRequests` failures, each explained. */
    readonly kept: readonly FailedRequest[]
    readonly total: number
    /** Failures beyond the cap: counted, not kept. */
    readonly dropped: number
    readonly byDetail: Partial<Record<FailureDetail, number>>
  }
  /** Hit number of each outcome's first request (0 when none), in `OUTCOMES` order. */
  readonly firstSeq: Float64Array
  readonly load: LoadSummary
}

export type RolloutOutcome = { readonly kind: 'ok'; readonly result: RolloutResult } | { readonly kind: 'invalid'; readonly problems: readonly RolloutProblem[] }

function servingContainerAt(d: Deployment, name: string): FieldPath {
  return d.template.containers.find((c) => c.name === name)?.at ?? [...d.template.at, 'spec', 'containers', 0]
}

/** Totals per status code and cause over the whole attack. */
function summarizeLoad(load: LoadRecord, requests: number): LoadSummary {
  const statusCodes: Record<string, number> = {}
  const failuresByCause: Partial<Record<Exclude<RequestCause, 'ok'>, number>> = {}
  let success = 0
  OUTCOMES.forEach((outcome, o) => {
    let count = 0
    for (let s = 0; s < load.seconds; s++) count += load.outcomes[s * OUTCOMES.length + o]!
    if (count === 0) return
    const code = String(OUTCOME_CODES[outcome])
    statusCodes[code] = (statusCodes[code] ?? 0) + count
    const cause = OUTCOME_CAUSES[outcome]
    if (cause === 'ok') success += count
    else failuresByCause[cause] = (failuresByCause[cause] ?? 0) + count
  })
  return { requests, success, statusCodes, maxConsecutiveFailures: load.maxConsecutiveFailures, failuresByCause }
}

/** Runs the simulation. */
export function simulateRollout(input: RolloutInput): RolloutOutcome {
  const resolved = resolveParameters(input.parameters)
  if (resolved.kind === 'error') return { kind: 'invalid', problems: resolved.problems.map((p) => ({ code: 'rollout-invalid-parameter', text: p.text, message: p.message })) }
  const params = resolved.parameters
  const d = input.deployment
  const built = buildRolloutSpec(d, params, input.target ? targetPortOf(input.target) : undefined)
  if (built.kind === 'error') return { kind: 'invalid', problems: built.problems }
  const { spec, timing } = built
  const tooLarge = checkRunSize(spec, params)
  if (tooLarge) return { kind: 'invalid', problems: [tooLarge] }

  const serviceNs = buildServiceTimes(params.requestSeconds, params.latencySpread)
  const overheadNs = Math.round(params.ingressOverheadSeconds * 1e9)
  const clientTimeoutNs = Math.round(params.timeoutSeconds * 1e9)
  const proxyReadTimeoutNs = Math.round(params.proxyReadTimeoutSeconds * 1e9)
  const longestMs = Math.min(clientTimeoutNs, Math.min(Math.max(...serviceNs), proxyReadTimeoutNs) + overheadNs) / 1e6

  const run = createClusterRun(spec, timing, params.seed)
  const attackEndMs = decideAttackEnd(run, spec, params)
  const requests = Math.floor((attackEndMs * params.rps) / 1000 + 1e-9)
  if (requests > ROLLOUT_LIMITS.maxRequests) {
    return {
      kind: 'invalid',
      problems: [{
        code: 'rollout-too-large',
        ...problemText(
          msg('rollout-too-many-requests', { requests, max: ROLLOUT_LIMITS.maxRequests, rateFlag: parameterRow('rps').flag ?? '', durationFlag: parameterRow('durationSeconds').flag ?? '' }),
        ),
        limit: { measure: 'requests', value: requests, max: ROLLOUT_LIMITS.maxRequests },
      }],
    }
  }
  const lastHitMs = (requests * 1000) / params.rps
  const endMs = Math.max(attackEndMs, lastHitMs + longestMs, timing.rolloutAtMs)
  run.runUntil(endMs)
  const record = run.finish(endMs)

  const addLagMs = params.endpointLagSeconds * 1000
  const removeLagMs = (params.endpointRemoveLagSeconds ?? params.endpointLagSeconds) * 1000
  const ingress = computeIngressView(record.tracks[Track.endpoint]!, addLagMs, removeLagMs, endMs)
  const prng = createPrng(params.seed ^ 0x5bd1e995)
  const load = runLoad({
    rate: params.rps,
    requests,
    podReplicaSet: Int32Array.from(record.pods, (p) => p.rs),
    replicaSets: record.replicaSets.length,
    ingress,
    listening: record.tracks[Track.listening]!,
    phase: record.tracks[Track.phase]!,
    ready: record.tracks[Track.ready]!,
    kills: record.kills,
    serviceNs,
    serviceOffset: prng.nextInt(SERVICE_TIME_POINTS),
    overheadNs,
    clientTimeoutNs,
    proxyReadTimeoutNs,
    retries: params.retries,
    roundRobinStart: prng.nextInt(Math.max(1, spec.replicas)),
    maxFailed: ROLLOUT_LIMITS.maxFailedRequests,
  })

  const url = input.target?.url ?? `http://${d.meta.name}/`
  const path = /^https?:\/\/[^/]*(\/[^?#]*)?/.exec(url)?.[1] ?? '/'
  const requestLines = summarizeRequestLogs(record, load, path, Math.max(0, ROLLOUT_LIMITS.maxLogLines - record.logs.lines.length))
  const container = spec.container.name
  const logs = [...record.logs.lines, ...requestLines.lines.map((l) => ({ ...l, container }))].sort((a, b) => a.timeMs - b.timeMs)

  const timeline = assembleTimeline(record, load, ingress, spec.newHash)

  const s = d.strategy
  const result: RolloutResult = {
    deployment: {
      name: d.meta.name,
      namespace: d.meta.namespace,
      apiVersion: d.apiVersion,
      source: { file: d.source.file, doc: d.source.doc, path: d.source.path },
      templateAt: d.template.at,
      container: { name: container, port: spec.container.port, at: servingContainerAt(d, container) },
      strategy: s.type,
      replicas: d.replicas,
      maxSurge: s.type === 'RollingUpdate' ? s.maxSurge : null,
      maxUnavailable: s.type === 'RollingUpdate' ? s.maxUnavailable : null,
      minReadySeconds: d.minReadySeconds,
      progressDeadlineSeconds: d.progressDeadlineSeconds,
      terminationGracePeriodSeconds: d.template.terminationGracePeriodSeconds,
      hasReadinessProbe: spec.container.readiness !== undefined,
      preStop: summarizePreStop(spec.container, params.preStopHttpSeconds),
    },
    resolved: { maxSurge: spec.maxSurge, maxUnavailable: spec.maxUnavailable },
    parameters: params,
    target: { url, service: input.target?.service?.meta.name ?? null, ingress: input.target?.ingress?.meta.name ?? null },
    images: { old: spec.oldImage, new: spec.newImage },
    steps: record.steps,
    complete: record.completeMs !== null && record.completeMs <= endMs,
    completeMs: record.completeMs,
    finishedMs: record.finishedMs,
    deadlineExceededMs: record.deadlineExceededMs,
    conditions: record.conditions,
    attack: { rate: params.rps, requests, lastHitMs, durationMs: attackEndMs },
    timeline,
    events: record.events.events,
    eventsDropped: record.events.dropped,
    terminations: record.terminations,
    logs,
    logsDropped: record.logs.dropped + requestLines.dropped,
    failures: load.failures,
    firstSeq: load.firstSeq,
    load: summarizeLoad(load, requests),
  }
  return { kind: 'ok', result }
}
