/** Korean translations of `../en/rewrite.ts`. */
import type { REWRITE_MESSAGES } from '../en/rewrite'
import type { KoreanOf } from '../ko-catalog'

export const REWRITE_MESSAGES_KO: KoreanOf<typeof REWRITE_MESSAGES> = {
  'rewrite-invalid-variable-name': 'nginx -t가 {{template}}을(를) 거부합니다: "invalid variable name" ($ 뒤에 변수 이름이 없음)',
  'rewrite-variable-bracket-missing': 'nginx -t가 {{template}}을(를) 거부합니다: 변수 {{variable}}의 닫는 중괄호가 없습니다',
}
