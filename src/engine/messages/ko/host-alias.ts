/** Korean translations of `../en/host-alias.ts`. */
import type { HOST_ALIAS_MESSAGES } from '../en/host-alias'
import type { KoreanOf } from '../ko-catalog'

export const HOST_ALIAS_MESSAGES_KO: KoreanOf<typeof HOST_ALIAS_MESSAGES> = {
}
