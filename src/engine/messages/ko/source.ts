/** Korean translations of `../en/source.ts`. */
import type { SOURCE_MESSAGES } from '../en/source'
import type { KoreanOf } from '../ko-catalog'

export const SOURCE_MESSAGES_KO: KoreanOf<typeof SOURCE_MESSAGES> = {
}
