/**
 * Routing findings as `Diagnostic`s: each `RouteIssue` names an object and a field path; the analysis's
 * `Locator` turns that into a range with line and column.
 */
import type { Diagnostic } from '../diagnostics'
import type { Locator } from '../source/locate'
import type { CompiledRoutes } from './types'

/** Every issue of `compiled` as a diagnostic located with `locate` (the Locator of the same analysis). */
export function routeDiagnostics(compiled: CompiledRoutes, locate: Locator): Diagnostic[] {
  return compiled.issues.map((issue) => locate.diagnose(issue.source, issue.at, issue.code, issue.severity, issue.text))
}
