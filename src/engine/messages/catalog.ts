/**
 * Every sentence the engine can say, by id, in English and Korean. Each family of messages (a stage's
 * diagnostics, the routing trace, the rollout's causes and remedies, TLS findings, migration notes, …) keeps its English templates in
 * `en/<family>.ts` and their Korean translations in `ko/<family>.ts`; the Korean file's type is derived from the
 * English one, so a missing or extra translation is a type error (and `catalog.test.ts` checks the parameters).
 *
 * Templates use i18next's syntax, the one the page and the CLI render them with: `{{name}}` for a parameter and
 * the `_one` / `_other` suffixes for plurals chosen by `count` (Korean has only `_other`). Ids are lower-case
 * words joined by `-` (no `.` or `:`, which i18next reads as key and namespace separators).
 */
import { COMMON_MESSAGES } from './en/common'
import { MODEL_MESSAGES } from './en/model'
import { QUICK_FIX_MESSAGES } from './en/quick-fix'
import { ROLLOUT_MESSAGES } from './en/rollout'
import { ROUTE_MESSAGES } from './en/route'
import { LINT_MESSAGES } from './en/lint'
import { SOURCE_MESSAGES } from './en/source'
import { TRACE_MESSAGES } from './en/trace'
import { MIGRATE_MESSAGES } from './en/migrate'
import { TLS_MESSAGES } from './en/tls'
import { MIGRATE_MESSAGES_KO } from './ko/migrate'
import { TLS_MESSAGES_KO } from './ko/tls'
import { COMMON_MESSAGES_KO } from './ko/common'
import { MODEL_MESSAGES_KO } from './ko/model'
import { QUICK_FIX_MESSAGES_KO } from './ko/quick-fix'
import { ROLLOUT_MESSAGES_KO } from './ko/rollout'
import { ROUTE_MESSAGES_KO } from './ko/route'
import { LINT_MESSAGES_KO } from './ko/lint'
import { SOURCE_MESSAGES_KO } from './ko/source'
import { TRACE_MESSAGES_KO } from './ko/trace'
import { ANNOTATION_MESSAGES } from './en/annotation'
import { ANNOTATION_MESSAGES_KO } from './ko/annotation'
import { HOST_ALIAS_MESSAGES } from './en/host-alias'
import { HOST_ALIAS_MESSAGES_KO } from './ko/host-alias'
import { REWRITE_MESSAGES } from './en/rewrite'
import { REWRITE_MESSAGES_KO } from './ko/rewrite'
import { REGEX_MESSAGES } from './en/regex'
import { REGEX_MESSAGES_KO } from './ko/regex'
import { BACKEND_MESSAGES } from './en/backend'
import { BACKEND_MESSAGES_KO } from './ko/backend'
import { AFFINITY_MESSAGES } from './en/affinity'
import { AFFINITY_MESSAGES_KO } from './ko/affinity'
import { GATEWAY_MODEL_MESSAGES } from './en/gateway-model'
import { GATEWAY_MODEL_MESSAGES_KO } from './ko/gateway-model'
import { GATEWAY_STATUS_MESSAGES } from './en/gateway-status'
import { GATEWAY_STATUS_MESSAGES_KO } from './ko/gateway-status'
import { GATEWAY_TRACE_MESSAGES } from './en/gateway-trace'
import { GATEWAY_TRACE_MESSAGES_KO } from './ko/gateway-trace'
import { MIGRATE_GATEWAY_MESSAGES } from './en/migrate-gateway'
import { MIGRATE_GATEWAY_MESSAGES_KO } from './ko/migrate-gateway'
import { PARITY_MESSAGES } from './en/parity'
import { MIGRATE_ANNOTATION_MESSAGES } from './en/migrate-annotations'
import { MIGRATE_ANNOTATION_MESSAGES_KO } from './ko/migrate-annotations'
import { PARITY_MESSAGES_KO } from './ko/parity'

/** The families, English and Korean side by side (`catalog.test.ts` checks that no id is in two families). */
export const MESSAGE_FAMILIES = {
  common: { en: COMMON_MESSAGES, ko: COMMON_MESSAGES_KO },
  source: { en: SOURCE_MESSAGES, ko: SOURCE_MESSAGES_KO },
  model: { en: MODEL_MESSAGES, ko: MODEL_MESSAGES_KO },
  route: { en: ROUTE_MESSAGES, ko: ROUTE_MESSAGES_KO },
  lint: { en: LINT_MESSAGES, ko: LINT_MESSAGES_KO },
  trace: { en: TRACE_MESSAGES, ko: TRACE_MESSAGES_KO },
  rollout: { en: ROLLOUT_MESSAGES, ko: ROLLOUT_MESSAGES_KO },
  quickFix: { en: QUICK_FIX_MESSAGES, ko: QUICK_FIX_MESSAGES_KO },
  tls: { en: TLS_MESSAGES, ko: TLS_MESSAGES_KO },
  migrate: { en: MIGRATE_MESSAGES, ko: MIGRATE_MESSAGES_KO },
  annotation: { en: ANNOTATION_MESSAGES, ko: ANNOTATION_MESSAGES_KO },
  hostAlias: { en: HOST_ALIAS_MESSAGES, ko: HOST_ALIAS_MESSAGES_KO },
  rewrite: { en: REWRITE_MESSAGES, ko: REWRITE_MESSAGES_KO },
  regex: { en: REGEX_MESSAGES, ko: REGEX_MESSAGES_KO },
  backend: { en: BACKEND_MESSAGES, ko: BACKEND_MESSAGES_KO },
  affinity: { en: AFFINITY_MESSAGES, ko: AFFINITY_MESSAGES_KO },
  gatewayModel: { en: GATEWAY_MODEL_MESSAGES, ko: GATEWAY_MODEL_MESSAGES_KO },
  gatewayStatus: { en: GATEWAY_STATUS_MESSAGES, ko: GATEWAY_STATUS_MESSAGES_KO },
  gatewayTrace: { en: GATEWAY_TRACE_MESSAGES, ko: GATEWAY_TRACE_MESSAGES_KO },
  migrateGateway: { en: MIGRATE_GATEWAY_MESSAGES, ko: MIGRATE_GATEWAY_MESSAGES_KO },
  migrateAnnotations: { en: MIGRATE_ANNOTATION_MESSAGES, ko: MIGRATE_ANNOTATION_MESSAGES_KO },
  parity: { en: PARITY_MESSAGES, ko: PARITY_MESSAGES_KO },
} as const

type Families = typeof MESSAGE_FAMILIES
type EnglishKey = { [F in keyof Families]: keyof Families[F]['en'] }[keyof Families] & string

/** An id without its plural suffix. */
type BaseId<K extends string> = K extends `${infer B}_one` ? B : K extends `${infer B}_other` ? B : K

export type MessageId = BaseId<EnglishKey>

import type { MessageLanguage } from './languages'
export { MESSAGE_LANGUAGES, type MessageLanguage } from './languages'

/** One language's templates, every family merged: the `engine` namespace of i18next. */
export function messageTemplates(language: MessageLanguage): Readonly<Record<string, string>> {
  return Object.assign({}, ...Object.values(MESSAGE_FAMILIES).map((family) => family[language]))
}
