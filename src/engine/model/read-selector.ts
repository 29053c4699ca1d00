/** Label selectors (`matchLabels` + `matchExpressions`): reading, validation and matching against labels. */
import { checkKnownFields, knownFields } from './check-known-fields'
import { msg } from '../messages/message'
import { invalidValue, requiredValue, unsupportedValue } from './field-errors'
import type { ReadContext } from './read-context'
import { asMap, asString, itemsOf, readSeq, readString, readStringMap, toRecord, type MapView } from './read-node'
import { checkLabels } from './read-meta'
import type { LabelSelector, LabelSelectorRequirement } from './types'
import { checkQualifiedName } from './validate-names'

const selectorFields = knownFields(['matchLabels', 'matchExpressions'])
const requirementFields = knownFields(['key', 'operator', 'values'])
const operators = ['DoesNotExist', 'Exists', 'In', 'NotIn'] as const

/** Reads a LabelSelector map (`defaulted` false). */
export function readSelector(ctx: ReadContext, view: MapView): LabelSelector {
  checkKnownFields(ctx, view, selectorFields)
  const matchLabels = readStringMap(ctx, view, 'matchLabels')
  if (matchLabels) checkLabels(ctx, matchLabels.entries, matchLabels.view.path)
  const seq = readSeq(ctx, view, 'matchExpressions')
  const matchExpressions: LabelSelectorRequirement[] = []
  for (const item of seq ? itemsOf(ctx, seq) : []) {
    const entry = asMap(ctx, item)
    if (!entry) continue
    checkKnownFields(ctx, entry, requirementFields)
    const key = readString(ctx, entry, 'key', true)
    if (key) {
      const bad = checkQualifiedName(key.value)
      if (bad) ctx.report('invalid-label', 'error', invalidValue(key.path, key.value, bad), key.span)
    }
    const operator = readString(ctx, entry, 'operator', true)
    const valuesSeq = readSeq(ctx, entry, 'values')
    const values = (valuesSeq ? itemsOf(ctx, valuesSeq) : []).map((value) => asString(ctx, value)?.value ?? '')
    if (operator && !(operators as readonly string[]).includes(operator.value)) {
      ctx.report('invalid-value', 'error', unsupportedValue(operator.path, operator.value, operators), operator.span)
      continue
    }
    if (!key || !operator) continue
    const op = operator.value as LabelSelectorRequirement['operator']
    if ((op === 'In' || op === 'NotIn') && values.length === 0) {
      ctx.report('required', 'error', requiredValue([...entry.path, 'values'], msg('api-values-required')), operator.span)
    } else if ((op === 'Exists' || op === 'DoesNotExist') && values.length > 0) {
      ctx.report('invalid-value', 'error', invalidValue([...entry.path, 'values'], values.join(','), msg('api-values-forbidden')),
        valuesSeq?.anchor ?? operator.span)
    }
    matchExpressions.push({ key: key.value, operator: op, values })
  }
  return { matchLabels: matchLabels ? toRecord(matchLabels.entries) : {}, matchExpressions, defaulted: false }
}

/** True when `labels` satisfy every term of `selector` (an empty selector matches everything). */
export function matchesSelector(selector: LabelSelector, labels: Readonly<Record<string, string>>): boolean {
  for (const [key, value] of Object.entries(selector.matchLabels)) {
    if (labels[key] !== value) return false
  }
  for (const { key, operator, values } of selector.matchExpressions) {
    const has = Object.prototype.hasOwnProperty.call(labels, key)
    const value = labels[key]
    if (operator === 'In' && !(has && values.includes(value as string))) return false
    if (operator === 'NotIn' && has && values.includes(value as string)) return false
    if (operator === 'Exists' && !has) return false
    if (operator === 'DoesNotExist' && has) return false
  }
  return true
}
