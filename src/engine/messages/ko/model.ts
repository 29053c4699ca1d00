/** Korean translations of `../en/model.ts`. */
import type { MODEL_MESSAGES } from '../en/model'
import type { KoreanOf } from '../ko-catalog'

export const MODEL_MESSAGES_KO: KoreanOf<typeof MODEL_MESSAGES> = {
}
