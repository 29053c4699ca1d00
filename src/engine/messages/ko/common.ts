/** Korean translations of `../en/common.ts`. */
import type { COMMON_MESSAGES } from '../en/common'
import type { KoreanOf } from '../ko-catalog'

export const COMMON_MESSAGES_KO: KoreanOf<typeof COMMON_MESSAGES> = {
  'diagnostics-truncated_other': '이 파일의 진단 {{count}}개를 더 표시하지 않았습니다(파일당 최대 {{cap}}개).',
}
