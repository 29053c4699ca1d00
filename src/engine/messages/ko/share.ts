/** Korean translations of `../en/share.ts`. */
import type { SHARE_MESSAGES } from '../en/share'
import type { KoreanOf } from '../ko-catalog'

export const SHARE_MESSAGES_KO: KoreanOf<typeof SHARE_MESSAGES> = {
}
