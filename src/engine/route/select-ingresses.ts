/**
 * Which Ingresses ingress-nginx serves (class selection) and in which order it processes them
 * (docs/routing.md#class-selection-and-order). Everything "first wins" in the compiler follows this order.
 */
import { msg, type Message } from '../messages/message'
import type { ClusterModel, Ingress } from '../model/types'
import { annotationRejections, readAnnotations, rejectionMessage, reportForeignAnnotations, type IngressAnnotations } from './annotations'
import type { AnnotationRejection } from './annotation-validation'
import type { RouteEnvironment } from './environment'
import { hostRank, specPathMatches } from './spec-match'
import type { CompiledRoutes, IngressRef, IngressStatus, RouteIssue, SpecRule } from './types'

/** The legacy class annotation, consulted only when `spec.ingressClassName` is absent. */
export const CLASS_ANNOTATION = 'kubernetes.io/ingress.class'

/** An Ingress the controller serves, with its parsed annotations. */
export interface ServedIngress {
  readonly ingress: Ingress
  readonly ref: IngressRef
  readonly annotations: IngressAnnotations
}

interface ClassInfo {
  readonly name: string
  readonly controller: string
  readonly isDefault: boolean
  readonly assumed: boolean
}

/** The IngressClasses in play: the input's, plus the assumed default `nginx` unless the input names it. */
function collectClasses(model: ClusterModel, env: RouteEnvironment): { byName: Map<string, ClassInfo>; defaults: ClassInfo[] } {
  const byName = new Map<string, ClassInfo>()
  for (const cls of model.ingressClasses) {
    if (!byName.has(cls.meta.name)) {
      byName.set(cls.meta.name, { name: cls.meta.name, controller: cls.controller, isDefault: cls.isDefault, assumed: false })
    }
  }
  const explicitDefaults = [...byName.values()].filter((cls) => cls.isDefault)
  if (env.assumeDefaultClass && !byName.has(env.ingressClass)) {
    // The assumed class is the cluster default only when the input declares no default of its own.
    byName.set(env.ingressClass, {
      name: env.ingressClass,
      controller: env.controllerClass,
      isDefault: explicitDefaults.length === 0,
      assumed: true,
    })
  }
  return { byName, defaults: [...byName.values()].filter((cls) => cls.isDefault) }
}

function decideClass(
  ingress: Ingress,
  env: RouteEnvironment,
  classes: { byName: Map<string, ClassInfo>; defaults: ClassInfo[] },
): { served: boolean; reason: Message } {
  const ours = (cls: ClassInfo): boolean => cls.controller === env.controllerClass
  const describe = (cls: ClassInfo): Message =>
    msg(cls.assumed ? 'ingress-class-assumed' : 'ingress-class-declared', { name: cls.name, controller: cls.controller })
  const controller = env.controllerClass
  if (ingress.ingressClassName !== undefined) {
    const cls = classes.byName.get(ingress.ingressClassName)
    if (!cls) return { served: false, reason: msg('class-name-unknown', { className: ingress.ingressClassName }) }
    return ours(cls)
      ? { served: true, reason: msg('class-name-selects', { ingressClass: describe(cls) }) }
      : { served: false, reason: msg('class-name-selects-other', { ingressClass: describe(cls), controller }) }
  }
  const annotation = ingress.meta.annotations[CLASS_ANNOTATION]
  if (annotation !== undefined) {
    const said = { annotation: CLASS_ANNOTATION, value: annotation, ingressClass: env.ingressClass }
    return annotation === env.ingressClass
      ? { served: true, reason: msg('class-annotation-matches', said) }
      : { served: false, reason: msg('class-annotation-other', said) }
  }
  if (classes.defaults.length > 1) return { served: false, reason: msg('class-default-ambiguous') }
  const fallback = classes.defaults[0]
  if (!fallback) return { served: false, reason: msg('class-default-missing') }
  return ours(fallback)
    ? { served: true, reason: msg('class-default-selects', { ingressClass: describe(fallback) }) }
    : { served: false, reason: msg('class-default-other', { ingressClass: describe(fallback), controller }) }
}

/** Milliseconds since the epoch, or null when absent or unreadable. */
function timestampOf(ingress: Ingress): number | null {
  const raw = ingress.meta.creationTimestamp
  if (raw === undefined) return null
  const ms = Date.parse(raw)
  return Number.isNaN(ms) ? null : ms
}

/** What ingress-nginx orders an Ingress by, read once per Ingress (a sort compares each many times). */
interface AgeKey {
  readonly time: number | null
  readonly name: string
  readonly order: number
}

function ageKey(ingress: Ingress): AgeKey {
  return { time: timestampOf(ingress), name: `${ingress.meta.namespace}/${ingress.meta.name}`, order: ingress.order }
}

/**
 * ingress-nginx's order (store.sortIngressSlice): creationTimestamp ascending, ties by `namespace/name`
 * descending. Ingresses without a timestamp come after those with one (they would be created when applied),
 * in document order among themselves.
 */
function compareAgeKeys(a: AgeKey, b: AgeKey): number {
  const ta = a.time
  const tb = b.time
  if (ta === null || tb === null) {
    if (ta !== null) return -1
    if (tb !== null) return 1
    return a.order - b.order
  }
  if (ta !== tb) return ta - tb
  return a.name === b.name ? a.order - b.order : a.name > b.name ? -1 : 1
}

/** `compareAgeKeys` of two Ingresses. */
export function compareIngressAge(a: Ingress, b: Ingress): number {
  return compareAgeKeys(ageKey(a), ageKey(b))
}

/** Class decision and order for every Ingress of `model`. */
export function selectIngresses(
  model: ClusterModel,
  env: RouteEnvironment,
  issues: RouteIssue[],
): { served: ServedIngress[]; statuses: IngressStatus[] } {
  const classes = collectClasses(model, env)
  const decided = model.ingresses.map((ingress, index) => {
    const ref: IngressRef = { name: ingress.meta.name, namespace: ingress.meta.namespace, index, source: ingress.source }
    const byClass = decideClass(ingress, env, classes)
    // The class decides first (CheckIngress ignores other classes); then annotations.go Extract may reject it.
    const rejections: AnnotationRejection[] = byClass.served ? annotationRejections(ingress, env) : []
    if (rejections.length === 0) return { ingress, ref, ...byClass, rejections }
    return { ingress, ref, served: false, reason: rejectionMessage(rejections[0] as AnnotationRejection, env), rejections }
  })
  const served = decided
    .filter((entry) => entry.served)
    .map((entry) => ({ entry, age: ageKey(entry.ingress) }))
    .sort((a, b) => compareAgeKeys(a.age, b.age))
    .map(({ entry }): ServedIngress => {
      reportForeignAnnotations(entry.ingress, issues)
      return { ingress: entry.ingress, ref: entry.ref, annotations: readAnnotations(entry.ingress, env, issues, model.configMaps) }
    })
  const rank = new Map(served.map((entry, position) => [entry.ref.index, position]))
  const statuses = decided.map((entry): IngressStatus => {
    const position = rank.get(entry.ref.index)
    const canary = position !== undefined && (served[position] as ServedIngress).annotations.canary !== null
    // A rejected Ingress is reported by the lint rule annotation-rejected, with its fixes.
    if (!entry.served && entry.rejections.length === 0) {
      issues.push({
        code: 'ingress-not-served',
        severity: 'info',
        text: msg('ingress-not-served', { reason: entry.reason }),
        source: entry.ingress.source,
        at: entry.ingress.ingressClassName !== undefined ? ['spec', 'ingressClassName'] : ['metadata'],
      })
    }
    const status: IngressStatus = { ref: entry.ref, served: entry.served, reason: entry.reason, canary, rank: position ?? -1 }
    return entry.rejections.length === 0 ? status : { ...status, rejections: entry.rejections }
  })
  return { served, statuses }
}

/**
 * The rules of Ingresses the controller rejected for their annotations that would match a request for `host`
 * and `path` by the spec's matching (`spec-match.ts`), so the trace can say why they did not answer.
 */
export function rejectedRulesFor(compiled: CompiledRoutes, host: string, path: string): { readonly rule: SpecRule; readonly reason: Message }[] {
  const rejected = new Map<number, Message>()
  for (const status of compiled.ingresses) if (status.rejections && status.rejections.length > 0) rejected.set(status.ref.index, status.reason)
  if (rejected.size === 0) return []
  const out: { rule: SpecRule; reason: Message }[] = []
  for (const rule of compiled.spec.rules) {
    const reason = rejected.get(rule.ref.index)
    if (reason === undefined) continue
    if (hostRank(rule.host, host) >= 0 && specPathMatches(rule.pathType, rule.path, path)) out.push({ rule, reason })
  }
  return out
}
