/**
 * Which Gateway a request goes through when the caller (the CLI's `route --gateway`, the URL tester) asks
 * (docs/gateway-api.md#routing-a-request): `requested` must name a Gateway of the input; without it, the input
 * must hold exactly one Gateway and no Ingress. Otherwise a problem that lists the choices.
 */
import { msg, type Message } from '../messages/message'
import type { CompiledGateways } from './types'

export function pickGateway(compiled: CompiledGateways, ingressCount: number, requested?: string): { gateway: string } | { problem: Message } {
  const keys = compiled.gateways.map((g) => g.ref.key)
  const choices = keys.join(', ')
  if (requested !== undefined) {
    if (keys.includes(requested)) return { gateway: requested }
    return { problem: keys.length === 0 ? msg('gateway-pick-unknown-none', { requested }) : msg('gateway-pick-unknown', { requested, choices }) }
  }
  if (keys.length === 0) return { problem: msg('gateway-pick-none') }
  if (keys.length > 1) return { problem: msg('gateway-pick-several', { number: keys.length, choices }) }
  const only = keys[0] as string
  if (ingressCount > 0) return { problem: msg('gateway-pick-with-ingress', { gateway: only, count: ingressCount }) }
  return { gateway: only }
}
