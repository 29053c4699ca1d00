/**
 * The checks stage: the lint rules over the cluster model, plus the routing findings of `compileRoutes`
 * (duplicate paths, canaries, regex promotion, foreign annotations, …) and the Gateway API status conditions of
 * `compileGateways` (routes not accepted, references not resolved, …), located at their fields, filtered and
 * re-graded by the user's rule settings. Each diagnostic keeps its fixes beside it (engine-side), so a quick-fix
 * request can find them by code and range.
 */
import type { Diagnostic } from '../diagnostics'
import type { BoundFix } from '../fix/types'
import type { ClusterModel, FieldPath } from '../model/types'
import { compileGateways } from '../gateway/compile-gateways'
import { compileRoutes } from '../route/compile-routes'
import type { CompiledRoutes } from '../route/types'
import type { Locator } from '../source/locate'
import { buildCertificateReports, type CertificateReport } from '../tls/certificate-reports'
import { buildClusterIndex } from './cluster-index'
import { createHas } from './field-exists'
import { LINT_RULES } from './registry'
import { ruleInfo } from './rule-catalog'
import { effectiveSeverity, type RuleSettings } from './rule-settings'
import type { CheckContext } from './types'

export interface CheckOptions {
  /** False: no lints and no routing findings (the source and model stages only). Default: true. */
  readonly checks?: boolean
  /** Per-rule on/off and severity. Default: every rule on at its own severity. */
  readonly rules?: RuleSettings
  /** The caller's clock, ms since the epoch, for certificate expiry. Default: none (expiry is not checked). */
  readonly now?: number
}

export interface CheckedDiagnostic {
  readonly diagnostic: Diagnostic
  readonly fixes: readonly BoundFix[]
}

export interface CheckResult {
  readonly checked: readonly CheckedDiagnostic[]
  readonly certificates: readonly CertificateReport[]
}

/** Runs every enabled rule on `model` and locates the findings with `locate` (the Locator of the same analysis). */
export function runChecks(model: ClusterModel, locate: Locator, options: CheckOptions = {}): CheckResult {
  if (options.checks === false) return { checked: [], certificates: buildCertificateReports(model, options.now) }
  const has = createHas(locate)
  const certificates = buildCertificateReports(model, options.now)
  let routes: CompiledRoutes | undefined
  const context: CheckContext = {
    model,
    index: buildClusterIndex(model),
    now: options.now,
    certificates,
    routes: () => (routes ??= compileRoutes(model)),
    has,
    pick: (source, ...paths) => paths.find((path) => has(source, path)) ?? (paths[paths.length - 1] as FieldPath),
  }
  const checked: CheckedDiagnostic[] = []
  for (const rule of LINT_RULES) {
    const info = ruleInfo(rule.id)
    if (effectiveSeverity(options.rules, rule.id, 'info') === null) continue
    for (const finding of rule.check(context)) {
      const severity = effectiveSeverity(options.rules, rule.id, finding.severity ?? info?.severity ?? 'warning') ?? 'warning'
      checked.push({
        diagnostic: locate.diagnose(finding.source, finding.at, finding.code, severity, finding.text, finding.part),
        fixes: (finding.fixes ?? []).map((fix) => ({ ...fix, source: finding.source })),
      })
    }
  }
  // The ingress router's findings and the Gateway API status conditions, graded as configurable rules.
  for (const issue of [...context.routes().issues, ...compileGateways(model).issues]) {
    const severity = effectiveSeverity(options.rules, issue.code, issue.severity)
    if (severity === null) continue
    checked.push({ diagnostic: locate.diagnose(issue.source, issue.at, issue.code, severity, issue.text), fixes: (issue.fixes ?? []).map((fix) => ({ ...fix, source: issue.source })) })
  }
  return { checked, certificates }
}
