/** Korean translations of `../en/migrate-gateway.ts`. */
import type { MIGRATE_GATEWAY_MESSAGES } from '../en/migrate-gateway'
import type { KoreanOf } from '../ko-catalog'

export const MIGRATE_GATEWAY_MESSAGES_KO: KoreanOf<typeof MIGRATE_GATEWAY_MESSAGES> = {
  'mg-converted-by': 'Ingress Studio가 Ingress {{ingress}}에서 변환함',
}
