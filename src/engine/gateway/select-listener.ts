/**
 * Which listener of a Gateway takes a request (docs/gateway-api.md#listener-selection): the listeners on the
 * URL's port with the URL's protocol (HTTP for http, HTTPS for https), then the most specific hostname match for
 * the Host — exact, then the wildcard with the most labels, then a listener without hostname
 * (gateway_types.go, GatewaySpec.listeners "Listeners that are distinct only by Hostname").
 */
import { hostnameMatches } from './hostname-match'
import type { ListenerSet } from './gateway-index'
import type { CompiledListener } from './types'

export type ListenerHow = 'exact' | 'wildcard' | 'any'

export interface ListenerChoice {
  readonly listener: CompiledListener
  readonly how: ListenerHow
}

/** The most specific live listener of `set` for `host`, or null when none matches it (choices are made once, in the index). */
export function selectListener(set: ListenerSet, host: string): ListenerChoice | null {
  const exact = set.exact.get(host)
  if (exact) return exact
  for (const choice of set.wildcards) {
    if (hostnameMatches(choice.listener.hostname as string, host)) return choice
  }
  return set.any
}
