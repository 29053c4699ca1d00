/**
 * The backendRef a matched rule sends the request to (docs/gateway-api.md#backends; httproute_types.go,
 * HTTPRouteRule.backendRefs and BackendRef.weight): a weighted pick over every backendRef, valid or not, so the
 * share of requests that would go to an invalid backend answers 500; weight 0 is never chosen; all weights 0
 * is no backend at all (500).
 */
import { msg, type Message } from '../messages/message'
import type { CompiledBackend, CompiledRule } from './types'

export type BackendPick =
  | { readonly kind: 'backend'; readonly backend: CompiledBackend }
  /** No backendRefs, or every weight is 0. */
  | { readonly kind: 'none'; readonly reason: 'no-backends' | 'zero-weights' }

function describe(backend: CompiledBackend): string {
  return `${backend.namespace}/${backend.name}${backend.port === null ? '' : `:${backend.port}`}`
}

/** Picks a backend of `rule` by weight, drawing from `random` only when two or more backends have a weight. */
export function chooseBackend(rule: CompiledRule, random: { next(): number }, trace: Message[] | null): BackendPick {
  const backends = rule.backends
  if (backends.length === 0) return { kind: 'none', reason: 'no-backends' }
  let total = 0
  let weighted = 0
  let only: CompiledBackend | null = null
  for (const backend of backends) {
    if (backend.weight > 0) {
      total += backend.weight
      weighted++
      only = backend
    }
  }
  if (weighted === 0 || only === null) return { kind: 'none', reason: 'zero-weights' }
  if (weighted === 1) {
    if (trace) trace.push(msg(backends.length === 1 ? 'gateway-trace-backend-single' : 'gateway-trace-backend-only-weight', { backend: describe(only), index: only.index }))
    return { kind: 'backend', backend: only }
  }
  const draw = random.next() * total
  let chosen = only
  let sum = 0
  for (const backend of backends) {
    if (backend.weight <= 0) continue
    sum += backend.weight
    if (draw < sum) {
      chosen = backend
      break
    }
  }
  if (trace) {
    const weights = backends.map((b) => `${describe(b)}=${b.weight}`).join(', ')
    trace.push(msg('gateway-trace-backend-weighted', { weights, draw: draw.toFixed(3), total, backend: describe(chosen), index: chosen.index }))
  }
  return { kind: 'backend', backend: chosen }
}

export { describe as describeBackend }
