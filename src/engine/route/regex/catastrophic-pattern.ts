/**
 * The lint side of the match limit: whether a PCRE pattern as ingress-nginx uses it can backtrack
 * exponentially (docs/routing.md#regex-match-limit). Patterns `pcre.ts` cannot translate are not judged here.
 */
import type { Message } from '../../messages/message'
import { translatePcre } from '../pcre'
import { parseRegex } from './parse-regex'
import { catastrophicReason } from './regex-shape'
import { boundedMemo } from '../../bounded-memo'

/**
 * Why `pattern` (PCRE, `caseless` as nginx runs it) can backtrack catastrophically, or null. Kept by pattern: a
 * cluster repeats a handful over thousands of paths, and each answer costs a translation and a parse.
 */
export const catastrophicPattern: (pattern: string, caseless: boolean) => Message | null =
  boundedMemo(4096, (pattern, caseless) => `${caseless ? 'i' : '-'}${pattern}`, judge)

function judge(pattern: string, caseless: boolean): Message | null {
  const translated = translatePcre(pattern, caseless)
  if (translated.kind !== 'ok') return null
  const parsed = parseRegex(translated.source, translated.caseless)
  return parsed === null ? null : catastrophicReason(parsed.root)
}
