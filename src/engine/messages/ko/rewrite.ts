/** Korean translations of `../en/rewrite.ts`. */
import type { REWRITE_MESSAGES } from '../en/rewrite'
import type { KoreanOf } from '../ko-catalog'

export const REWRITE_MESSAGES_KO: KoreanOf<typeof REWRITE_MESSAGES> = {
}
