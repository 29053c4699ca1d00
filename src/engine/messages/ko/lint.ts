/** Korean translations of `../en/lint.ts`. */
import type { LINT_MESSAGES } from '../en/lint'
import type { KoreanOf } from '../ko-catalog'

export const LINT_MESSAGES_KO: KoreanOf<typeof LINT_MESSAGES> = {
}
