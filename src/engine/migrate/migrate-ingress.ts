/**
 * extensions/v1beta1 and networking.k8s.io/v1beta1 Ingress → networking.k8s.io/v1, so that ingress-nginx routes
 * exactly as before (docs/routing.md#ingress-versions-and-validation, docs/routing.md#class-selection-and-order):
 * - backends `serviceName`/`servicePort` → `service.name` + `service.port.number|name`; `spec.backend` →
 *   `spec.defaultBackend`.
 * - pathType, which v1 requires, is written where it was left to the default (ImplementationSpecific). ingress-nginx
 *   treats ImplementationSpecific as Prefix, so a plain path gets `Prefix` (the same routing, and its meaning is
 *   now explicit); a path that is not a valid Prefix path under ingress-nginx's strict path validation (regex
 *   characters, `//`, …), an empty path, and every path of an Ingress with use-regex or rewrite-target (whose paths
 *   are regexes) keep the old default written out as `ImplementationSpecific`.
 * - `kubernetes.io/ingress.class: X` → `spec.ingressClassName: X` (the API server rejects both together) when the
 *   two select the same controller in the studio's environment (X is `nginx` and the class `nginx` belongs to
 *   ingress-nginx, or X names no ingress-nginx class either way); otherwise the annotation stays, with a note.
 */
import { msg, type Message } from '../messages/message'
import type { FixOp, YamlValue } from '../fix/types'
import type { ClusterModel, FieldPath, Ingress, IngressBackend } from '../model/types'
import { checkIngressPath } from '../model/validate-ingress'
import { passesNginxStrictPath } from '../route/strict-path'
import { checkDns1123Subdomain } from '../model/validate-names'
import type { ObjectMigration } from './types'

const CLASS_ANNOTATION = 'kubernetes.io/ingress.class'
const REGEX_ANNOTATIONS = ['nginx.ingress.kubernetes.io/use-regex', 'nginx.ingress.kubernetes.io/rewrite-target']
/** The studio's controller (route/environment.ts DEFAULT_ENVIRONMENT): --ingress-class and --controller-class. */
const INGRESS_CLASS = 'nginx'
const CONTROLLER = 'k8s.io/ingress-nginx'

export const OLD_INGRESS_VERSIONS = ['extensions/v1beta1', 'networking.k8s.io/v1beta1']

function backendValue(backend: IngressBackend): YamlValue | null {
  if (backend.type !== 'service') return null
  const port: YamlValue = 'number' in backend.port ? { number: backend.port.number } : { name: backend.port.name }
  return { service: { name: backend.service, port } }
}

/** The pathType that routes a defaulted path exactly as before. */
export function explicitPathType(path: string, regexIngress: boolean): 'Prefix' | 'ImplementationSpecific' {
  if (regexIngress || path === '' || !passesNginxStrictPath(path)) return 'ImplementationSpecific'
  return checkIngressPath(path, 'Prefix').length === 0 ? 'Prefix' : 'ImplementationSpecific'
}

/** Whether ingressClassName X serves the Ingress exactly when annotation X did, given the input's classes. */
function classEquivalent(model: ClusterModel, name: string): boolean {
  const declared = model.ingressClasses.find((cls) => cls.meta.name === name)
  const controller = declared ? declared.controller : name === INGRESS_CLASS ? CONTROLLER : null
  const servedBefore = name === INGRESS_CLASS
  const servedAfter = controller === CONTROLLER
  return servedBefore === servedAfter
}

function migrateClass(model: ClusterModel, ingress: Ingress, ops: FixOp[], notes: Message[]): void {
  const annotations = ingress.meta.annotations
  const value = annotations[CLASS_ANNOTATION]
  if (value === undefined || ingress.ingressClassName !== undefined) return
  if (checkDns1123Subdomain(value) !== undefined) {
    notes.push(msg('migrate-class-kept-invalid', { annotation: CLASS_ANNOTATION, value }))
    return
  }
  if (!classEquivalent(model, value)) {
    notes.push(msg('migrate-class-kept-controller', { annotation: CLASS_ANNOTATION, value }))
    return
  }
  ops.push({ op: 'set', path: ['spec', 'ingressClassName'], value })
  const only = Object.keys(annotations).length === 1
  ops.push({ op: 'delete', path: only ? ['metadata', 'annotations'] : ['metadata', 'annotations', CLASS_ANNOTATION] })
  notes.push(msg('migrate-class-moved', { annotation: CLASS_ANNOTATION, value }))
}

/** The operations that migrate `ingress`, or null when it is not an old version. */
export function migrateIngress(model: ClusterModel, ingress: Ingress): ObjectMigration | null {
  if (!OLD_INGRESS_VERSIONS.includes(ingress.apiVersion)) return null
  const ops: FixOp[] = [{ op: 'set', path: ['apiVersion'], value: 'networking.k8s.io/v1' }]
  const notes: Message[] = [msg('migrate-api-version', { from: ingress.apiVersion, to: 'networking.k8s.io/v1' })]
  const regexIngress = REGEX_ANNOTATIONS.some((key) => key in ingress.meta.annotations)
  const rewrite = (at: FieldPath, backend: IngressBackend): void => {
    const value = backendValue(backend)
    if (value) ops.push({ op: 'set', path: at, value })
  }
  const fallback = ingress.defaultBackend
  if (fallback) {
    rewrite(fallback.at, fallback)
    if (fallback.at[fallback.at.length - 1] === 'backend') {
      ops.push({ op: 'rename', path: fallback.at, to: 'defaultBackend' })
      notes.push(msg('migrate-default-backend'))
    }
  }
  let backends = 0
  const chosen = new Map<string, number>()
  for (const rule of ingress.rules) {
    for (const path of rule.paths) {
      rewrite(path.backend.at, path.backend)
      backends++
      if (!path.pathTypeDefaulted) continue
      const type = explicitPathType(path.path, regexIngress)
      ops.push({ op: 'set', path: [...path.at, 'pathType'], value: type })
      chosen.set(type, (chosen.get(type) ?? 0) + 1)
    }
  }
  if (backends > 0) notes.push(msg('migrate-backends', { count: backends }))
  for (const [type, count] of chosen) {
    notes.push(msg('migrate-path-type', { pathType: type, count }))
  }
  migrateClass(model, ingress, ops, notes)
  return { source: ingress.source, ops, notes }
}
