/** Korean translations of `../en/regex.ts`. */
import type { REGEX_MESSAGES } from '../en/regex'
import type { KoreanOf } from '../ko-catalog'

export const REGEX_MESSAGES_KO: KoreanOf<typeof REGEX_MESSAGES> = {
  'regex-character-unsupported': '패턴에 변환용으로 예약된 문자 U+FFFF가 들어 있습니다',
  'regex-no-such-group': '참조 {{reference}}가 가리키는 그룹이 패턴에 없어 PCRE가 컴파일하지 않습니다',
  'regex-recursion-unsupported': '재귀와 서브루틴 호출({{construct}})은 JavaScript 정규식으로 옮길 수 없습니다',
  'regex-conditional-unsupported': '조건부 그룹 (?(…)…)은 JavaScript 정규식으로 옮길 수 없습니다',
  'regex-verb-unsupported': '백트래킹 제어 동사나 옵션 {{verb}}…)은 JavaScript 정규식으로 옮길 수 없습니다',
  'regex-branch-reset-unsupported': '분기 리셋 그룹 (?|…)은 지원하지 않습니다',
  'regex-callout-unsupported': '콜아웃 (?C…)은 JavaScript 정규식으로 옮길 수 없습니다',
  'regex-unclosed-comment': '주석 (?#…가 닫히지 않아 PCRE가 컴파일하지 않습니다',
  'regex-case-sensitive-part': '패턴의 나머지와 대소문자 규칙이 다른 부분(예: 대소문자를 구분하지 않는 ~* location 안의 (?-i))은 JavaScript 정규식으로 옮길 수 없습니다',
  'regex-escape-unknown': '\\{{letter}}는 PCRE 이스케이프가 아니어서 PCRE가 패턴을 컴파일하지 않습니다',
}
