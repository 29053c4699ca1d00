/** Korean translations of `../en/affinity.ts`. */
import type { AFFINITY_MESSAGES } from '../en/affinity'
import type { KoreanOf } from '../ko-catalog'

export const AFFINITY_MESSAGES_KO: KoreanOf<typeof AFFINITY_MESSAGES> = {
  'affinity-pod': '{{deployment}} · 파드 {{ordinal}}',
  'affinity-endpoint-unnamed': 'Service {{service}}의 엔드포인트 하나(매니페스트에 이 Service가 선택하는 Deployment가 없어 파드 이름을 알 수 없음)',
  'affinity-standin-balanced': 'resty.chash가 파드 주소로 만드는 링 대신, 임의의 키를 md5로 파드에 배치한 값',
  'affinity-standin-persistent': '파드의 ip:port 대신, 업스트림 이름과 스튜디오의 파드 이름을 합친 md5',
  'affinity-annotation-refused': '{{annotation}}: "{{value}}"은(는) 검증기({{validator}})를 통과하지 못합니다. ingress-nginx는 로그만 남기고 기본값을 쓰며(sessionaffinity/main.go), Ingress는 그대로 서비스됩니다',
  'affinity-trace-new': '세션 어피니티(affinity: cookie, {{mode}} 모드), 업스트림 {{upstream}}: 요청에 {{cookie}} 쿠키가 없으므로 sticky 밸런서가 새 세션에 {{endpoint}}을(를) 고릅니다(balancer/sticky_{{mode}}.lua).',
  'affinity-trace-sticks': '세션 어피니티(affinity: cookie, {{mode}} 모드), 업스트림 {{upstream}}: 쿠키 {{cookie}}={{value}}이(가) {{endpoint}}을(를) 가리키므로 요청은 그 파드로 고정됩니다(balancer/sticky.lua).',
  'affinity-trace-unknown': '세션 어피니티(affinity: cookie, persistent 모드), 업스트림 {{upstream}}: 쿠키 {{cookie}}={{value}}이(가) 이 업스트림의 어느 엔드포인트도 가리키지 않으므로(사라진 파드이거나 다른 업스트림의 키) 밸런서가 {{endpoint}}을(를) 새로 고릅니다(balancer/sticky.lua).',
  'affinity-trace-no-endpoints': '세션 어피니티(affinity: cookie), 업스트림 {{upstream}}: Service {{service}}에 엔드포인트가 없어 고정할 파드도, 설정할 쿠키도 없습니다.',
  'affinity-trace-set-cookie': '응답이 쿠키를 설정합니다: Set-Cookie: {{header}}',
  'affinity-trace-expires': 'Expires=…는 응답 시각에 {{seconds}}초를 더한 값입니다(session-cookie-expires, ngx.cookie_time). 스튜디오에는 시계가 없어 비워 둡니다.',
  'affinity-trace-samesite-dropped': 'SameSite={{value}}은(는) 빠집니다. lua-resty-cookie는 값이 정확히 Strict, Lax, None일 때만 SameSite를 씁니다.',
  'affinity-trace-not-listed': 'Set-Cookie 없음: 호스트 {{host}}의 경로 {{path}}은(는) 이 업스트림에 affinity: cookie를 설정한 Ingress의 경로가 아닙니다(sticky.lua should_set_cookie). 그래도 업스트림은 쿠키에 따라 분산합니다.',
  'affinity-trace-stand-in': '스튜디오는 파드 IP를 모릅니다. 쿠키의 키는 대역 값({{scheme}})이라 여기서는 고정되지만 실제 클러스터는 다른 값을 보냅니다. | 뒤의 부분은 업스트림의 실제 키 md5(md5(name) .. name)입니다.',
  'affinity-trace-canary-primary': 'affinity-canary-behavior sticky: 쿠키 {{cookie}}에 primary 업스트림 {{upstream}}의 키가 있으므로 카나리 규칙을 보지 않고 그대로 primary로 보냅니다(balancer.lua route_to_alternative_balancer).',
  'affinity-trace-canary-canary': 'affinity-canary-behavior sticky: 쿠키 {{cookie}}에 카나리 업스트림 {{upstream}}의 키가 있으므로 요청은 카나리에 머뭅니다(balancer.lua route_to_alternative_balancer).',
  'affinity-why-new': '새 세션: {{endpoint}} 선택',
  'affinity-why-new-no-cookie': '새 세션: {{endpoint}} 선택, 이 경로는 쿠키를 설정하지 않음',
  'affinity-why-sticks': '쿠키 {{cookie}} → {{endpoint}}',
  'affinity-why-unknown': '쿠키 {{cookie}}가 가리키는 파드가 없음: {{endpoint}} 새로 선택',
  'affinity-why-none': 'Service {{service}}에 엔드포인트가 없음',
  'affinity-table': '세션 어피니티: 쿠키 {{cookie}}({{mode}}), Path {{path}}',
  'affinity-table-no-cookie': '세션 어피니티({{mode}}), 쿠키 {{cookie}}. 이 경로는 쿠키를 설정하지 않음(어피니티는 다른 Ingress가 요청)',
  'affinity-lint-regex-path': 'affinity: cookie에 {{annotation}}이(가) 있는데 session-cookie-path가 없습니다. 쿠키의 Path가 Ingress 경로 {{path}}인데, 이는 정규식이라 어떤 요청 경로도 이것으로 시작하지 않습니다. 브라우저가 쿠키를 돌려보내지 않아 세션이 고정되지 않습니다(controller.go 로그: "session-cookie-path should be set when use-regex is true").',
  'affinity-lint-regex-path-fix': 'session-cookie-path를 {{path}}(으)로 설정',
  'affinity-lint-cookie-name': 'session-cookie-name {{name}}에 쿠키 이름에 쓸 수 없는 문자 {{char}}이(가) 있습니다(RFC 6265 token). ingress-nginx의 검증기는 통과시키지만 브라우저가 쿠키를 거부하거나 잘라 읽어 세션이 고정되지 않습니다.',
  'affinity-lint-cookie-name-fix': '쿠키 이름을 {{name}}(으)로 변경',
}
