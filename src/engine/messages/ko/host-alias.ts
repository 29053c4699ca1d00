/** Korean translations of `../en/host-alias.ts`. */
import type { HOST_ALIAS_MESSAGES } from '../en/host-alias'
import type { KoreanOf } from '../ko-catalog'

export const HOST_ALIAS_MESSAGES_KO: KoreanOf<typeof HOST_ALIAS_MESSAGES> = {
  'alias-name-empty': '빈 이름',
  'alias-name-invalid': 'nginx가 "server name {{name}} is invalid"라고 합니다(* 뒤에는 점이, 맨 앞의 점 뒤에는 이름이 와야 합니다)',
  'alias-regex-empty': 'nginx가 "empty regex in server name {{name}}"라고 합니다',
  'alias-regex-invalid': 'PCRE가 정규식 {{name}}을(를) 컴파일하지 못합니다({{reason}})',
  'alias-wildcard-invalid': 'nginx가 "invalid server name or wildcard {{name}}"라고 합니다(*는 하나만, *.name 또는 name.* 형태로만 쓸 수 있고 ".."은 안 됩니다)',
  'alias-the-controller': '컨트롤러',

  'alias-ignored-later': '호스트 {{host}}에서는 이 Ingress의 server-alias가 무시됩니다. ingress-nginx는 호스트의 별칭을 별칭이 있는 첫 Ingress({{owner}})에서만 가져옵니다.',
  'alias-is-own-host': 'server-alias {{alias}}은(는) 이 Ingress 자신의 호스트라서 ingress-nginx가 제외합니다.',
  'alias-is-server-host': '호스트 {{host}}의 server-alias {{alias}}은(는) 자기 서버가 따로 있는 호스트입니다({{owner}}이(가) 만든 서버). ingress-nginx는 이 별칭을 제외하고, {{alias}}로 오는 요청은 그 서버로 갑니다.',
  'alias-nginx-rejects': 'server-alias {{alias}}: {{reason}}. nginx -t가 실패하므로 어드미션 웹훅이 Ingress를 거부합니다(웹훅이 없으면 컨트롤러가 설정을 다시 불러오지 못합니다). 스튜디오는 이 별칭을 제외합니다.',
  'alias-not-writable': 'server-alias {{alias}}은(는) nginx.conf에 쓸 수 없어({{reason}}) 스튜디오가 제외합니다.',
  'alias-regex-unsupported': 'server-alias {{alias}}은(는) 여기서 평가할 수 없어({{reason}}) 스튜디오는 어떤 호스트와도 일치하지 않는 것으로 처리합니다.',
  'alias-conflict': '호스트 {{host}}의 server-alias {{alias}}은(는) nginx.conf에서 먼저 나오는 서버 {{winner}}의 이름이기도 합니다. nginx는 여기서 이 이름을 무시합니다("conflicting server name").',
  'www-counterpart-served': '호스트 {{host}}에 걸린 Ingress {{ingress}}의 from-to-www-redirect는 리다이렉트를 만들지 않습니다. {{from}}은(는) 자기 서버가 있는 호스트(Ingress {{owner}})이고, ingress-nginx는 서버가 있는 호스트를 리다이렉트하지 않습니다.',
  'www-redirect-wildcard': '와일드카드 호스트 {{host}}에 걸린 Ingress {{ingress}}의 from-to-www-redirect: ingress-nginx는 이름이 {{from}}인 리다이렉트 서버를 쓰는데 nginx가 이를 거부합니다("invalid server name or wildcard"). nginx -t가 실패하므로 어드미션 웹훅이 Ingress를 거부합니다(웹훅이 없으면 컨트롤러가 설정을 다시 불러오지 못합니다). 스튜디오는 이 리다이렉트를 제외합니다.',
  'www-redirect-certificate': '호스트 {{host}}의 from-to-www-redirect: Secret {{secret}}의 인증서에 {{from}}이(가) 없어서({{names}}) https://{{from}}에는 컨트롤러의 가짜 인증서가 나가고, 브라우저는 리다이렉트 전에 연결을 거부합니다. 인증서에 {{from}}을(를) 추가하세요.',

  'fix-remove-alias': 'server-alias에서 {{alias}} 빼기',
  'fix-remove-www-redirect': 'from-to-www-redirect 지우기(여기서는 리다이렉트를 만들지 않음)',
  'trace-name-exact': '정확한 이름: nginx는 정확한 이름부터 찾습니다',
  'trace-name-wildcard-head': '앞쪽 와일드카드: 정확한 이름 다음으로, 일치하는 것 중 가장 긴 것이 이깁니다',
  'trace-name-wildcard-tail': '뒤쪽 와일드카드: 앞쪽 와일드카드 다음에 시도하며, 일치하는 것 중 가장 긴 것이 이깁니다',
  'trace-name-regex': '정규식 server_name은 와일드카드 다음에 nginx.conf에 나오는 순서대로 시도합니다',
  'trace-server-alias': '호스트 {{host}}이(가) Ingress {{ingress}}의 server-alias {{alias}}와(과) 일치하므로 서버 {{server}}이(가) 응답합니다({{rule}}).',
  'trace-www-redirect': '호스트 {{host}}: Ingress {{ingress}}의 from-to-www-redirect가 만든 리다이렉트 서버가 {{code}} → {{location}}(으)로 응답합니다(ngx_srv_redirect.lua: 요청의 스킴, {{to}}, 요청이 들어온 포트, 끝의 / 하나를 뺀 요청 URI. 코드는 http-redirect-code입니다).',
  'trace-www-redirect-forwarded': 'use-forwarded-headers가 켜져 있어 X-Forwarded-Proto와 X-Forwarded-Port가 스킴과 포트를 대신합니다.',
  'trace-server-name-regex-error': '서버 {{server}}의 server_name 정규식 {{name}}이(가) 호스트 {{host}}에서 PCRE 매치 한도를 넘었습니다. nginx는 응답 없이 연결을 닫습니다(로그에는 500).',
  'trace-answer-connection-closed': '응답: 없음. nginx가 연결을 닫습니다(로그에는 500).',
  'trace-alias-no-certificate': '{{host}}에는 인증서에 따른 https 리다이렉트가 없습니다. 서버 {{server}}의 인증서에 없는 server-alias로 들어왔기 때문에 ingress-nginx의 Lua가 인증서를 찾지 못합니다.',

  'table-aliases': '이 호스트는 server-alias {{aliases}}(으)로도 응답합니다(Ingress {{ingress}}).',
  'table-www-redirect': 'from-to-www-redirect: {{from}}은(는) {{to}}(으)로 {{code}} 응답합니다(Ingress {{ingress}}).',
}
