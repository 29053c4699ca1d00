/** Korean translations of `../en/rewrite.ts`. */
import type { REWRITE_MESSAGES } from '../en/rewrite'
import type { KoreanOf } from '../ko-catalog'

export const REWRITE_MESSAGES_KO: KoreanOf<typeof REWRITE_MESSAGES> = {
  'rewrite-invalid-variable-name': 'nginx -t가 {{template}}을(를) 거부합니다: "invalid variable name" ($ 뒤에 변수 이름이 없음)',
  'rewrite-variable-bracket-missing': 'nginx -t가 {{template}}을(를) 거부합니다: 변수 {{variable}}의 닫는 중괄호가 없습니다',
  'trace-rewrite-variables': 'rewrite-target {{target}}에 nginx 변수가 있어, nginx가 이 요청에서 값을 채웁니다: {{values}}.',
  'trace-rewrite-args-dropped': 'rewrite-target {{target}}이(가) ?로 끝나므로 nginx는 요청의 쿼리 인자를 버립니다.',
  'trace-rewrite-args-replaced': 'rewrite-target {{target}}에 ?가 있어, nginx는 그 뒤의 내용을 쿼리 인자로 보냅니다.',
  'trace-rewrite-args-appended': 'rewrite-target {{target}}에 ?가 있어, nginx는 그 뒤의 내용을 쿼리 인자로 보내고 요청의 원래 인자를 & 뒤에 붙입니다.',
  'trace-rewrite-escaped': 'nginx는 새 경로를 프록시하기 전에 이스케이프합니다(ngx_escape_uri, NGX_ESCAPE_URI: 제어 문자, 공백, " # % < > ? \\ ^ ` { | }, 0x7F 이상의 바이트). 따라서 {{path}}은(는) {{escaped}}(으)로 업스트림에 전달됩니다.',
  'trace-rewrite-empty-uri': 'Ingress {{ingress}}의 rewrite-target {{target}} 때문에 {{uri}}의 경로가 비게 됩니다. nginx는 "the rewritten URI has a zero length"를 로그에 남기고 500으로 응답합니다.',
  'trace-answer-rewrite-empty': '응답: nginx rewrite의 500 (새 경로가 비어 있음).',
  'trace-rewrite-scheme-redirect': 'rewrite-target {{target}}이(가) $scheme으로 시작하므로 nginx rewrite가 302로 응답합니다.',
  'trace-rewrite-no-leading-slash': 'rewrite-target {{target}}의 결과 경로가 /로 시작하지 않습니다. nginx는 {{path}}을(를) 요청 줄에 그대로 보내며, 대부분의 업스트림 서버는 400 Bad Request로 응답합니다.',
  'lint-rewrite-without-capture': 'rewrite-target "{{target}}"이(가) 요청 경로를 전혀 쓰지 않습니다. 캡처($1–$9, 또는 (?<name>…) 같은 이름 있는 그룹의 $name)도, $uri나 $request_uri도 없습니다. nginx의 rewrite는 경로 전체를 바꾸므로 {{example}}/anything 요청이 "{{target}}"(으)로 앱에 전달되고 경로의 나머지 부분은 사라집니다. 나머지를 캡처하세요. 예: 경로 {{example}}(/|$)(.*)와 rewrite-target {{suggested}}$2.',
  'trace-rewrite-redirect-unescaped': 'rewrite-target {{target}}은(는) 이름 있는 그룹과 변수를 Location에 그대로 복사합니다({{values}}). nginx는 리다이렉트에서 $1–$9만 이스케이프하고(요청 경로에 % 또는 +가 있을 때 NGX_ESCAPE_ARGS로), 그다음 %보다 큰 출력 가능 문자의 %XX를 디코딩합니다.',
}
