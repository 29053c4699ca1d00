/** Korean translations of `../en/trace.ts`. */
import type { TRACE_MESSAGES } from '../en/trace'
import type { KoreanOf } from '../ko-catalog'

export const TRACE_MESSAGES_KO: KoreanOf<typeof TRACE_MESSAGES> = {
}
