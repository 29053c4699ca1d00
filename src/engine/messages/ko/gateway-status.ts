/** Korean translations of `../en/gateway-status.ts`. */
import type { GATEWAY_STATUS_MESSAGES } from '../en/gateway-status'
import type { KoreanOf } from '../ko-catalog'

export const GATEWAY_STATUS_MESSAGES_KO: KoreanOf<typeof GATEWAY_STATUS_MESSAGES> = {
}
