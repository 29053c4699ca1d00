/**
 * `ingress-service-missing`: an Ingress backend names a Service the manifests do not contain. Checked only when
 * the manifests contain Services at all (an Ingress pasted alone is not flagged). Routing in the studio still
 * assumes the Service exists; this lint is where the gap shows.
 */
import { msg, type Message } from '../../messages/message'
import type { Fix } from '../../fix/types'
import type { Finding, LintRule } from '../types'
import { buildNameIndex, type NameIndex } from './name-index'

/** Service names listed in the message at most; the rest are counted (a namespace may hold thousands). */
const NAMES_LISTED = 10

export const ingressServiceMissing: LintRule = {
  id: 'ingress-service-missing',
  check({ index }) {
    if (!index.hasServices) return []
    const findings: Finding[] = []
    // Per namespace, once: the names and their index (one per missing backend made the rule quadratic).
    const namespaces = new Map<string, { names: string[]; suggester: NameIndex }>()
    for (const { ingress, backend } of index.backends) {
      const namespace = ingress.meta.namespace
      if (index.service(namespace, backend.service)) continue
      let known = namespaces.get(namespace)
      if (!known) {
        const all = index.servicesIn(namespace).map((s) => s.meta.name)
        namespaces.set(namespace, (known = { names: all, suggester: buildNameIndex(all) }))
      }
      const { names, suggester } = known
      const said = { service: backend.service, namespace }
      const close = suggester.closest(backend.service)
      const nameField = ingress.apiVersion === 'networking.k8s.io/v1' ? ['service', 'name'] : ['serviceName']
      const fixes: Fix[] = close ? [{ title: msg('fix-use-service', { service: close }), ops: [{ op: 'set', path: [...backend.at, ...nameField], value: close }] }] : []
      findings.push({
        code: 'ingress-service-missing',
        source: ingress.source,
        at: [...backend.at, ...nameField],
        text: close
          ? msg('ingress-service-missing-suggest', { ...said, suggestion: close })
          : names.length > 0 ? msg('ingress-service-missing-list', { ...said, names: listNames(names) }) : msg('ingress-service-missing', said),
        fixes,
      })
    }
    return findings
  },
}

function listNames(names: readonly string[]): string | Message {
  if (names.length <= NAMES_LISTED) return names.join(', ')
  return msg('lint-names-and-more', { names: names.slice(0, NAMES_LISTED).join(', '), more: (names.length - NAMES_LISTED).toLocaleString('en-US') })
}
