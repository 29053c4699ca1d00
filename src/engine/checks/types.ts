/**
 * The shape of a lint rule: a function from the cluster (with its relations indexed) to findings. Findings
 * name an object and a field path; `runChecks` locates them, applies the user's rule settings and keeps the
 * fixes beside the diagnostics.
 */
import type { Message } from '../messages/message'
import type { LintCode, Severity } from '../diagnostics'
import type { Fix } from '../fix/types'
import type { ClusterModel, FieldPath, SourceRef } from '../model/types'
import type { LocatePart } from '../source/locate'
import type { CertificateReport } from '../tls/certificate-reports'
import type { ClusterIndex } from './cluster-index'
import type { CompiledRoutes } from '../route/types'

export interface Finding {
  readonly code: LintCode
  readonly source: SourceRef
  /** The field the problem is about (relative to the object's root); the marker goes there. */
  readonly at: FieldPath
  readonly part?: LocatePart
  /** One sentence: what is wrong and what to change (a catalog message, docs/i18n.md). */
  readonly text: Message
  /** This finding's severity when the user has not set the rule's (default: the catalog's); a user setting wins. */
  readonly severity?: Severity
  readonly fixes?: readonly Fix[]
}

export interface CheckContext {
  readonly model: ClusterModel
  readonly index: ClusterIndex
  /** The caller's clock (ms since the epoch); undefined when not given (time-based rules stay silent). */
  readonly now: number | undefined
  readonly certificates: readonly CertificateReport[]
  /** The router's compilation of the model (no overrides), compiled once for every rule and the route findings. */
  routes(): CompiledRoutes
  /** True when the field at `path` of the object is written in the manifest (not just defaulted). */
  has(source: SourceRef, path: FieldPath): boolean
  /** The first of `paths` written in the manifest (the last one when none is), to point a marker at. */
  pick(source: SourceRef, ...paths: FieldPath[]): FieldPath
}

export interface LintRule {
  readonly id: LintCode
  check(context: CheckContext): Finding[]
}
