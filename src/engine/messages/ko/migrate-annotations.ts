/** Korean translations of `../en/migrate-annotations.ts`. */
import type { MIGRATE_ANNOTATION_MESSAGES } from '../en/migrate-annotations'
import type { KoreanOf } from '../ko-catalog'

export const MIGRATE_ANNOTATION_MESSAGES_KO: KoreanOf<typeof MIGRATE_ANNOTATION_MESSAGES> = {
  'ma-not-converted': '{{annotation}}에 해당하는 Gateway API 기능이 없습니다. 변환된 라우트는 이 어노테이션을 무시합니다',
}
