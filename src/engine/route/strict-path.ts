/**
 * ingress-nginx's path validation (docs/routing.md#ingress-nginx-path-validation): with the ConfigMap key
 * `strict-validate-path-type` on (the default since controller v1.12.0; v1.8–v1.11 default off), the admission
 * webhook rejects an Ingress whose `Exact` or `Prefix` path is not `^/[[:alnum:]._\-/]*$` (Go regexp, ASCII,
 * case-insensitive). Source: `ValidatePathType` in internal/ingress/inspector/inspector.go, the `validPathType`
 * regexp in internal/ingress/inspector/rules.go, `CheckIngress` in internal/ingress/controller/controller.go.
 * The webhook may be off, and the controller serves such a path anyway, so the finding is a warning and routing
 * goes on.
 */
import { msg } from '../messages/message'
import type { RouteEnvironment } from './environment'
import type { ServedIngress } from './select-ingresses'
import type { RouteIssue } from './types'

const VALID_PATH = /^\/[A-Za-z0-9._/-]*$/

/** True when the webhook's strict validation accepts `path` as an Exact or Prefix path. */
export function passesNginxStrictPath(path: string): boolean {
  return VALID_PATH.test(path)
}

/** The `nginx-strict-path` findings: one per Exact or Prefix path of a served Ingress the webhook would reject. */
export function strictPathIssues(served: readonly ServedIngress[], environment: RouteEnvironment): RouteIssue[] {
  if (!environment.strictValidatePathType) return []
  const issues: RouteIssue[] = []
  for (const { ingress } of served) {
    for (const rule of ingress.rules) {
      for (const path of rule.paths) {
        // An empty path is skipped by the webhook; one without a leading '/' is the API server's error already.
        if (path.pathType === 'ImplementationSpecific' || !path.path.startsWith('/') || passesNginxStrictPath(path.path)) continue
        issues.push({
          code: 'nginx-strict-path',
          severity: 'warning',
          text: msg('strict-path-rejected', { pathType: path.pathType, path: JSON.stringify(path.path) }),
          source: ingress.source,
          at: [...path.at, 'path'],
        })
      }
    }
  }
  return issues
}
