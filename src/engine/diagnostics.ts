/**
 * Problems are data. Every stage of the engine returns `Diagnostic`s instead of throwing, each with a code
 * from the closed union below, a severity and the exact source range it concerns.
 */

/** Codes of problems in the text itself (source stage). */
export type SourceCode =
  | 'yaml-syntax'
  | 'yaml-duplicate-key'
  | 'yaml-tab-indent'
  | 'yaml-alias-limit'
  | 'yaml-bad-alias'
  | 'yaml-too-deep'
  | 'yaml-warning'
  | 'input-too-large'
  | 'input-binary'
  | 'json-syntax'
  | 'diagnostics-truncated'

/** Codes of problems the API server would report (model stage). */
export type ModelCode =
  | 'not-an-object'
  | 'missing-api-version'
  | 'missing-kind'
  | 'unknown-kind'
  | 'unknown-api-version'
  | 'deprecated-api-version'
  | 'removed-api-version'
  | 'wrong-type'
  | 'required'
  | 'invalid-name'
  | 'invalid-label'
  | 'invalid-host'
  | 'invalid-path'
  | 'invalid-path-type'
  | 'invalid-port'
  | 'invalid-backend'
  | 'invalid-value'
  | 'invalid-int-or-percent'
  | 'selector-mismatch'
  | 'strategy-conflict'
  | 'surge-and-unavailable-zero'
  | 'duplicate-object'
  | 'unknown-field'
  | 'nginx-strict-path'

/** Codes of routing findings (route stage: what ingress-nginx makes of the Ingresses). */
export type RouteCode =
  | 'route-conflict'
  | 'canary-without-primary'
  | 'ingress-not-served'
  | 'invalid-annotation'
  | 'regex-unsupported'
  | 'regex-enforced'
  | 'default-backend-scope'
  | 'resource-backend'
  | 'foreign-annotation'
  | 'rewrite-variable'
  | 'controller-configmap'

/** Codes of lint rules (checks stage: what the whole graph says about probes, references, TLS and rollouts). */
export type LintCode =
  | 'readiness-probe-missing'
  | 'liveness-same-as-readiness'
  | 'probe-port-not-exposed'
  | 'service-selects-nothing'
  | 'service-target-port-missing'
  | 'ingress-service-missing'
  | 'ingress-service-port-missing'
  | 'tls-host-not-in-rules'
  | 'wildcard-host-apex'
  | 'rewrite-without-capture'
  | 'prestop-missing'
  | 'grace-shorter-than-prestop'
  | 'rollout-zero-capacity'
  | 'rollout-capacity-dip'
  | 'recreate-behind-ingress'
  | 'readiness-too-slow'
  | 'liveness-without-startup'
  | 'tls-secret-missing'
  | 'tls-secret-invalid'
  | 'tls-host-not-covered'
  | 'tls-cert-expired'
  | 'tls-cert-expiring'
  | 'tls-key-mismatch'

export type DiagnosticCode = SourceCode | ModelCode | RouteCode | LintCode

export type Severity = 'error' | 'warning' | 'info'

/** A half-open range of UTF-16 offsets into one file's text. */
export interface Span {
  readonly start: number
  readonly end: number
}

/** A position for people: 1-based line and column (column counts UTF-16 code units, as Monaco does). */
export interface LineCol {
  readonly line: number
  readonly column: number
}

export interface Diagnostic {
  readonly code: DiagnosticCode
  readonly severity: Severity
  /** One sentence a person can act on; no position in it (the range carries that). */
  readonly message: string
  /** The file the problem is in (the UI has one, `manifest.yaml`; the CLI has one per argument). */
  readonly file: string
  readonly span: Span
  readonly start: LineCol
  readonly end: LineCol
}

const severityRank: Record<Severity, number> = { error: 0, warning: 1, info: 2 }

/** Orders diagnostics by file, then position, then severity, so lists and CLI output are stable. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1
  return a.span.start - b.span.start || severityRank[a.severity] - severityRank[b.severity] || a.span.end - b.span.end
}
