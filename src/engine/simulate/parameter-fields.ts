/**
 * The rollout parameters a person sets, as data: which field, its CLI flag, unit, range and a one-line
 * explanation, in the order a form shows them. Defaults stay in `DEFAULT_ROLLOUT_PARAMETERS`; ranges match
 * `resolveParameters` (a test holds them together). The studio's scenario controls are built from this list.
 */
import type { RolloutParameters } from './parameters'

/** How a field is edited: a number, a number or "none" (`null`), a switch, the SIGTERM choice, or the image text. */
export type ParameterKind = 'number' | 'optional-number' | 'boolean' | 'sigterm' | 'image'

/** Sections of the form: the common ones first, the rest behind "more". */
export type ParameterGroup = 'load' | 'pods' | 'shutdown' | 'more'

export interface ParameterField {
  readonly name: keyof RolloutParameters
  readonly kind: ParameterKind
  readonly group: ParameterGroup
  /** The `rollout` command's flag, when it has one. */
  readonly flag: string | null
  /** `s`, `req/s`, `B` or '' (a count). */
  readonly unit: string
  readonly min: number
  readonly max: number
  /** Input step. */
  readonly step: number
  /** One line, English: what it means in the real system. */
  readonly summary: string
  /** What an empty value (`null`) means, for optional fields. */
  readonly whenEmpty?: string
}

const field = (
  name: keyof RolloutParameters,
  group: ParameterGroup,
  flag: string | null,
  unit: string,
  [min, max, step]: readonly [number, number, number],
  summary: string,
  extra: { kind?: ParameterKind; whenEmpty?: string } = {},
): ParameterField => ({ name, kind: extra.kind ?? 'number', group, flag, unit, min, max, step, summary, ...(extra.whenEmpty ? { whenEmpty: extra.whenEmpty } : {}) })

/** The editable parameters, in form order. `clockStart` is left out: it only labels timestamps. */
export const ROLLOUT_PARAMETER_FIELDS: readonly ParameterField[] = [
  field('image', 'load', '--image', '', [0, 0, 0], 'The new image of the serving container; empty bumps the current tag (:v1 → :v2).', { kind: 'image', whenEmpty: 'bump the tag' }),
  field('rps', 'load', '--rps', 'req/s', [0.001, 1_000_000, 1], 'Requests per second the constant-rate attacker sends, whatever the answers.'),
  field('durationSeconds', 'load', '--duration', 's', [0, 86_400, 1], 'How long the attacker sends; empty = until the rollout is done plus a tail.', { kind: 'optional-number', whenEmpty: 'until done' }),
  field('rolloutAtSeconds', 'load', '--at', 's', [0, 86_400, 1], 'When the new template is applied, after the load starts.'),
  field('requestSeconds', 'load', '--request-time', 's', [0, 3_600, 0.01], 'Median time the app spends on one request.'),
  field('retries', 'load', '--retries', '', [0, 100, 1], 'Extra tries ingress-nginx makes on another endpoint after a connection error.'),
  field('seed', 'load', '--seed', '', [-1e15, 1e15, 1], 'Seeds pod names, the round-robin start and jitter: same seed, same run.'),
  field('podStartSeconds', 'pods', '--pod-start', 's', [0, 3_600, 0.5], 'Scheduling and image pull: from pod creation to container start.'),
  field('appStartSeconds', 'pods', '--app-start', 's', [0, 86_400, 0.5], 'From container start until the app listens; empty = never (the new version never gets ready).', { kind: 'optional-number', whenEmpty: 'never' }),
  field('probesTestServing', 'pods', null, '', [0, 0, 0], 'Whether the probes test the serving path; off = they pass as soon as the container runs.', { kind: 'boolean' }),
  field('oldUnready', 'pods', '--old-unready', '', [0, 1_000, 1], 'Old pods whose readiness probe fails from the start (an injected failure).'),
  field('endpointLagSeconds', 'shutdown', '--endpoint-lag', 's', [0, 3_600, 0.5], 'From an EndpointSlice change until ingress-nginx balances with it.'),
  field('preStopHttpSeconds', 'shutdown', '--prestop-http', 's', [0, 3_600, 0.5], 'Time an httpGet or exec preStop hook takes (a sleep hook takes its own time).'),
  field('sigterm', 'shutdown', '--sigterm', '', [0, 0, 0], 'What the app does on SIGTERM: drain and exit, exit at once, or run on until SIGKILL.', { kind: 'sigterm' }),
  field('drainSeconds', 'shutdown', null, 's', [0, 86_400, 0.1], 'A graceful app\'s shutdown after SIGTERM; empty = its longest request.', { kind: 'optional-number', whenEmpty: 'longest request' }),
  field('endpointRemoveLagSeconds', 'more', null, 's', [0, 86_400, 0.5], 'Removal lag when it differs from the add lag; empty = the same.', { kind: 'optional-number', whenEmpty: 'same as add' }),
  field('latencySpread', 'more', null, '', [0, 2, 0.05], 'Spread of the app\'s per-request time around the median (σ of a log-normal); 0 = constant.'),
  field('startJitterSeconds', 'more', null, 's', [0, 3_600, 0.5], 'Random extra added to each new pod\'s start and app start.'),
  field('probeOffsetSeconds', 'more', null, 's', [0, 3_600, 0.5], 'Offset of a new container\'s first probe after initialDelaySeconds.'),
  field('controllerSyncSeconds', 'more', null, 's', [0, 3_600, 0.1], 'Delay between a change and the Deployment controller\'s sync.'),
  field('timeoutSeconds', 'more', null, 's', [0.001, 86_400, 1], 'vegeta -timeout: the client gives up after this long.'),
  field('proxyReadTimeoutSeconds', 'more', null, 's', [0.001, 86_400, 1], 'ingress-nginx proxy-read-timeout: 504 when the app takes longer.'),
  field('ingressOverheadSeconds', 'more', null, 's', [0, 60, 0.001], 'Time the ingress adds to every answer, its own error pages included.'),
  field('tailSeconds', 'more', null, 's', [0, 3_600, 1], 'Load after the rollout is done, when the duration is empty.'),
  field('maxDurationSeconds', 'more', null, 's', [1, 86_400, 10], 'Ceiling of the automatic duration.'),
  field('stallSeconds', 'more', null, 's', [1, 86_400, 10], 'Without a progress deadline, the automatic duration also ends after this long without progress.'),
  field('responseBytes', 'more', null, 'B', [0, 1e9, 1], 'Body size of the app\'s answer (vegeta\'s bytes in).'),
]

/** The three SIGTERM behaviours with one line each. */
export const SIGTERM_CHOICES: readonly { readonly value: RolloutParameters['sigterm']; readonly summary: string }[] = [
  { value: 'graceful', summary: 'Close the listener, finish in-flight requests, exit.' },
  { value: 'immediate', summary: 'Exit at once: in-flight requests are reset.' },
  { value: 'ignore', summary: 'Ignore it and run until SIGKILL at the end of the grace period.' },
]
