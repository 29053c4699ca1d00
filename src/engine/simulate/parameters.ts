/**
 * Every input of a rollout simulation that the real system leaves open (research/rollout.md §10), with its
 * default, in one place. The CLI flags of DESIGN.md map one to one onto the first group; the UI shows the same
 * defaults. Times are in seconds here (people's unit); the simulation converts them to milliseconds once.
 */

/** What the app does when SIGTERM arrives. */
export type SigtermBehaviour = 'graceful' | 'immediate' | 'ignore'

export interface RolloutParameters {
  /** `--image`: the new image of the serving container; `null` bumps the current tag (`:v1` → `:v2`). Default: null. */
  readonly image: string | null
  /** `--at`: when the template change is applied, seconds after the load starts. Default: 5. */
  readonly rolloutAtSeconds: number
  /** `--rps`: requests per second of the constant-rate attacker. Default: 50. */
  readonly rps: number
  /** `--duration`: how long the attacker sends; `null` = until the rollout is done plus `tailSeconds`, capped. Default: null. */
  readonly durationSeconds: number | null
  /** `--request-time`: median time the app spends on one request. Default: 0.05. */
  readonly requestSeconds: number
  /** `--pod-start`: scheduling plus image pull, from pod creation to container start. Default: 1. */
  readonly podStartSeconds: number
  /** `--app-start`: from container start until the app listens; `null` = never (the new version never gets ready). Default: 3. */
  readonly appStartSeconds: number | null
  /** `--endpoint-lag`: from an EndpointSlice change until the ingress balances with it. Default: 1. */
  readonly endpointLagSeconds: number
  /** `--sigterm`: graceful (close the listener, finish in-flight requests, exit), immediate (exit at once), ignore (run until SIGKILL). Default: graceful. */
  readonly sigterm: SigtermBehaviour
  /** `--prestop-http`: time an httpGet or exec preStop hook takes (a `sleep` hook takes its own time). Default: 0. */
  readonly preStopHttpSeconds: number
  /** `--retries`: extra tries the ingress makes on another endpoint after a connection error. Default: 0. */
  readonly retries: number
  /** `--old-unready`: old pods whose readiness probe fails from the start (an injected failure). Default: 0. */
  readonly oldUnready: number
  /** `--seed`: seeds round-robin start, pod names, probe phases of old pods and jitter. Default: 1. */
  readonly seed: number

  /** Ceiling of the default duration (when `durationSeconds` is null). Default: 900. */
  readonly maxDurationSeconds: number
  /** Load after the rollout is done (complete and every old pod gone) when `durationSeconds` is null. Default: 10. */
  readonly tailSeconds: number
  /** Without a progress deadline, the default duration also ends after this long without progress. Default: 120. */
  readonly stallSeconds: number
  /** Removal lag when it differs from the add lag (`endpointLagSeconds`); `null` = the same. Default: null. */
  readonly endpointRemoveLagSeconds: number | null
  /** Spread (σ of a log-normal factor) of the app's per-request time around `requestSeconds`; 0 = constant. Default: 0.2. */
  readonly latencySpread: number
  /** Time the ingress adds to every answer, including its own 502/503 pages. Default: 0.001. */
  readonly ingressOverheadSeconds: number
  /** A graceful app's shutdown after SIGTERM; `null` = the longest request time (it waits for in-flight requests). Default: null. */
  readonly drainSeconds: number | null
  /** Uniform random extra (0..jitter) added to each new pod's start and app start. Default: 0 (identical pods). */
  readonly startJitterSeconds: number
  /** Offset of a new container's first probe attempt after `initialDelaySeconds`. Default: 0. */
  readonly probeOffsetSeconds: number
  /**
   * Whether the probes test the serving path: true = a probe succeeds only once the app listens; false = it succeeds
   * as soon as the container runs (a health port that is up before the app serves). Default: true.
   */
  readonly probesTestServing: boolean
  /** Delay between a change and the Deployment controller's sync. Default: 0. */
  readonly controllerSyncSeconds: number
  /** vegeta `-timeout`: the client gives up after this long (code 0). Default: 30. */
  readonly timeoutSeconds: number
  /** ingress-nginx `proxy-read-timeout`: 504 when the app takes longer. Default: 60. */
  readonly proxyReadTimeoutSeconds: number
  /** Body size of the app's answer, for vegeta's bytes_in. Default: 12. */
  readonly responseBytes: number
  /** Wall-clock time of simulated second 0, for vegeta timestamps and stern's clock (RFC 3339, UTC). Default: 2026-01-01T00:00:00Z. */
  readonly clockStart: string
}

export const DEFAULT_ROLLOUT_PARAMETERS: RolloutParameters = {
  image: null,
  rolloutAtSeconds: 5,
  rps: 50,
  durationSeconds: null,
  requestSeconds: 0.05,
  podStartSeconds: 1,
  appStartSeconds: 3,
  endpointLagSeconds: 1,
  sigterm: 'graceful',
  preStopHttpSeconds: 0,
  retries: 0,
  oldUnready: 0,
  seed: 1,
  maxDurationSeconds: 900,
  tailSeconds: 10,
  stallSeconds: 120,
  endpointRemoveLagSeconds: null,
  latencySpread: 0.2,
  ingressOverheadSeconds: 0.001,
  drainSeconds: null,
  startJitterSeconds: 0,
  probeOffsetSeconds: 0,
  probesTestServing: true,
  controllerSyncSeconds: 0,
  timeoutSeconds: 30,
  proxyReadTimeoutSeconds: 60,
  responseBytes: 12,
  clockStart: '2026-01-01T00:00:00Z',
}

/** Size limits of one simulation; the output says how much was left out when a list hits its cap. */
export const ROLLOUT_LIMITS = {
  /** Failed requests kept one by one (with pod, phase, cause); the rest are only counted. */
  maxFailedRequests: 10_000,
  /** Kubernetes events kept (repeats are folded into a count first, as the event recorder does). */
  maxEvents: 5_000,
  /** stern log lines kept. */
  maxLogLines: 20_000,
  /** Largest `replicas` simulated. */
  maxReplicas: 1_000,
  /** Largest number of requests in one run (rps × duration). */
  maxRequests: 50_000_000,
} as const

/** A parameter outside its range; `name` is the field of `RolloutParameters`. */
export interface ParameterProblem {
  readonly name: keyof RolloutParameters
  readonly message: string
}

type NumberField = { [K in keyof RolloutParameters]: RolloutParameters[K] extends number ? K : never }[keyof RolloutParameters]

const ranges: readonly (readonly [NumberField, number, number])[] = [
  ['rolloutAtSeconds', 0, 86_400],
  ['rps', 0.001, 1_000_000],
  ['requestSeconds', 0, 3_600],
  ['podStartSeconds', 0, 3_600],
  ['endpointLagSeconds', 0, 3_600],
  ['preStopHttpSeconds', 0, 3_600],
  ['retries', 0, 100],
  ['oldUnready', 0, ROLLOUT_LIMITS.maxReplicas],
  ['maxDurationSeconds', 1, 86_400],
  ['tailSeconds', 0, 3_600],
  ['stallSeconds', 1, 86_400],
  ['latencySpread', 0, 2],
  ['ingressOverheadSeconds', 0, 60],
  ['startJitterSeconds', 0, 3_600],
  ['probeOffsetSeconds', 0, 3_600],
  ['controllerSyncSeconds', 0, 3_600],
  ['timeoutSeconds', 0.001, 86_400],
  ['proxyReadTimeoutSeconds', 0.001, 86_400],
  ['responseBytes', 0, 1e9],
]

/** Fills defaults and checks every range; returns the complete parameters or the problems found. */
export function resolveParameters(
  overrides: Partial<RolloutParameters> = {},
): { kind: 'ok'; parameters: RolloutParameters } | { kind: 'error'; problems: ParameterProblem[] } {
  const p: RolloutParameters = { ...DEFAULT_ROLLOUT_PARAMETERS, ...overrides }
  const problems: ParameterProblem[] = []
  for (const [name, min, max] of ranges) {
    const value = p[name]
    if (!Number.isFinite(value) || value < min || value > max) problems.push({ name, message: `${name} must be between ${min} and ${max}, got ${value}` })
  }
  const optional: [keyof RolloutParameters, number | null][] = [
    ['durationSeconds', p.durationSeconds],
    ['appStartSeconds', p.appStartSeconds],
    ['endpointRemoveLagSeconds', p.endpointRemoveLagSeconds],
    ['drainSeconds', p.drainSeconds],
  ]
  for (const [name, value] of optional) {
    if (value !== null && (!Number.isFinite(value) || value < 0 || value > 86_400)) problems.push({ name, message: `${name} must be between 0 and 86400, got ${value}` })
  }
  if (!Number.isInteger(p.retries)) problems.push({ name: 'retries', message: `retries must be a whole number, got ${p.retries}` })
  if (!Number.isInteger(p.oldUnready)) problems.push({ name: 'oldUnready', message: `oldUnready must be a whole number, got ${p.oldUnready}` })
  if (!['graceful', 'immediate', 'ignore'].includes(p.sigterm)) problems.push({ name: 'sigterm', message: `sigterm must be graceful, immediate or ignore, got ${String(p.sigterm)}` })
  if (typeof p.probesTestServing !== 'boolean') problems.push({ name: 'probesTestServing', message: 'probesTestServing must be true or false' })
  if (!Number.isFinite(p.seed)) problems.push({ name: 'seed', message: `seed must be a number, got ${p.seed}` })
  if (Number.isNaN(Date.parse(p.clockStart))) problems.push({ name: 'clockStart', message: `clockStart must be an RFC 3339 time, got ${p.clockStart}` })
  if (p.image !== null && p.image.trim() === '') problems.push({ name: 'image', message: 'image must not be empty' })
  return problems.length > 0 ? { kind: 'error', problems } : { kind: 'ok', parameters: p }
}
