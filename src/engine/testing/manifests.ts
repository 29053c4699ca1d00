/**
 * Fixture builders: manifest YAML text for each kind the engine models, with options for what tests and
 * benches vary. Each returns one document (no `---`), ending in a newline; `joinDocuments` makes a manifest.
 * Only what is asked for is written, so the model stage applies the API defaults, never a copy of them.
 * Pure: used by unit tests, e2e specs and benches (the browser ones too).
 */
import { deploymentYaml } from './deployment-yaml'
import { serviceYaml } from './service-yaml'
import { joinDocuments } from './yaml-text'

export * from './config-yaml'
export * from './deployment-yaml'
export * from './ingress-yaml'
export * from './service-yaml'
export { joinDocuments } from './yaml-text'

/** A Deployment and a Service selecting it, both named `name` (Service port `port` → container port 8080). */
export function backendYaml(name: string, replicas = 2, port = 80): string {
  return joinDocuments(serviceYaml(name, { ports: [{ port, targetPort: 8080 }] }), deploymentYaml(name, { replicas }))
}
