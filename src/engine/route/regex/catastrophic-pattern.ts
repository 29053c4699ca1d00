/**
 * The lint side of the match limit: whether a PCRE pattern as ingress-nginx uses it can backtrack
 * exponentially (docs/routing.md#regex-match-limit). Patterns `pcre.ts` cannot translate are not judged here.
 */
import type { Message } from '../../messages/message'
import { translatePcre } from '../pcre'
import { parseRegex } from './parse-regex'
import { catastrophicReason } from './regex-shape'

/** Why `pattern` (PCRE, `caseless` as nginx runs it) can backtrack catastrophically, or null. */
export function catastrophicPattern(pattern: string, caseless: boolean): Message | null {
  const translated = translatePcre(pattern, caseless)
  if (translated.kind !== 'ok') return null
  const parsed = parseRegex(translated.source, translated.caseless)
  return parsed === null ? null : catastrophicReason(parsed.root)
}
