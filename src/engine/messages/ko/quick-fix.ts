/** Korean translations of `../en/quick-fix.ts`. */
import type { QUICK_FIX_MESSAGES } from '../en/quick-fix'
import type { KoreanOf } from '../ko-catalog'

export const QUICK_FIX_MESSAGES_KO: KoreanOf<typeof QUICK_FIX_MESSAGES> = {
}
