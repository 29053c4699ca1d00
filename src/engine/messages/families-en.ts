/**
 * The English side of the engine's message catalog, family by family (`catalog.ts` pairs it with `families-ko.ts`).
 * Its own module so the page loads English without the Korean (`src/ui/i18n` loads that on demand).
 */
import { COMMON_MESSAGES } from './en/common'
import { SOURCE_MESSAGES } from './en/source'
import { MODEL_MESSAGES } from './en/model'
import { ROUTE_MESSAGES } from './en/route'
import { LINT_MESSAGES } from './en/lint'
import { TRACE_MESSAGES } from './en/trace'
import { ROLLOUT_MESSAGES } from './en/rollout'
import { QUICK_FIX_MESSAGES } from './en/quick-fix'
import { TLS_MESSAGES } from './en/tls'
import { MIGRATE_MESSAGES } from './en/migrate'
import { ANNOTATION_MESSAGES } from './en/annotation'
import { HOST_ALIAS_MESSAGES } from './en/host-alias'
import { REWRITE_MESSAGES } from './en/rewrite'
import { REGEX_MESSAGES } from './en/regex'
import { BACKEND_MESSAGES } from './en/backend'
import { AFFINITY_MESSAGES } from './en/affinity'
import { GATEWAY_MODEL_MESSAGES } from './en/gateway-model'
import { GATEWAY_STATUS_MESSAGES } from './en/gateway-status'
import { GATEWAY_TRACE_MESSAGES } from './en/gateway-trace'
import { MIGRATE_GATEWAY_MESSAGES } from './en/migrate-gateway'
import { MIGRATE_ANNOTATION_MESSAGES } from './en/migrate-annotations'
import { PARITY_MESSAGES } from './en/parity'

/** Every family's English templates, by family name. */
export const ENGLISH_FAMILIES = {
  common: COMMON_MESSAGES,
  source: SOURCE_MESSAGES,
  model: MODEL_MESSAGES,
  route: ROUTE_MESSAGES,
  lint: LINT_MESSAGES,
  trace: TRACE_MESSAGES,
  rollout: ROLLOUT_MESSAGES,
  quickFix: QUICK_FIX_MESSAGES,
  tls: TLS_MESSAGES,
  migrate: MIGRATE_MESSAGES,
  annotation: ANNOTATION_MESSAGES,
  hostAlias: HOST_ALIAS_MESSAGES,
  rewrite: REWRITE_MESSAGES,
  regex: REGEX_MESSAGES,
  backend: BACKEND_MESSAGES,
  affinity: AFFINITY_MESSAGES,
  gatewayModel: GATEWAY_MODEL_MESSAGES,
  gatewayStatus: GATEWAY_STATUS_MESSAGES,
  gatewayTrace: GATEWAY_TRACE_MESSAGES,
  migrateGateway: MIGRATE_GATEWAY_MESSAGES,
  migrateAnnotations: MIGRATE_ANNOTATION_MESSAGES,
  parity: PARITY_MESSAGES,
} as const

/** The English templates, every family merged: the `engine` namespace of i18next. */
export function englishTemplates(): Readonly<Record<string, string>> {
  return Object.assign({}, ...Object.values(ENGLISH_FAMILIES))
}
