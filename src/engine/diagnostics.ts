/**
 * Problems are data. Every stage of the engine returns `Diagnostic`s instead of throwing, each with a code
 * from the closed union below, a severity and the exact source range it concerns.
 */

import type { Message } from './messages/message'

/**
 * The codes of each stage, as lists so a code's stage is read off them (`stageOf`) rather than written twice.
 * A code belongs to the stage whose judgement it is: `source` and `model` speak for kubectl and the API
 * server (what they would refuse, or only warn about), `route` for ingress-nginx (its rendering and its
 * admission webhook), `lint` for the studio's own rules. Append a new code to its stage's list.
 */

/** Codes of problems in the text itself (source stage): kubectl cannot read the manifest. */
export const SOURCE_CODES = [
  'yaml-syntax',
  'yaml-duplicate-key',
  'yaml-tab-indent',
  'yaml-alias-limit',
  'yaml-bad-alias',
  'yaml-too-deep',
  'yaml-warning',
  'input-too-large',
  'input-binary',
  'json-syntax',
  'diagnostics-truncated',
] as const

/** Codes of what the API server would report (model stage): its validation errors and its warnings. */
export const MODEL_CODES = [
  'not-an-object',
  'missing-api-version',
  'missing-kind',
  'unknown-kind',
  'unknown-api-version',
  'deprecated-api-version',
  'removed-api-version',
  'wrong-type',
  'required',
  'invalid-name',
  'invalid-label',
  'invalid-host',
  'invalid-path',
  'invalid-path-type',
  'invalid-port',
  'invalid-backend',
  'invalid-value',
  'invalid-int-or-percent',
  'selector-mismatch',
  'strategy-conflict',
  'surge-and-unavailable-zero',
  'duplicate-object',
  'unknown-field',
  'object-left-out',
] as const

/**
 * Codes of routing findings (route stage: what ingress-nginx makes of the Ingresses, including what its
 * admission webhook refuses, e.g. `nginx-strict-path`; the API server accepts all of them).
 */
export const ROUTE_CODES = [
  'route-conflict',
  'canary-without-primary',
  'ingress-not-served',
  'invalid-annotation',
  'regex-unsupported',
  'regex-enforced',
  'default-backend-scope',
  'resource-backend',
  'foreign-annotation',
  'rewrite-variable',
  'controller-configmap',
  'nginx-strict-path',
  'nginx-conf-injection',
  'server-alias-ignored',
  'server-name-invalid',
  'www-redirect-skipped',
  // Gateway API status (gateway/compile-gateways.ts): what a conformant controller writes as conditions.
  'gateway-class-missing',
  'gateway-parameters-not-found',
  'gateway-listener-invalid',
  'gateway-listener-ref-not-resolved',
  'gateway-route-not-accepted',
  'gateway-route-ref-not-resolved',
] as const

/** Codes of lint rules (checks stage: what the whole graph says about probes, references, TLS and rollouts). */
export const LINT_CODES = [
  'readiness-probe-missing',
  'liveness-same-as-readiness',
  'probe-port-not-exposed',
  'service-selects-nothing',
  'service-target-port-missing',
  'ingress-service-missing',
  'ingress-service-port-missing',
  'tls-host-not-in-rules',
  'wildcard-host-apex',
  'rewrite-without-capture',
  'catastrophic-regex',
  'prestop-missing',
  'grace-shorter-than-prestop',
  'rollout-zero-capacity',
  'rollout-capacity-dip',
  'recreate-behind-ingress',
  'readiness-too-slow',
  'liveness-without-startup',
  'tls-secret-missing',
  'tls-secret-invalid',
  'tls-host-not-covered',
  'tls-cert-expired',
  'tls-cert-expiring',
  'tls-key-mismatch',
  'www-redirect-certificate',
  'affinity-cookie-path',
  'affinity-cookie-name',
  'annotation-rejected',
] as const

export type SourceCode = (typeof SOURCE_CODES)[number]
export type ModelCode = (typeof MODEL_CODES)[number]
export type RouteCode = (typeof ROUTE_CODES)[number]
export type LintCode = (typeof LINT_CODES)[number]
export type DiagnosticCode = SourceCode | ModelCode | RouteCode | LintCode

/** The stage whose judgement a diagnostic is (see the code lists above). */
export type DiagnosticStage = 'source' | 'model' | 'route' | 'lint'

const CODES_OF_STAGE: Readonly<Record<DiagnosticStage, readonly DiagnosticCode[]>> = {
  source: SOURCE_CODES,
  model: MODEL_CODES,
  route: ROUTE_CODES,
  lint: LINT_CODES,
}

const STAGE_OF_CODE: ReadonlyMap<DiagnosticCode, DiagnosticStage> = new Map(
  Object.entries(CODES_OF_STAGE).flatMap(([stage, codes]) => codes.map((code) => [code, stage as DiagnosticStage] as const)),
)

/** The stage a code belongs to. */
export function stageOf(code: DiagnosticCode): DiagnosticStage {
  return STAGE_OF_CODE.get(code) as DiagnosticStage
}

export type Severity = 'error' | 'warning' | 'info'

/** A half-open range of UTF-16 offsets into one file's text. */
export interface Span {
  readonly start: number
  readonly end: number
}

/** `span` moved `shift` code units on (itself when `shift` is 0): a kept document's span where it stands now. */
export function shiftSpan(span: Span, shift: number): Span {
  return shift === 0 ? span : { start: span.start + shift, end: span.end + shift }
}

/** A position for people: 1-based line and column (column counts UTF-16 code units, as Monaco does). */
export interface LineCol {
  readonly line: number
  readonly column: number
}

export interface Diagnostic {
  readonly code: DiagnosticCode
  /** `stageOf(code)`, carried so consumers need not look it up (`isRejectedInput`). */
  readonly stage: DiagnosticStage
  readonly severity: Severity
  /** What to say: a catalog id and its parameters, rendered in the reader's language by each view (docs/i18n.md). */
  readonly text: Message
  /** `text` in English (`formatMessage`): one sentence a person can act on, no position in it (the range carries that). */
  readonly message: string
  /** The file the problem is in (the UI has one, `manifest.yaml`; the CLI has one per argument). */
  readonly file: string
  readonly span: Span
  readonly start: LineCol
  readonly end: LineCol
}

/**
 * Whether the input is one kubectl and the API server would refuse: an error of the source or model stage.
 * This is what "invalid input" means everywhere (the CLI's exit 2, the studio's refusals); routing findings
 * and lint findings, errors included, describe an accepted manifest and never stop routing or simulating.
 */
export function isRejectedInput(diagnostic: Pick<Diagnostic, 'stage' | 'severity'>): boolean {
  return diagnostic.severity === 'error' && (diagnostic.stage === 'source' || diagnostic.stage === 'model')
}

const severityRank: Record<Severity, number> = { error: 0, warning: 1, info: 2 }

/** Orders diagnostics by file, then position, then severity, so lists and CLI output are stable. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1
  return a.span.start - b.span.start || severityRank[a.severity] - severityRank[b.severity] || a.span.end - b.span.end
}
