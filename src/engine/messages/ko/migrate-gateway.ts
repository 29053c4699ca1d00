/** Korean translations of `../en/migrate-gateway.ts`. */
import type { MIGRATE_GATEWAY_MESSAGES } from '../en/migrate-gateway'
import type { KoreanOf } from '../ko-catalog'

export const MIGRATE_GATEWAY_MESSAGES_KO: KoreanOf<typeof MIGRATE_GATEWAY_MESSAGES> = {
  'mg-converted-by': 'Ingress Studio가 Ingress {{ingress}}에서 변환함',
  'mg-comment-default-backend': 'spec.defaultBackend: ingress-nginx는 이 호스트에서 어떤 경로와도 맞지 않는 요청을 여기로 보냅니다',
  'mg-comment-catch-all': 'spec.defaultBackend: ingress-nginx는 어떤 Ingress도 이름을 적지 않은 호스트의 요청에 여기서 응답합니다',
  'mg-comment-root-redirect': '이 호스트의 나머지 경로: ingress-nginx의 루트 로케이션이 404로 응답하기 전에 리디렉션합니다',
  'mg-comment-https-redirect': 'ingress-nginx는 이 호스트의 평문 http 요청을 {{code}}(으)로 https로 리디렉션합니다',

  'mg-option-gateway-shape': '--gateway {{value}}은(는) NAMESPACE/NAME 형식이어야 합니다',
  'mg-option-gateway-name': '--gateway {{value}}: {{why}}',
  'mg-option-gateway-class': '--gateway-class {{value}}: {{why}}',

  'mg-ingress-not-served': '변환하지 않음: ingress-nginx가 이 Ingress를 처리하지 않으므로({{reason}}) 라우트를 만들지 않습니다.',
  'mg-canary-not-merged': '변환하지 않음: 이 카나리 Ingress는 기본 Ingress의 어떤 경로와도 맞지 않아 ingress-nginx가 트래픽을 보내지 않으므로 라우트를 만들지 않습니다.',
  'mg-path-shadowed': '변환하지 않음: ingress-nginx는 {{host}}의 {{path}}을(를) 더 오래된 Ingress {{ingress}}에서 처리하고 이 경로는 버립니다. 그 Ingress의 라우트에 이 경로가 들어갑니다.',
  'mg-path-dropped': '변환하지 않음: 같은 nginx 로케이션이 이미 있어서 ingress-nginx가 이 경로({{host}}의 {{path}})를 버립니다.',
  'mg-implementation-specific-path': 'ImplementationSpecific {{path}}을(를) PathPrefix로 씁니다. ingress-nginx는 ImplementationSpecific을 Prefix처럼 경로 세그먼트 단위로 맞춥니다.',
  'mg-prefix-trailing-slash': 'Prefix {{path}}을(를) PathPrefix {{path}}(으)로 쓰면 {{without}} 요청도 처리합니다. ingress-nginx는 {{path}}와(과) = {{path}} 로케이션만 만들기 때문에, 다른 경로가 맞지 않으면 nginx가 {{without}} 요청에 {{path}}(으)로 가는 301로 응답합니다.',
  'mg-path-as-regex': '경로 {{path}}에는 Exact나 PathPrefix 매치에 쓸 수 없는 문자가 있어(HTTPRoute CRD가 거부함) 정규식 {{regex}}(으)로 씁니다. 이 정규식은 ingress-nginx가 맞추던 요청에 맞으며, 정규식 문법은 구현마다 다릅니다.',
  'mg-wildcard-host-depth': '라우트 호스트 이름 {{host}}은(는) * 자리의 레이블 하나 이상에 맞지만, ingress-nginx는 정확히 하나에만 맞춥니다. 그래서 더 깊은 이름(* 자리에 a.b)은 변환한 뒤에만 이 라우트로 옵니다.',
  'mg-resource-backend': '{{path}}의 resource 백엔드는 변환하지 않습니다. ingress-nginx는 resource 백엔드를 무시하고 기본 백엔드(404)로 응답합니다.',
  'mg-backend-port-unresolved': 'Service {{service}}의 포트 {{port}}을(를) 숫자로 바꿀 수 없습니다(입력에 그 Service나 포트가 없음). 규칙은 backendRef 없이 쓰이며, 직접 채우기 전까지 500으로 응답합니다.',
  'mg-catch-all-route': '이 라우트에는 호스트 이름이 없습니다. Gateway API에서는 다른 호스트의 라우트 규칙에 맞지 않는 요청이 이 라우트로 넘어오지만, ingress-nginx는 그 호스트의 서버(404 또는 그 기본 백엔드)가 응답합니다.',
  'mg-host-falls-through': 'Gateway API에서는 {{host}}의 라우트 규칙에 맞지 않는 요청이 {{wildcard}}의 라우트로 넘어갑니다. ingress-nginx는 {{host}} 자체 서버가 응답합니다(404).',
  'mg-default-backend-unused': 'spec.defaultBackend는 변환하지 않습니다. ingress-nginx는 어느 호스트에서도 이것을 쓰지 않습니다(다른 Ingress가 이 Ingress의 호스트를 먼저 만들었거나 기본 서버를 먼저 가져갔습니다).',
  'mg-tls-without-secret': '{{hosts}}의 TLS 항목에 secretName이 없습니다. ingress-nginx는 기본 인증서를 쓰지만, 인증서 없이는 리스너를 만들 수 없습니다.',
  'mg-tls-secret-conflict': '{{host}}의 TLS 항목은 Secret {{secret}}을(를) 가리키지만, ingress-nginx는 더 오래된 Ingress {{owner}}의 {{ownerSecret}}을(를) 씁니다. 리스너도 그것을 씁니다.',
  'mg-tls-host-not-routed': 'TLS 호스트 {{host}}은(는) 이 Ingress 규칙의 호스트가 아니어서 ingress-nginx가 이 인증서를 쓰지 않으므로 리스너를 만들지 않습니다.',
  'mg-https-listener-missing': 'ingress-nginx는 {{host}}을(를) 기본 인증서로 https 처리하고 http를 그쪽으로 리디렉션할 수 있지만, 입력의 어떤 Secret도 이 호스트를 가리키지 않습니다. 게이트웨이 {{gateway}}에는 이 호스트의 HTTPS 리스너가 없고 라우트는 평문 http만 처리합니다.',
  'mg-https-redirect-trailing-slash': '{{host}}의 https 리디렉션은 보낸 경로를 그대로 둡니다. ingress-nginx는 preserve-trailing-slash가 꺼져 있으면 끝의 슬래시 하나를 지웁니다(http://{{host}}/docs/ → https://{{host}}/docs).',
  'mg-gateway-listener-limit': '게이트웨이에는 리스너를 최대 {{max}}개까지 둘 수 있어서, 변환한 게이트웨이에는 {{host}}의 HTTPS 리스너가 없고 라우트는 평문 http만 처리합니다. 나머지 TLS 호스트는 두 번째 게이트웨이에 두세요.',
  'mg-gateway-https-missing': '게이트웨이 {{gateway}}에는 {{host}}을(를) 덮는 HTTPS 리스너가 없습니다. 라우트는 http 리스너에만 붙고, {{host}}의 https 요청은 리스너를 찾지 못합니다.',
  'mg-gateway-http-missing': '게이트웨이 {{gateway}}에는 {{host}}을(를) 덮는 HTTP 리스너가 없어 라우트가 평문 http에 붙을 수 없습니다.',
  'mg-gateway-routes-not-allowed': '게이트웨이 {{gateway}}의 리스너 {{listener}}은(는) 자기 네임스페이스의 라우트만 받습니다(allowedRoutes Same). {{namespace}}의 라우트는 거기서 받아들여지지 않습니다.',
}
