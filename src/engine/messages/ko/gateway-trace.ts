/** Korean translations of `../en/gateway-trace.ts`. */
import type { GATEWAY_TRACE_MESSAGES } from '../en/gateway-trace'
import type { KoreanOf } from '../ko-catalog'

export const GATEWAY_TRACE_MESSAGES_KO: KoreanOf<typeof GATEWAY_TRACE_MESSAGES> = {
}
