/** Korean translations of `../en/gateway-model.ts`. */
import type { GATEWAY_MODEL_MESSAGES } from '../en/gateway-model'
import type { KoreanOf } from '../ko-catalog'

export const GATEWAY_MODEL_MESSAGES_KO: KoreanOf<typeof GATEWAY_MODEL_MESSAGES> = {
}
