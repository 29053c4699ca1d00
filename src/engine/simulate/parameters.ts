/**
 * Every input of a rollout simulation that the real system leaves open (docs/rollout.md). Their meaning, flag,
 * unit, range and default are rows of `ROLLOUT_PARAMETER_TABLE` (parameter-table.ts, one place); this module holds
 * the type, the defaults and the checks derived from it. Times are in seconds here (people's unit); the simulation
 * converts them to milliseconds once.
 */
import { msg, type Message, type MessageParam } from '../messages/message'
import { englishMessage } from '../messages/english'
import { ROLLOUT_PARAMETER_TABLE, type ParameterEntry } from './parameter-table'

export { ROLLOUT_LIMITS } from './rollout-limits'

/** What the app does when SIGTERM arrives. */
export type SigtermBehaviour = 'graceful' | 'immediate' | 'ignore'

/**
 * The complete parameters of one run. Each field is described by its row in `ROLLOUT_PARAMETER_TABLE` (the types
 * tie them together: a field without a row, or a row whose default or kind does not fit the field, fails to compile).
 */
export interface RolloutParameters {
  readonly image: string | null
  readonly rolloutAtSeconds: number
  readonly rps: number
  readonly durationSeconds: number | null
  readonly requestSeconds: number
  readonly podStartSeconds: number
  readonly appStartSeconds: number | null
  readonly endpointLagSeconds: number
  readonly sigterm: SigtermBehaviour
  readonly preStopHttpSeconds: number
  readonly retries: number
  readonly oldUnready: number
  readonly seed: number
  readonly maxDurationSeconds: number
  readonly tailSeconds: number
  readonly stallSeconds: number
  readonly endpointRemoveLagSeconds: number | null
  readonly latencySpread: number
  readonly ingressOverheadSeconds: number
  readonly drainSeconds: number | null
  readonly startJitterSeconds: number
  readonly probeOffsetSeconds: number
  readonly probesTestServing: boolean
  readonly controllerSyncSeconds: number
  readonly timeoutSeconds: number
  readonly proxyReadTimeoutSeconds: number
  readonly responseBytes: number
  readonly clockStart: string
}

/** Each row's default. */
export const DEFAULT_ROLLOUT_PARAMETERS: RolloutParameters = Object.freeze(
  Object.fromEntries(ROLLOUT_PARAMETER_TABLE.map((row) => [row.name, row.default])) as unknown as RolloutParameters,
)

/** A parameter outside its range; `name` is the field of `RolloutParameters`. */
export interface ParameterProblem {
  readonly name: keyof RolloutParameters
  /** What is wrong, as a message (`messages/{en,ko}/rollout.ts`). */
  readonly text: Message
  /** `text` in English. */
  readonly message: string
}

/** Fills defaults and checks every value against its row; returns the complete parameters or the problems found. */
export function resolveParameters(
  overrides: Partial<RolloutParameters> = {},
): { kind: 'ok'; parameters: RolloutParameters } | { kind: 'error'; problems: ParameterProblem[] } {
  const p: RolloutParameters = { ...DEFAULT_ROLLOUT_PARAMETERS, ...overrides }
  const problems: ParameterProblem[] = []
  for (const row of ROLLOUT_PARAMETER_TABLE) {
    const text = checkValue(row, p[row.name])
    if (text !== null) problems.push({ name: row.name, text, message: englishMessage(text) })
  }
  return problems.length > 0 ? { kind: 'error', problems } : { kind: 'ok', parameters: p }
}

/** The choices as a list ending in "or" (a message, so each language joins them its own way). */
function choiceList(values: readonly string[]): MessageParam {
  if (values.length <= 1) return values.join('')
  return msg('choices-or', { head: values.slice(0, -1).join(', '), last: values[values.length - 1]! })
}

/** What is wrong with `value` for `row`, or null when it fits. */
function checkValue(row: ParameterEntry, value: unknown): Message | null {
  const name = row.name
  const spec = row.value
  switch (spec.kind) {
    case 'optional-number':
      return value === null ? null : checkNumber(name, spec.min, spec.max, false, value)
    case 'number':
      return checkNumber(name, spec.min, spec.max, spec.integer, value)
    case 'boolean':
      return typeof value === 'boolean' ? null : msg('parameter-not-boolean', { name })
    case 'enum': {
      const values = spec.choices.map((choice) => choice.value)
      return (values as readonly unknown[]).includes(value) ? null : msg('parameter-not-choice', { name, choices: choiceList(values), value: String(value) })
    }
    case 'text':
      if (value === null) return spec.whenEmpty !== null ? null : msg('parameter-not-set', { name })
      if (typeof value !== 'string') return msg('parameter-not-text', { name, value: String(value) })
      if (spec.check === 'rfc3339-time') return Number.isNaN(Date.parse(value)) ? msg('parameter-not-time', { name, value }) : null
      return value.trim() === '' ? msg('parameter-empty', { name }) : null
  }
}

function checkNumber(name: string, min: number, max: number, integer: boolean, value: unknown): Message | null {
  const shown = String(value)
  const between = msg('parameter-not-between', { name, min: String(min), max: String(max), value: shown })
  if (typeof value !== 'number' || !Number.isFinite(value)) return Number.isFinite(min) || Number.isFinite(max) ? between : msg('parameter-not-number', { name, value: shown })
  if (value < min || value > max) return between
  if (integer && !Number.isInteger(value)) return msg('parameter-not-whole', { name, value: shown })
  return null
}
