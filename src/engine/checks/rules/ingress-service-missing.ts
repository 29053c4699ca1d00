/**
 * `ingress-service-missing`: an Ingress backend, or its default-backend annotation, names a Service the manifests
 * do not contain. The rule and the answer are routing's own (route/backend-availability.ts,
 * docs/routing.md#assumptions): checked only when the manifests contain Services at all (an Ingress pasted alone
 * is not flagged, and routing then assumes every Service); a missing backend Service gets 503 — or the
 * default-backend annotation's Service — and a missing annotation Service makes ingress-nginx drop the annotation.
 */
import { msg, type Message } from '../../messages/message'
import type { Fix } from '../../fix/types'
import type { Ingress } from '../../model/types'
import { backendWorld, DEFAULT_BACKEND_ANNOTATION, defaultBackendValue, isServiceName, noEndpointsPhrase, readDefaultBackendAnnotation, serviceAvailability, type BackendWorld } from '../../route/backend-availability'
import type { Finding, LintRule } from '../types'
import { buildNameIndex, type NameIndex } from './name-index'

/** Service names listed in the message at most; the rest are counted (a namespace may hold thousands). */
const NAMES_LISTED = 10

/** What ingress-nginx answers for a location of `ingress` whose Service has no endpoints (routing's words). */
export function answerFor(world: BackendWorld, ingress: Ingress): Message {
  const ref = { name: ingress.meta.name, namespace: ingress.meta.namespace, index: -1, source: ingress.source }
  return noEndpointsPhrase(readDefaultBackendAnnotation(world, ingress, ref))
}

export const ingressServiceMissing: LintRule = {
  id: 'ingress-service-missing',
  check({ model, index }) {
    if (!index.hasServices) return []
    const world = backendWorld(model)
    const findings: Finding[] = []
    // Per namespace, once: the names and their index (one per missing backend made the rule quadratic).
    const namespaces = new Map<string, { names: string[]; suggester: NameIndex }>()
    const known = (namespace: string): { names: string[]; suggester: NameIndex } => {
      let found = namespaces.get(namespace)
      if (!found) {
        const all = index.servicesIn(namespace).map((s) => s.meta.name)
        namespaces.set(namespace, (found = { names: all, suggester: buildNameIndex(all) }))
      }
      return found
    }
    const answers = new Map<Ingress, Message>()
    for (const { ingress, backend } of index.backends) {
      const namespace = ingress.meta.namespace
      const port = 'number' in backend.port ? backend.port.number : backend.port.name
      if (serviceAvailability(world, { namespace, service: backend.service, port }).reason !== 'service-missing') continue
      const { names, suggester } = known(namespace)
      let answer = answers.get(ingress)
      if (!answer) answers.set(ingress, (answer = answerFor(world, ingress)))
      const said = { service: backend.service, namespace, answer }
      const close = suggester.closest(backend.service)
      const nameField = ingress.apiVersion === 'networking.k8s.io/v1' ? ['service', 'name'] : ['serviceName']
      const fixes: Fix[] = close ? [{ title: msg('fix-use-service', { service: close }), ops: [{ op: 'set', path: [...backend.at, ...nameField], value: close }] }] : []
      findings.push({
        code: 'ingress-service-missing',
        source: ingress.source,
        at: [...backend.at, ...nameField],
        text: close
          ? msg('backend-lint-service-missing-suggest', { ...said, suggestion: close })
          : names.length > 0 ? msg('backend-lint-service-missing-list', { ...said, names: listNames(names) }) : msg('backend-lint-service-missing', said),
        fixes,
      })
    }
    for (const ingress of model.ingresses) {
      const value = defaultBackendValue(ingress)
      if (value === null || !isServiceName(value) || index.service(ingress.meta.namespace, value)) continue
      const close = known(ingress.meta.namespace).suggester.closest(value)
      const at = ['metadata', 'annotations', DEFAULT_BACKEND_ANNOTATION]
      const said = { service: value, namespace: ingress.meta.namespace }
      findings.push({
        code: 'ingress-service-missing',
        source: ingress.source,
        at,
        text: close ? msg('backend-lint-annotation-missing-suggest', { ...said, suggestion: close }) : msg('backend-lint-annotation-missing', said),
        fixes: close ? [{ title: msg('fix-use-service', { service: close }), ops: [{ op: 'set', path: at, value: close }] }] : [],
      })
    }
    return findings
  },
}

function listNames(names: readonly string[]): string | Message {
  if (names.length <= NAMES_LISTED) return names.join(', ')
  return msg('lint-names-and-more', { names: names.slice(0, NAMES_LISTED).join(', '), more: (names.length - NAMES_LISTED).toLocaleString('en-US') })
}
