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
import { ENGLISH_FAMILIES, englishTemplates } from './families-en'
import { KOREAN_FAMILIES, koreanTemplates } from './families-ko'

type FamilyName = keyof typeof ENGLISH_FAMILIES

/** The families, English and Korean side by side (`catalog.test.ts` checks that no id is in two families). */
export const MESSAGE_FAMILIES = Object.fromEntries(
  (Object.keys(ENGLISH_FAMILIES) as FamilyName[]).map((name) => [name, { en: ENGLISH_FAMILIES[name], ko: KOREAN_FAMILIES[name] }]),
) as { readonly [F in FamilyName]: { readonly en: (typeof ENGLISH_FAMILIES)[F]; readonly ko: (typeof KOREAN_FAMILIES)[F] } }

type Families = typeof MESSAGE_FAMILIES
type EnglishKey = { [F in keyof Families]: keyof Families[F]['en'] }[keyof Families] & string

/** An id without its plural suffix. */
type BaseId<K extends string> = K extends `${infer B}_one` ? B : K extends `${infer B}_other` ? B : K

export type MessageId = BaseId<EnglishKey>

import type { MessageLanguage } from './languages'
export { MESSAGE_LANGUAGES, type MessageLanguage } from './languages'

/** One language's templates, every family merged: the `engine` namespace of i18next. */
export function messageTemplates(language: MessageLanguage): Readonly<Record<string, string>> {
  return language === 'ko' ? koreanTemplates() : englishTemplates()
}
