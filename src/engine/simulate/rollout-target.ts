/**
 * Where the attacker aims: the Service that selects the Deployment's pods and an Ingress rule that routes to it,
 * giving the URL vegeta would be pointed at (it appears in vegeta's transport error strings).
 */
import type { ClusterModel, Deployment, Ingress, Service } from '../model/types'

export interface RolloutTarget {
  readonly url: string
  readonly service?: Service
  readonly ingress?: Ingress
}

function selects(service: Service, d: Deployment): boolean {
  const selector = service.selector
  if (!selector || Object.keys(selector).length === 0 || service.meta.namespace !== d.meta.namespace) return false
  return Object.entries(selector).every(([k, v]) => d.template.labels[k] === v)
}

/** The first Service selecting `d`'s pods, an Ingress routing to it, and the URL (`http://host/path`). */
export function findRolloutTarget(model: ClusterModel, d: Deployment): RolloutTarget {
  const service = model.services.find((s) => selects(s, d))
  if (!service) return { url: `http://${d.meta.name}/` }
  for (const ingress of model.ingresses) {
    if (ingress.meta.namespace !== service.meta.namespace) continue
    for (const rule of ingress.rules) {
      for (const path of rule.paths) {
        if (path.backend.type === 'service' && path.backend.service === service.meta.name) {
          const p = path.path === '' ? '/' : path.path
          return { url: `http://${rule.host === '' ? 'localhost' : rule.host}${p}`, service, ingress }
        }
      }
    }
    const def = ingress.defaultBackend
    if (def?.type === 'service' && def.service === service.meta.name) return { url: 'http://localhost/', service, ingress }
  }
  const port = service.ports[0]?.port ?? 80
  return { url: `http://${service.meta.name}.${service.meta.namespace}.svc.cluster.local${port === 80 ? '' : `:${port}`}/`, service }
}

/** The container port a Service sends to (its first port's targetPort). */
export function targetPortOf(target: RolloutTarget): number | string | undefined {
  return target.service?.ports[0]?.targetPort
}
