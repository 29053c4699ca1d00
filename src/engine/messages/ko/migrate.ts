/** Korean translations of `../en/migrate.ts`. */
import type { MIGRATE_MESSAGES } from '../en/migrate'
import type { KoreanOf } from '../ko-catalog'

export const MIGRATE_MESSAGES_KO: KoreanOf<typeof MIGRATE_MESSAGES> = {
}
