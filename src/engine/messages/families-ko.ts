/**
 * The Korean side of the engine's message catalog, family by family: each family typed `KoreanOf` its English one,
 * so a missing family, id or extra id is a type error. Its own module so the page loads it only for a Korean reader.
 */
import type { ENGLISH_FAMILIES } from './families-en'
import type { KoreanOf } from './ko-catalog'
import { COMMON_MESSAGES_KO } from './ko/common'
import { SOURCE_MESSAGES_KO } from './ko/source'
import { MODEL_MESSAGES_KO } from './ko/model'
import { ROUTE_MESSAGES_KO } from './ko/route'
import { LINT_MESSAGES_KO } from './ko/lint'
import { TRACE_MESSAGES_KO } from './ko/trace'
import { ROLLOUT_MESSAGES_KO } from './ko/rollout'
import { QUICK_FIX_MESSAGES_KO } from './ko/quick-fix'
import { TLS_MESSAGES_KO } from './ko/tls'
import { MIGRATE_MESSAGES_KO } from './ko/migrate'
import { ANNOTATION_MESSAGES_KO } from './ko/annotation'
import { HOST_ALIAS_MESSAGES_KO } from './ko/host-alias'
import { REWRITE_MESSAGES_KO } from './ko/rewrite'
import { REGEX_MESSAGES_KO } from './ko/regex'
import { BACKEND_MESSAGES_KO } from './ko/backend'
import { AFFINITY_MESSAGES_KO } from './ko/affinity'
import { GATEWAY_MODEL_MESSAGES_KO } from './ko/gateway-model'
import { GATEWAY_STATUS_MESSAGES_KO } from './ko/gateway-status'
import { GATEWAY_TRACE_MESSAGES_KO } from './ko/gateway-trace'
import { MIGRATE_GATEWAY_MESSAGES_KO } from './ko/migrate-gateway'
import { MIGRATE_ANNOTATION_MESSAGES_KO } from './ko/migrate-annotations'
import { PARITY_MESSAGES_KO } from './ko/parity'

type KoreanFamilies = { readonly [F in keyof typeof ENGLISH_FAMILIES]: KoreanOf<(typeof ENGLISH_FAMILIES)[F]> }

/** Every family's Korean templates, by family name. */
export const KOREAN_FAMILIES: KoreanFamilies = {
  common: COMMON_MESSAGES_KO,
  source: SOURCE_MESSAGES_KO,
  model: MODEL_MESSAGES_KO,
  route: ROUTE_MESSAGES_KO,
  lint: LINT_MESSAGES_KO,
  trace: TRACE_MESSAGES_KO,
  rollout: ROLLOUT_MESSAGES_KO,
  quickFix: QUICK_FIX_MESSAGES_KO,
  tls: TLS_MESSAGES_KO,
  migrate: MIGRATE_MESSAGES_KO,
  annotation: ANNOTATION_MESSAGES_KO,
  hostAlias: HOST_ALIAS_MESSAGES_KO,
  rewrite: REWRITE_MESSAGES_KO,
  regex: REGEX_MESSAGES_KO,
  backend: BACKEND_MESSAGES_KO,
  affinity: AFFINITY_MESSAGES_KO,
  gatewayModel: GATEWAY_MODEL_MESSAGES_KO,
  gatewayStatus: GATEWAY_STATUS_MESSAGES_KO,
  gatewayTrace: GATEWAY_TRACE_MESSAGES_KO,
  migrateGateway: MIGRATE_GATEWAY_MESSAGES_KO,
  migrateAnnotations: MIGRATE_ANNOTATION_MESSAGES_KO,
  parity: PARITY_MESSAGES_KO,
}

/** The Korean templates, every family merged: the `engine` namespace of i18next in Korean. */
export function koreanTemplates(): Readonly<Record<string, string>> {
  return Object.assign({}, ...Object.values(KOREAN_FAMILIES))
}
