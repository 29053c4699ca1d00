/** Korean translations of `../en/regex.ts`. */
import type { REGEX_MESSAGES } from '../en/regex'
import type { KoreanOf } from '../ko-catalog'

export const REGEX_MESSAGES_KO: KoreanOf<typeof REGEX_MESSAGES> = {
}
