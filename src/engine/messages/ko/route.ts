/** Korean translations of `../en/route.ts`. */
import type { ROUTE_MESSAGES } from '../en/route'
import type { KoreanOf } from '../ko-catalog'

export const ROUTE_MESSAGES_KO: KoreanOf<typeof ROUTE_MESSAGES> = {
}
