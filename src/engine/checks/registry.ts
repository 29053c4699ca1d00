/** Every lint rule implementation, in catalog order. Adding a rule: its module in `rules/`, a line here, its catalog entry. */
import { affinityCookieName } from './rules/affinity-cookie-name'
import { affinityCookiePath } from './rules/affinity-cookie-path'
import { annotationRejected } from './rules/annotation-rejected'
import { catastrophicRegex } from './rules/catastrophic-regex'
import { graceShorterThanPrestop } from './rules/grace-shorter-than-prestop'
import { ingressServiceMissing } from './rules/ingress-service-missing'
import { ingressServicePortMissing } from './rules/ingress-service-port-missing'
import { livenessSameAsReadiness } from './rules/liveness-same-as-readiness'
import { livenessWithoutStartup } from './rules/liveness-without-startup'
import { prestopMissing } from './rules/prestop-missing'
import { probePortNotExposed } from './rules/probe-port-not-exposed'
import { readinessProbeMissing } from './rules/readiness-probe-missing'
import { readinessTooSlow } from './rules/readiness-too-slow'
import { recreateBehindIngress } from './rules/recreate-behind-ingress'
import { rewriteWithoutCapture } from './rules/rewrite-without-capture'
import { rolloutCapacityDip, rolloutZeroCapacity } from './rules/rollout-capacity'
import { serviceSelectsNothing } from './rules/service-selects-nothing'
import { serviceTargetPortMissing } from './rules/service-target-port-missing'
import { tlsCertExpired, tlsCertExpiring } from './rules/tls-cert-validity'
import { tlsHostNotCovered } from './rules/tls-host-not-covered'
import { tlsHostNotInRules } from './rules/tls-host-not-in-rules'
import { tlsKeyMismatch } from './rules/tls-key-mismatch'
import { tlsSecretInvalid } from './rules/tls-secret-invalid'
import { tlsSecretMissing } from './rules/tls-secret-missing'
import { wildcardHostApex } from './rules/wildcard-host-apex'
import { wwwRedirectCertificate } from './rules/www-redirect-certificate'
import type { LintRule } from './types'

export const LINT_RULES: readonly LintRule[] = [
  readinessProbeMissing,
  livenessSameAsReadiness,
  probePortNotExposed,
  serviceSelectsNothing,
  serviceTargetPortMissing,
  ingressServiceMissing,
  ingressServicePortMissing,
  tlsHostNotInRules,
  wildcardHostApex,
  rewriteWithoutCapture,
  annotationRejected,
  catastrophicRegex,
  prestopMissing,
  graceShorterThanPrestop,
  rolloutZeroCapacity,
  rolloutCapacityDip,
  recreateBehindIngress,
  readinessTooSlow,
  livenessWithoutStartup,
  tlsSecretMissing,
  tlsSecretInvalid,
  tlsHostNotCovered,
  tlsCertExpired,
  tlsCertExpiring,
  tlsKeyMismatch,
  affinityCookiePath,
  affinityCookieName,
  wwwRedirectCertificate,
]
