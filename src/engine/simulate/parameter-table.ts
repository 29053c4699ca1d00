/**
 * The rollout parameters as one table (docs/rollout-parameters.md is generated from it): for each field of
 * `RolloutParameters` its CLI flag, value kind, unit, range and input step, default, English label and one-line
 * help, i18n key and form group. Everything else derives from here: `DEFAULT_ROLLOUT_PARAMETERS` and the range
 * checks of `resolveParameters`, the `rollout` command's flags and help, the studio's scenario controls and their
 * English texts, and the reference page. The rows are in form order; the CLI help and the page follow it too.
 *
 * A leaf module (the page imports it directly): it imports only types and the simulation's size limits.
 */
import type { RolloutParameters } from './parameters'
import { ROLLOUT_LIMITS } from './rollout-limits'

/** Sections of the studio's form: the common ones first, the rest behind "more". */
export type ParameterGroup = 'load' | 'pods' | 'shutdown' | 'more'

/** `s` (seconds, people's unit; the simulation converts to milliseconds once), `req/s`, `B`, or '' for a count. */
export type ParameterUnit = '' | 's' | 'req/s' | 'B'

interface NumberRange {
  /** Inclusive bounds; ±Infinity where any finite number will do. */
  readonly min: number
  readonly max: number
  /** The form's input step. */
  readonly step: number
}

export interface NumberValue extends NumberRange {
  readonly kind: 'number'
  /** Only whole numbers. */
  readonly integer: boolean
}

/** A number or `null`; `whenEmpty` says what `null` means, in a few words (a placeholder, a CLI default). */
export interface OptionalNumberValue extends NumberRange {
  readonly kind: 'optional-number'
  readonly whenEmpty: string
  /** The word that gives `null` on the command line (`--app-start never`); without one the flag takes numbers only. */
  readonly flagWord: string | null
}

export interface BooleanValue {
  readonly kind: 'boolean'
}

export interface EnumChoice<T extends string = string> {
  readonly value: T
  /** A few English words for the form's list. */
  readonly label: string
  /** One English line: what this choice does. */
  readonly help: string
  readonly i18nKey: string
}

export interface EnumValue<T extends string = string> {
  readonly kind: 'enum'
  readonly choices: readonly EnumChoice<T>[]
}

/** Free text; `check` names the rule `resolveParameters` applies; `whenEmpty` is set when `null` is allowed. */
export interface TextValue {
  readonly kind: 'text'
  readonly check: 'non-empty' | 'rfc3339-time'
  readonly whenEmpty: string | null
}

export type ParameterValue = NumberValue | OptionalNumberValue | BooleanValue | EnumValue | TextValue

/** The value kinds a field of type `T` may have: the table cannot call a number a switch. */
type ValueFor<T> = [T] extends [boolean]
  ? BooleanValue
  : [T] extends [number]
    ? NumberValue
    : [T] extends [number | null]
      ? OptionalNumberValue
      : [T] extends [string | null]
        ? string extends Exclude<T, null>
          ? TextValue
          : EnumValue<Exclude<T, null> & string>
        : never

interface EntryFields<K extends keyof RolloutParameters> {
  readonly name: K
  /** The `rollout` command's flag, or null when it has none. */
  readonly flag: `--${string}` | null
  readonly value: ValueFor<RolloutParameters[K]>
  readonly unit: ParameterUnit
  readonly default: RolloutParameters[K]
  /** A few English words: the form's label. */
  readonly label: string
  /** One English line: what it means in the real system (form help, CLI help, reference page). */
  readonly help: string
  /** Where the form shows it; null = not in the form. */
  readonly group: ParameterGroup | null
}

export interface ParameterEntryOf<K extends keyof RolloutParameters> extends EntryFields<K> {
  /** Key of its texts in the studio's locale resources (`<key>.label`, `<key>.help`, `<key>.empty`). */
  readonly i18nKey: string
}

/** One row of the table; narrowing on `name` narrows `default` and `value`. */
export type ParameterEntry = { [K in keyof RolloutParameters]: ParameterEntryOf<K> }[keyof RolloutParameters]

/** The key of a parameter's texts; choices nest under it. */
const textKey = (name: string): string => `param.${name}`

function entry<K extends keyof RolloutParameters>(fields: EntryFields<K>): ParameterEntryOf<K> {
  return { ...fields, i18nKey: textKey(fields.name) }
}

const numberIn = (min: number, max: number, step: number): NumberValue => ({ kind: 'number', min, max, step, integer: false })
const count = (max: number): NumberValue => ({ kind: 'number', min: 0, max, step: 1, integer: true })
const optionalSeconds = (step: number, whenEmpty: string, flagWord: string | null = null): OptionalNumberValue => ({
  kind: 'optional-number', min: 0, max: 86_400, step, whenEmpty, flagWord,
})

const sigtermChoice = (value: RolloutParameters['sigterm'], label: string, help: string): EnumChoice<RolloutParameters['sigterm']> => ({
  value, label, help, i18nKey: `${textKey('sigterm')}.choice.${value}`,
})

const rows = [
  entry({
    name: 'image', flag: '--image', group: 'load', unit: '', default: null,
    value: { kind: 'text', check: 'non-empty', whenEmpty: 'bump the tag' },
    label: 'New image', help: 'The new image of the serving container; bumping the tag turns :v1 into :v2.',
  }),
  entry({
    name: 'rps', flag: '--rps', group: 'load', unit: 'req/s', default: 50, value: numberIn(0.001, 1_000_000, 1),
    label: 'Rate', help: 'Requests per second the constant-rate attacker sends, whatever the answers.',
  }),
  entry({
    name: 'durationSeconds', flag: '--duration', group: 'load', unit: 's', default: null, value: optionalSeconds(1, 'until done'),
    label: 'Duration', help: 'How long the attacker sends; until done = until the rollout is done plus the tail, at most the max duration.',
  }),
  entry({
    name: 'rolloutAtSeconds', flag: '--at', group: 'load', unit: 's', default: 5, value: numberIn(0, 86_400, 1),
    label: 'Rollout at', help: 'When the new template is applied, after the load starts.',
  }),
  entry({
    name: 'requestSeconds', flag: '--request-time', group: 'load', unit: 's', default: 0.05, value: numberIn(0, 3_600, 0.01),
    label: 'Request time', help: 'Median time the app spends on one request.',
  }),
  entry({
    name: 'retries', flag: '--retries', group: 'load', unit: '', default: 0, value: count(100),
    label: 'Retries', help: 'Extra tries ingress-nginx makes on another endpoint after a connection error.',
  }),
  entry({
    name: 'seed', flag: '--seed', group: 'load', unit: '', default: 1, value: numberIn(-Infinity, Infinity, 1),
    label: 'Seed', help: 'Seeds pod names, the round-robin start and jitter: same seed, same run.',
  }),
  entry({
    name: 'podStartSeconds', flag: '--pod-start', group: 'pods', unit: 's', default: 1, value: numberIn(0, 3_600, 0.5),
    label: 'Pod start', help: 'Scheduling and image pull: from pod creation to container start.',
  }),
  entry({
    name: 'appStartSeconds', flag: '--app-start', group: 'pods', unit: 's', default: 3, value: optionalSeconds(0.5, 'never', 'never'),
    label: 'App start', help: 'From container start until the app listens; never = the new version never gets ready.',
  }),
  entry({
    name: 'probesTestServing', flag: null, group: 'pods', unit: '', default: true, value: { kind: 'boolean' },
    label: 'Probes test serving', help: 'Whether the probes test the serving path; off = they pass as soon as the container runs.',
  }),
  entry({
    name: 'oldUnready', flag: '--old-unready', group: 'pods', unit: '', default: 0, value: count(ROLLOUT_LIMITS.maxReplicas),
    label: 'Old pods not ready', help: 'Old pods whose readiness probe fails from the start (an injected failure).',
  }),
  entry({
    name: 'endpointLagSeconds', flag: '--endpoint-lag', group: 'shutdown', unit: 's', default: 1, value: numberIn(0, 3_600, 0.5),
    label: 'Endpoint lag', help: 'From an EndpointSlice change until ingress-nginx balances with it.',
  }),
  entry({
    name: 'preStopHttpSeconds', flag: '--prestop-http', group: 'shutdown', unit: 's', default: 0, value: numberIn(0, 3_600, 0.5),
    label: 'preStop duration', help: 'Assumed time of a preStop hook the manifest does not time (httpGet, a command that is not a sleep).',
  }),
  entry({
    name: 'sigterm', flag: '--sigterm', group: 'shutdown', unit: '', default: 'graceful',
    value: {
      kind: 'enum',
      choices: [
        sigtermChoice('graceful', 'drain, then exit', 'Close the listener, finish in-flight requests, exit.'),
        sigtermChoice('immediate', 'exit immediately', 'Exit at once: in-flight requests are reset.'),
        sigtermChoice('ignore', 'ignore (until SIGKILL)', 'Ignore it and run until SIGKILL at the end of the grace period.'),
      ],
    },
    label: 'On SIGTERM', help: 'What the app does on SIGTERM: drain and exit, exit at once, or run on until SIGKILL.',
  }),
  entry({
    name: 'drainSeconds', flag: '--drain', group: 'shutdown', unit: 's', default: null, value: optionalSeconds(0.1, 'longest request'),
    label: 'Drain time', help: 'A graceful app\'s shutdown after SIGTERM; by default as long as its longest request.',
  }),
  entry({
    name: 'endpointRemoveLagSeconds', flag: null, group: 'more', unit: 's', default: null, value: optionalSeconds(0.5, 'same as add'),
    label: 'Removal lag', help: 'Removal lag when it differs from the add lag; by default the same.',
  }),
  entry({
    name: 'latencySpread', flag: null, group: 'more', unit: '', default: 0.2, value: numberIn(0, 2, 0.05),
    label: 'Latency spread', help: 'Spread of the app\'s per-request time around the median (σ of a log-normal); 0 = constant.',
  }),
  entry({
    name: 'startJitterSeconds', flag: null, group: 'more', unit: 's', default: 0, value: numberIn(0, 3_600, 0.5),
    label: 'Start jitter', help: 'Random extra (0 up to this) added to each new pod\'s start and app start.',
  }),
  entry({
    name: 'probeOffsetSeconds', flag: null, group: 'more', unit: 's', default: 0, value: numberIn(0, 3_600, 0.5),
    label: 'Probe offset', help: 'Offset of a new container\'s first probe after initialDelaySeconds.',
  }),
  entry({
    name: 'controllerSyncSeconds', flag: null, group: 'more', unit: 's', default: 0, value: numberIn(0, 3_600, 0.1),
    label: 'Controller sync', help: 'Delay between a change and the Deployment controller\'s sync.',
  }),
  entry({
    name: 'timeoutSeconds', flag: null, group: 'more', unit: 's', default: 30, value: numberIn(0.001, 86_400, 1),
    label: 'Client timeout', help: 'vegeta -timeout: the client gives up after this long.',
  }),
  entry({
    name: 'proxyReadTimeoutSeconds', flag: null, group: 'more', unit: 's', default: 60, value: numberIn(0.001, 86_400, 1),
    label: 'Proxy read timeout', help: 'ingress-nginx proxy-read-timeout: 504 when the app takes longer.',
  }),
  entry({
    name: 'ingressOverheadSeconds', flag: null, group: 'more', unit: 's', default: 0.001, value: numberIn(0, 60, 0.001),
    label: 'Ingress overhead', help: 'Time the ingress adds to every answer, its own error pages included.',
  }),
  entry({
    name: 'tailSeconds', flag: null, group: 'more', unit: 's', default: 10, value: numberIn(0, 3_600, 1),
    label: 'Tail', help: 'Load after the rollout is done (complete and every old pod gone), when no duration is set.',
  }),
  entry({
    name: 'maxDurationSeconds', flag: null, group: 'more', unit: 's', default: 900, value: numberIn(1, 86_400, 10),
    label: 'Max duration', help: 'Ceiling of the automatic duration.',
  }),
  entry({
    name: 'stallSeconds', flag: null, group: 'more', unit: 's', default: 120, value: numberIn(1, 86_400, 10),
    label: 'Stall limit', help: 'Without a progress deadline, the automatic duration also ends after this long without progress.',
  }),
  entry({
    name: 'responseBytes', flag: null, group: 'more', unit: 'B', default: 12, value: numberIn(0, 1e9, 1),
    label: 'Response size', help: 'Body size of the app\'s answer (vegeta\'s bytes in).',
  }),
  entry({
    name: 'clockStart', flag: null, group: null, unit: '', default: '2026-01-01T00:00:00Z',
    value: { kind: 'text', check: 'rfc3339-time', whenEmpty: null },
    label: 'Clock start', help: 'Wall-clock time of simulated second 0, for vegeta timestamps and stern\'s clock (RFC 3339, UTC).',
  }),
]

// Fails to compile, naming the field, when `RolloutParameters` has a field without a row.
type Unlisted = Exclude<keyof RolloutParameters, (typeof rows)[number]['name']>
const _everyFieldListed: [Unlisted] extends [never] ? true : Unlisted = true
void _everyFieldListed

/** Every rollout parameter, once, in form order. */
export const ROLLOUT_PARAMETER_TABLE: readonly ParameterEntry[] = rows

/** The rows the studio's scenario form shows, in order. */
export const EDITABLE_PARAMETERS: readonly ParameterEntry[] = rows.filter((row) => row.group !== null)

/** The rows the `rollout` command takes as flags, in order. */
export const FLAGGED_PARAMETERS: readonly (ParameterEntry & { readonly flag: `--${string}` })[] = rows.filter(
  (row): row is typeof row & { flag: `--${string}` } => row.flag !== null,
)

const rowsByName = new Map<string, ParameterEntry>(rows.map((row) => [row.name, row]))

/** The row of one field. */
export function parameterRow<K extends keyof RolloutParameters>(name: K): ParameterEntryOf<K> {
  return rowsByName.get(name) as ParameterEntryOf<K>
}

/** What `null` means for a row that allows it (`until done`), or null when it does not. */
export function emptyMeaning(row: ParameterEntry): string | null {
  return row.value.kind === 'optional-number' || row.value.kind === 'text' ? row.value.whenEmpty : null
}

/** A value as the CLI help and the reference page print it: `null` as its meaning, numbers and words as they are. */
export function describeValue(row: ParameterEntry, value: unknown): string {
  return value === null ? (emptyMeaning(row) ?? 'none') : String(value)
}

/** `a, b or c`: choices in a sentence. */
export function listWithOr(words: readonly string[]): string {
  return words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`
}
