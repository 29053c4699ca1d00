/** Korean translations of `../en/parity.ts`. */
import type { PARITY_MESSAGES } from '../en/parity'
import type { KoreanOf } from '../ko-catalog'

export const PARITY_MESSAGES_KO: KoreanOf<typeof PARITY_MESSAGES> = {
  'parity-why-host': '호스트 {{host}}의 루트',
}
