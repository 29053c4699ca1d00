/**
 * What the Kubernetes Ingress spec says a request should match (docs/routing.md#spec-matching), used only to state
 * "the spec's answer" beside ingress-nginx's wherever they differ. Exact is full-string equality; Prefix (and
 * ImplementationSpecific, read as Prefix) compares `/`-separated elements; the longest path wins, Exact
 * before Prefix on a tie; exact hosts before wildcards before rules without a host.
 */
import { msg, type Message } from '../messages/message'
import type { ClusterModel, Ingress, IngressBackend } from '../model/types'
import type { ServedIngress } from './select-ingresses'
import type { IngressRef, SpecRule, SpecView } from './types'
import { ingressPathField } from './ingress-path-field'

export type SpecAnswer =
  | { readonly kind: 'path'; readonly rule: SpecRule }
  | { readonly kind: 'default-backend'; readonly ref: SpecView['defaultBackends'][number]['ref']; readonly backend: string }
  | { readonly kind: 'none' }

function elements(path: string): string[] {
  return path.split('/').filter((part) => part !== '')
}

/** Spec path matching of one rule path against a request path. */
export function specPathMatches(pathType: SpecRule['pathType'], rulePath: string, requestPath: string): boolean {
  const path = rulePath === '' ? '/' : rulePath
  if (pathType === 'Exact') return path === requestPath
  const want = elements(path)
  const have = elements(requestPath)
  if (want.length > have.length) return false
  return want.every((part, i) => part === have[i])
}

/** Spec host matching: 0 = exact, 1 = one-label wildcard, 2 = no host; -1 = no match. */
export function hostRank(ruleHost: string, host: string): number {
  if (ruleHost === '') return 2
  if (ruleHost === host) return 0
  if (ruleHost.startsWith('*.')) {
    const dot = host.indexOf('.')
    if (dot > 0 && host.slice(dot + 1) === ruleHost.slice(2)) return 1
  }
  return -1
}

/** `service:port` or `Kind name`. */
export function describeBackend(backend: IngressBackend | undefined): string {
  if (!backend) return 'nothing'
  if (backend.type === 'resource') return `${backend.resourceKind} ${backend.name}`
  return `${backend.service}:${'number' in backend.port ? backend.port.number : backend.port.name}`
}

/**
 * Every rule path and defaultBackend of `model`: the served non-canary Ingresses first (`served` is oldest
 * first), then canaries and Ingresses of other classes (for the route table; the spec's answer skips them).
 */
export function buildSpecView(model: ClusterModel, served: readonly ServedIngress[]): SpecView {
  const rules: SpecRule[] = []
  const defaultBackends: SpecView['defaultBackends'][number][] = []
  const add = (ingress: Ingress, ref: IngressRef, primary: boolean): void => {
    if (ingress.defaultBackend) defaultBackends.push({ ref, primary, backend: describeBackend(ingress.defaultBackend) })
    ingress.rules.forEach((rule, ruleIndex) => {
      rule.paths.forEach((path, pathIndex) => {
        rules.push({
          ref, primary, host: rule.host, path: path.path, pathType: path.pathType, backend: describeBackend(path.backend),
          at: ingressPathField(ruleIndex, pathIndex),
        })
      })
    })
  }
  const primaries = served.filter((entry) => !entry.annotations.canary)
  for (const entry of primaries) add(entry.ingress, entry.ref, true)
  const done = new Set(primaries.map((entry) => entry.ref.index))
  model.ingresses.forEach((ingress, index) => {
    if (!done.has(index)) add(ingress, { name: ingress.meta.name, namespace: ingress.meta.namespace, index, source: ingress.source }, false)
  })
  return { rules, defaultBackends }
}

/** Rules of one host key, by the first element of their path ('' for `/` and the empty path). */
type ByFirstElement = Map<string, SpecRule[]>

interface ViewIndex {
  readonly byHost: Map<string, ByFirstElement>
  readonly wildcards: Map<string, ByFirstElement>
  readonly hostless: ByFirstElement
}

const viewIndexes = new WeakMap<SpecView, ViewIndex>()

function firstElement(path: string): string {
  return elements(path)[0] ?? ''
}

function addRule(map: ByFirstElement, rule: SpecRule): void {
  const key = firstElement(rule.path)
  const list = map.get(key)
  if (list) list.push(rule)
  else map.set(key, [rule])
}

/**
 * The primary rules grouped by host (exact, wildcard parent, none) and by their path's first element: a
 * rule can only match a request whose first element is the same (or the rule is `/`), so a large host
 * costs a lookup, not a scan. Built once per view.
 */
function indexView(view: SpecView): ViewIndex {
  let index = viewIndexes.get(view)
  if (index) return index
  index = { byHost: new Map(), wildcards: new Map(), hostless: new Map() }
  for (const rule of view.rules) {
    if (!rule.primary) break
    if (rule.host === '') {
      addRule(index.hostless, rule)
      continue
    }
    const [map, key] = rule.host.startsWith('*.') ? [index.wildcards, rule.host.slice(2)] : [index.byHost, rule.host]
    let rules = map.get(key)
    if (!rules) map.set(key, (rules = new Map()))
    addRule(rules, rule)
  }
  viewIndexes.set(view, index)
  return index
}

/**
 * The spec's answer for `host` and `requestPath`. Without a matching rule, the oldest Ingress's
 * defaultBackend answers, else nothing (the controller's default).
 */
export function specRoute(view: SpecView, host: string, requestPath: string): SpecAnswer {
  const index = indexView(view)
  const dot = host.indexOf('.')
  const first = firstElement(requestPath)
  const groups = [index.byHost.get(host), dot > 0 ? index.wildcards.get(host.slice(dot + 1)) : undefined, index.hostless]
  let best: { rule: SpecRule; length: number; exact: boolean; hostRank: number } | null = null
  for (const group of groups) {
    for (const rules of [group?.get(first), first === '' ? undefined : group?.get('')]) {
      for (const rule of rules ?? []) {
        const rank = hostRank(rule.host, host)
        if (rank < 0 || !specPathMatches(rule.pathType, rule.path, requestPath)) continue
        const length = elements(rule.path).join('/').length
        const exact = rule.pathType === 'Exact'
        const better =
          !best ||
          length > best.length ||
          (length === best.length && exact && !best.exact) ||
          (length === best.length && exact === best.exact && rank < best.hostRank)
        if (better) best = { rule, length, exact, hostRank: rank }
      }
    }
  }
  if (best) return { kind: 'path', rule: best.rule }
  const fallback = view.defaultBackends[0]
  if (fallback?.primary) return { kind: 'default-backend', ref: fallback.ref, backend: fallback.backend }
  return { kind: 'none' }
}

/** The spec's answer as a phrase, e.g. `Prefix /foo on foo.com of Ingress default/a → s1:80`. */
export function describeSpecAnswer(answer: SpecAnswer): Message {
  if (answer.kind === 'none') return msg('trace-spec-none')
  if (answer.kind === 'default-backend') {
    return msg('trace-spec-default-backend', { ingress: `${answer.ref.namespace}/${answer.ref.name}`, backend: answer.backend })
  }
  const { rule } = answer
  return msg('trace-spec-rule', {
    pathType: rule.pathType, path: rule.path || '/', host: rule.host === '' ? msg('trace-spec-any-host') : rule.host,
    ingress: `${rule.ref.namespace}/${rule.ref.name}`, backend: rule.backend,
  })
}
