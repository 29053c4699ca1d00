/**
 * Upstreams by name, built once per compiled routing model: the graph and the example requests look up a
 * location's upstream and its canary for every location, which a scan of the upstream list made quadratic.
 */
import type { CompiledRoutes, CompiledUpstream } from '../route/types'

const byRoutes = new WeakMap<readonly CompiledUpstream[], Map<string, CompiledUpstream>>()

/** The first upstream called `name` (as `upstreams.find` would answer), or undefined. */
export function upstreamNamed(routes: CompiledRoutes, name: string | null | undefined): CompiledUpstream | undefined {
  if (name === undefined || name === null) return undefined
  let index = byRoutes.get(routes.upstreams)
  if (!index) {
    index = new Map()
    for (const upstream of routes.upstreams) if (!index.has(upstream.name)) index.set(upstream.name, upstream)
    byRoutes.set(routes.upstreams, index)
  }
  return index.get(name)
}
