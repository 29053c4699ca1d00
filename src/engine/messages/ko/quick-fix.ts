/** Korean translations of `../en/quick-fix.ts`. */
import type { QUICK_FIX_MESSAGES } from '../en/quick-fix'
import type { KoreanOf } from '../ko-catalog'

export const QUICK_FIX_MESSAGES_KO: KoreanOf<typeof QUICK_FIX_MESSAGES> = {
  'fix-convert-api-version': '{{apiVersion}} 버전으로 변환',
  'fix-convert-current-version': '현재 API 버전으로 변환',
  'fix-path-type-implementation-specific': 'pathType을 ImplementationSpecific으로 변경(정규식 문자가 있는 경로에 필요)',
}
