/**
 * `compileRoutes`: the Ingresses of a cluster model compiled into the servers, locations and upstreams
 * ingress-nginx would render (docs/routing.md#model). Routing (`routeRequest`), the route table and the
 * nginx.conf renderer all read this one model.
 */
import { msg } from '../messages/message'
import type { ClusterModel } from '../model/types'
import { ANNOTATION_PREFIX } from './annotations'
import { backendWorld, CONTROLLER_DEFAULT_AVAILABILITY, readDefaultBackendAnnotation, serviceAvailability, type BackendWorld } from './backend-availability'
import { compileServers, type DraftUpstream } from './compile-servers'
import { resolveEnvironment, type EnvironmentOverrides } from './environment'
import { finishServer } from './expand-locations'
import { aliasConflictIssues, compileHostNames, withAliases } from './host-aliases'
import { legacyPathQuotingIssues } from './legacy-path-quoting'
import { mergeCanaries } from './merge-canaries'
import { selectIngresses, type ServedIngress } from './select-ingresses'
import { attachAffinity } from './session-affinity'
import { buildSpecView } from './spec-match'
import { strictPathIssues } from './strict-path'
import type { CompiledRoutes, CompiledUpstream, DefaultBackendAnnotation, RouteIssue } from './types'

function finishUpstream(draft: DraftUpstream, world: BackendWorld): CompiledUpstream {
  const canary = draft.ingress?.annotations.canary ?? null
  return {
    name: draft.name,
    backend: draft.backend,
    ingress: draft.ingress ? draft.ingress.ref : null,
    noServer: draft.noServer,
    canary: draft.noServer ? canary : null,
    alternatives: [...draft.alternatives],
    availability: draft.backend ? serviceAvailability(world, draft.backend) : CONTROLLER_DEFAULT_AVAILABILITY,
  }
}

/** nginx variables in a rewrite target are not modelled: the studio substitutes an empty string. */
function reportRewriteVariables(served: readonly ServedIngress[], issues: RouteIssue[]): void {
  for (const entry of served) {
    const target = entry.annotations.rewriteTarget
    const variable = /\$([A-Za-z_{][A-Za-z0-9_}]*)/.exec(target)
    if (!variable) continue
    issues.push({
      code: 'rewrite-variable',
      severity: 'warning',
      text: msg('rewrite-target-variable', { variable: `$${variable[1]}` }),
      source: entry.ingress.source,
      at: ['metadata', 'annotations', ANNOTATION_PREFIX + 'rewrite-target'],
    })
  }
}

/**
 * Compiles the Ingresses of `model` under the environment (defaults, the controller ConfigMap of the input,
 * then `overrides`). Never throws; problems are `issues` (convert them with `routeDiagnostics`).
 */
export function compileRoutes(model: ClusterModel, overrides: EnvironmentOverrides = {}): CompiledRoutes {
  // The lints and the route view both compile an analysis's model without overrides: once is enough (the
  // compiled routes are never changed after this returns).
  const plain = Object.values(overrides).every((value) => value === undefined)
  const cached = plain ? compiledPlain.get(model) : undefined
  if (cached) return cached
  const compiled = compile(model, overrides)
  if (plain) compiledPlain.set(model, compiled)
  return compiled
}

const compiledPlain = new WeakMap<ClusterModel, CompiledRoutes>()

function compile(model: ClusterModel, overrides: EnvironmentOverrides): CompiledRoutes {
  const issues: RouteIssue[] = []
  const { environment, problems } = resolveEnvironment(model, overrides)
  for (const problem of problems) {
    issues.push({
      code: 'controller-configmap',
      severity: 'warning',
      text: problem.text,
      source: problem.configMap.source,
      at: ['data', problem.key],
    })
  }
  const { served, statuses } = selectIngresses(model, environment, issues)
  reportRewriteVariables(served, issues)
  issues.push(...strictPathIssues(served, environment))
  const drafts = compileServers(served, issues)
  mergeCanaries(served, drafts, issues)
  const hostNames = compileHostNames(served, drafts, model, issues)
  const servers = [...drafts.servers.values()]
    .sort((a, b) => (a.hostname < b.hostname ? -1 : a.hostname > b.hostname ? 1 : 0))
    .map((draft) => finishServer(draft, issues))
    .map((server) => withAliases(server, hostNames))
  issues.push(...legacyPathQuotingIssues(servers))
  issues.push(...aliasConflictIssues({ servers, redirectServers: hostNames.redirects }))
  const world = backendWorld(model)
  const upstreams = attachAffinity(world, served, [...drafts.upstreams.values()]
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((draft) => finishUpstream(draft, world)), servers)
  const defaultBackendAnnotations: DefaultBackendAnnotation[] = []
  for (const entry of served) {
    const annotation = entry.annotations.canary ? null : readDefaultBackendAnnotation(world, entry.ingress, entry.ref)
    if (annotation) defaultBackendAnnotations.push(annotation)
  }
  return { environment, servers, upstreams, ingresses: statuses, issues, spec: buildSpecView(model, served), defaultBackendAnnotations, redirectServers: hostNames.redirects }
}
