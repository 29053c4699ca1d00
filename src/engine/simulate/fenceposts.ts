/**
 * maxSurge / maxUnavailable as pod counts, with Kubernetes' arithmetic (docs/rollout.md#fenceposts) and the API
 * server's validation of the two fields (docs/rollout.md#validation), messages included.
 */
import type { DeploymentStrategy, IntOrString } from '../model/types'

/** The pod counts the Deployment controller works with. */
export interface Fenceposts {
  /** `MaxSurge(d)`: extra pods allowed above `replicas`, by spec count. Not clamped. */
  readonly maxSurge: number
  /** `MaxUnavailable(d)`: pods that may be unavailable; 0 for Recreate and for 0 replicas, never above replicas. */
  readonly maxUnavailable: number
}

/** One error as the API server words it: `<field path>: Invalid value: <value>: <detail>`. */
export interface StrategyProblem {
  readonly code: 'invalid-int-or-percent' | 'surge-and-unavailable-zero'
  readonly field: 'maxSurge' | 'maxUnavailable'
  readonly message: string
}

const percentPattern = /^[0-9]+%$/
const percentMessage =
  "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')"

/** The percentage in `"25%"`, or `null` when the value is not a string matching `[0-9]+%`. */
function readPercent(value: IntOrString): number | null {
  if (typeof value !== 'string' || !percentPattern.test(value)) return null
  return Number.parseInt(value.slice(0, -1), 10)
}

/** Go's `IntOrString.IntValue()`: the int, or `strconv.Atoi` of the string with errors read as 0. */
function intValue(value: IntOrString): number {
  if (typeof value === 'number') return value
  return /^[+-]?[0-9]+$/.test(value) ? Number.parseInt(value, 10) : 0
}

/**
 * `GetScaledValueFromIntOrPercent`: an int as is; `"p%"` as `p * total / 100`, multiplied in that order as
 * doubles (the float trap: `7 / 100 * 100` is 7.000000000000001 and would round up to 8), then rounded up or
 * down. Returns `null` for a string that is not a percentage ("string is not a percentage").
 */
export function scaleIntOrPercent(value: IntOrString, total: number, roundUp: boolean): number | null {
  if (typeof value === 'number') return value
  const percent = readPercent(value)
  if (percent === null) return null
  const scaled = (percent * total) / 100
  return roundUp ? Math.ceil(scaled) : Math.floor(scaled)
}

/**
 * `ResolveFenceposts`: surge rounds up, unavailable rounds down, and when both come out 0 (only possible
 * through rounding) unavailable becomes 1. Returns `null` if either value is not an int or a percentage.
 */
export function resolveFenceposts(
  maxSurge: IntOrString,
  maxUnavailable: IntOrString,
  replicas: number,
): { surge: number; unavailable: number } | null {
  const surge = scaleIntOrPercent(maxSurge, replicas, true)
  const unavailable = scaleIntOrPercent(maxUnavailable, replicas, false)
  if (surge === null || unavailable === null) return null
  if (surge === 0 && unavailable === 0) return { surge, unavailable: 1 }
  return { surge, unavailable }
}

/**
 * `MaxSurge(d)` and `MaxUnavailable(d)` of deployment_util.go for a strategy and replica count. Recreate has
 * both 0. Returns `null` when the strategy does not validate (see `validateStrategy`).
 */
export function computeFenceposts(strategy: DeploymentStrategy, replicas: number): Fenceposts | null {
  if (strategy.type === 'Recreate') return { maxSurge: 0, maxUnavailable: 0 }
  const resolved = resolveFenceposts(strategy.maxSurge, strategy.maxUnavailable, replicas)
  if (resolved === null) return null
  const maxUnavailable = replicas === 0 ? 0 : Math.min(resolved.unavailable, replicas)
  return { maxSurge: resolved.surge, maxUnavailable }
}

function describeValue(value: IntOrString): string {
  return String(value)
}

function validateIntOrPercent(value: IntOrString, field: StrategyProblem['field']): StrategyProblem[] {
  const path = `spec.strategy.rollingUpdate.${field}`
  if (typeof value === 'string') {
    if (percentPattern.test(value)) return []
    return [{ code: 'invalid-int-or-percent', field, message: `${path}: Invalid value: ${describeValue(value)}: ${percentMessage}` }]
  }
  if (!Number.isInteger(value)) {
    return [{ code: 'invalid-int-or-percent', field, message: `${path}: Invalid value: ${value}: must be an integer or percentage (e.g '5%')` }]
  }
  if (value < 0) {
    return [{ code: 'invalid-int-or-percent', field, message: `${path}: Invalid value: ${value}: must be greater than or equal to 0` }]
  }
  return []
}

/**
 * `ValidateRollingUpdateDeployment` of the apps API group: each field a non-negative int or `[0-9]+%`, not both
 * zero, maxUnavailable not above 100%. Errors come in the API server's order. Empty for Recreate.
 */
export function validateStrategy(strategy: DeploymentStrategy): StrategyProblem[] {
  if (strategy.type === 'Recreate') return []
  const { maxSurge, maxUnavailable } = strategy
  const problems = [...validateIntOrPercent(maxUnavailable, 'maxUnavailable'), ...validateIntOrPercent(maxSurge, 'maxSurge')]
  const valueForZeroCheck = (v: IntOrString): number => readPercent(v) ?? intValue(v)
  if (valueForZeroCheck(maxUnavailable) === 0 && valueForZeroCheck(maxSurge) === 0) {
    problems.push({
      code: 'surge-and-unavailable-zero',
      field: 'maxUnavailable',
      message: `spec.strategy.rollingUpdate.maxUnavailable: Invalid value: ${describeValue(maxUnavailable)}: may not be 0 when \`maxSurge\` is 0`,
    })
  }
  const unavailablePercent = readPercent(maxUnavailable)
  if (unavailablePercent !== null && unavailablePercent > 100) {
    problems.push({
      code: 'invalid-int-or-percent',
      field: 'maxUnavailable',
      message: `spec.strategy.rollingUpdate.maxUnavailable: Invalid value: ${describeValue(maxUnavailable)}: must not be greater than 100%`,
    })
  }
  return problems
}
