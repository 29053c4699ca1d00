/**
 * `spec.strategy` of a Deployment with the per-version defaults (apps/*: 25% / 25%; extensions/v1beta1: 1 / 1)
 * and `ValidateRollingUpdateDeployment`: non-negative int or `[0-9]+%`, maxUnavailable at most 100%, not both 0,
 * no `rollingUpdate` with Recreate.
 */
import { checkKnownFields, knownFields } from './check-known-fields'
import { msg } from '../messages/message'
import { forbidden, invalidValue, unsupportedValue } from './field-errors'
import type { ReadContext } from './read-context'
import { fieldOf, readIntOrString, readMap, readString, type MapView, type Read } from './read-node'
import type { DeploymentStrategy, IntOrString } from './types'

const strategyFields = knownFields(['type', 'rollingUpdate'])
const rollingFields = knownFields(['maxSurge', 'maxUnavailable'])
const percentFormat = '[0-9]+%'
const percent = new RegExp(`^${percentFormat}$`)

/** The value of an int-or-percent as the API server compares it (`getIntOrPercentValue`): 25 for "25%". */
function numericValue(value: IntOrString): number {
  return typeof value === 'number' ? value : parseInt(value, 10)
}

/**
 * Reads the strategy; `fallback` is the version's default for both fields. A malformed value is reported and
 * replaced by the default, so the model stays usable (the diagnostics say the API server rejects it).
 */
export function readStrategy(ctx: ReadContext, spec: MapView, fallback: IntOrString): DeploymentStrategy {
  const strategy = readMap(ctx, spec, 'strategy')
  checkKnownFields(ctx, strategy, strategyFields)
  const type = readString(ctx, strategy, 'type')
  const rollingField = strategy && fieldOf(ctx, strategy, 'rollingUpdate')
  if (type && type.value === 'Recreate') {
    if (rollingField && rollingField.node !== null) {
      ctx.report('strategy-conflict', 'error',
        forbidden(rollingField.path, msg('api-recreate-rolling-update')), rollingField.keySpan)
    }
    return { type: 'Recreate' }
  }
  if (type && type.value !== 'RollingUpdate' && type.value !== '') {
    ctx.report('invalid-value', 'error', unsupportedValue(type.path, type.value, ['Recreate', 'RollingUpdate']), type.span)
  }
  const rolling = readMap(ctx, strategy, 'rollingUpdate')
  checkKnownFields(ctx, rolling, rollingFields)
  const surge = readIntOrPercent(ctx, rolling, 'maxSurge')
  const unavailable = readIntOrPercent(ctx, rolling, 'maxUnavailable')
  if (unavailable?.valid && typeof unavailable.read.value === 'string' && numericValue(unavailable.read.value) > 100) {
    ctx.report('invalid-int-or-percent', 'error',
      invalidValue(unavailable.read.path, unavailable.read.value, msg('api-at-most-100-percent')), unavailable.read.span)
  }
  const maxSurge = surge?.valid ? surge.read.value : fallback
  const maxUnavailable = unavailable?.valid ? unavailable.read.value : fallback
  const malformed = (surge && !surge.valid) || (unavailable && !unavailable.valid)
  if (!malformed && numericValue(maxSurge) === 0 && numericValue(maxUnavailable) === 0) {
    const at = unavailable?.read ?? surge?.read
    ctx.report('surge-and-unavailable-zero', 'error',
      invalidValue([...spec.path, 'strategy', 'rollingUpdate', 'maxUnavailable'], maxUnavailable, msg('api-surge-unavailable-zero')),
      at?.span ?? rolling?.anchor ?? spec.anchor)
  }
  return { type: 'RollingUpdate', maxSurge, maxUnavailable }
}

function readIntOrPercent(ctx: ReadContext, rolling: MapView | undefined, key: string): { read: Read<IntOrString>; valid: boolean } | undefined {
  const read = readIntOrString(ctx, rolling, key)
  if (!read) return undefined
  if (typeof read.value === 'number') {
    if (read.value >= 0) return { read, valid: true }
    ctx.report('invalid-int-or-percent', 'error', invalidValue(read.path, read.value, msg('api-greater-or-equal-zero')), read.span)
    return { read, valid: false }
  }
  if (percent.test(read.value)) return { read, valid: true }
  const reason = msg('api-percent', { regex: percentFormat })
  const detail = /^[0-9]+$/.test(read.value) ? msg('with-hint', { reason, hint: msg('hint-percent-count', { value: read.value }) }) : reason
  ctx.report('invalid-int-or-percent', 'error', invalidValue(read.path, read.value, detail), read.span)
  return { read, valid: false }
}
