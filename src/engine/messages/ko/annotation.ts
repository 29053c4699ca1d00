/** Korean translations of `../en/annotation.ts`. */
import type { ANNOTATION_MESSAGES } from '../en/annotation'
import type { KoreanOf } from '../ko-catalog'

export const ANNOTATION_MESSAGES_KO: KoreanOf<typeof ANNOTATION_MESSAGES> = {
}
