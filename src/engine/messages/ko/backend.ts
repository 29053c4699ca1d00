/** Korean translations of `../en/backend.ts`. */
import type { BACKEND_MESSAGES } from '../en/backend'
import type { KoreanOf } from '../ko-catalog'

export const BACKEND_MESSAGES_KO: KoreanOf<typeof BACKEND_MESSAGES> = {
}
