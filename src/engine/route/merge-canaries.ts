/**
 * Canary Ingresses never get locations; ingress-nginx attaches each canary Service as an "alternative
 * backend" of the primary upstream serving the same host, path and path type (controller.go
 * mergeAlternativeBackends). The attachment is per upstream, so every location using that primary can send
 * traffic to the canary. A canary upstream that fails to attach for any of its paths is deleted.
 */
import { msg, type Message } from '../messages/message'
import { CATCH_ALL, DEFAULT_UPSTREAM, upstreamName, type DraftServer, type DraftUpstream, type Drafts } from './compile-servers'
import type { ServedIngress } from './select-ingresses'
import type { RouteIssue } from './types'
import type { FieldPath } from '../model/types'
import { ingressPathField } from './ingress-path-field'

function canMerge(primary: DraftUpstream, alternative: DraftUpstream): boolean {
  return primary.name !== alternative.name && primary.name !== DEFAULT_UPSTREAM && !primary.noServer
}

function merge(primary: DraftUpstream, alternative: DraftUpstream): boolean {
  if (!primary.alternatives.includes(alternative.name)) primary.alternatives.push(alternative.name)
  return true
}

/** Tries every location of `server`; returns whether the canary merged, and whether it is itself a primary there. */
function mergeInto(
  server: DraftServer,
  upstreams: Map<string, DraftUpstream>,
  alternative: DraftUpstream,
  matches: (path: string, pathType: string) => boolean,
): { merged: boolean; equalsPrimary: boolean } {
  let merged = false
  for (const loc of server.locations) {
    const primary = upstreams.get(loc.upstream)
    if (!primary) continue
    if (primary.name === alternative.name) return { merged, equalsPrimary: true }
    if (canMerge(primary, alternative) && matches(loc.path, loc.pathType)) merged = merge(primary, alternative)
  }
  return { merged, equalsPrimary: false }
}

/** Merges the canary Ingresses of `served` into `drafts` (only when some non-canary Ingress exists). */
export function mergeCanaries(served: readonly ServedIngress[], drafts: Drafts, issues: RouteIssue[]): void {
  if (served.every((entry) => entry.annotations.canary !== null)) {
    for (const entry of served) {
      issues.push({
        code: 'canary-without-primary',
        severity: 'warning',
        text: msg('canary-all-canaries'),
        source: entry.ingress.source,
        at: ['metadata', 'annotations'],
      })
    }
    return
  }
  const { upstreams, servers } = drafts
  const drop = (entry: ServedIngress, alternative: DraftUpstream, at: FieldPath, why: Message): void => {
    upstreams.delete(alternative.name)
    issues.push({
      code: 'canary-without-primary',
      severity: 'warning',
      text: msg('canary-upstream-deleted', { why, upstream: alternative.name }),
      source: entry.ingress.source,
      at,
    })
  }
  for (const entry of served) {
    if (!entry.annotations.canary) continue
    const { ingress } = entry
    const fallback = ingress.defaultBackend
    if (fallback?.type === 'service') {
      const port = 'number' in fallback.port ? fallback.port.number : fallback.port.name
      const alternative = upstreams.get(upstreamName(ingress.meta.namespace, fallback.service, port))
      if (alternative) {
        const result = mergeInto(servers.get(CATCH_ALL) as DraftServer, upstreams, alternative, () => true)
        if (!result.equalsPrimary && !result.merged) {
          drop(entry, alternative, ['spec', 'defaultBackend'], msg('canary-default-backend-unmatched'))
        }
      }
    }
    ingress.rules.forEach((rule, ruleIndex) => {
      const host = rule.host === '' ? CATCH_ALL : rule.host
      rule.paths.forEach((path, pathIndex) => {
        if (path.backend.type !== 'service') return
        const at = ingressPathField(ruleIndex, pathIndex)
        const port = 'number' in path.backend.port ? path.backend.port.number : path.backend.port.name
        const alternative = upstreams.get(upstreamName(ingress.meta.namespace, path.backend.service, port))
        if (!alternative) return
        const server = servers.get(host)
        if (!server) {
          issues.push({
            code: 'canary-without-primary',
            severity: 'warning',
            text: msg('canary-host-unserved', { host }),
            source: ingress.source,
            at,
          })
          return
        }
        const pathType = path.pathType === 'Exact' ? 'Exact' : 'Prefix'
        // Compared with the path as written: a canary path '' never matches the primary's '/'.
        const result = mergeInto(server, upstreams, alternative, (locPath, locType) => locPath === path.path && locType === pathType)
        if (!result.equalsPrimary && !result.merged) {
          drop(entry, alternative, at, msg('canary-path-unmatched', { host, path: path.path || "''", pathType }))
        }
      })
    })
  }
}
