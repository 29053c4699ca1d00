/** Korean translations of `../en/affinity.ts`. */
import type { AFFINITY_MESSAGES } from '../en/affinity'
import type { KoreanOf } from '../ko-catalog'

export const AFFINITY_MESSAGES_KO: KoreanOf<typeof AFFINITY_MESSAGES> = {
}
