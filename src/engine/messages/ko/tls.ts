/** Korean translations of `../en/tls.ts`. */
import type { TLS_MESSAGES } from '../en/tls'
import type { KoreanOf } from '../ko-catalog'

export const TLS_MESSAGES_KO: KoreanOf<typeof TLS_MESSAGES> = {
}
