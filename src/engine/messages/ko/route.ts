/** Korean translations of `../en/route.ts`. */
import type { ROUTE_MESSAGES } from '../en/route'
import type { KoreanOf } from '../ko-catalog'

export const ROUTE_MESSAGES_KO: KoreanOf<typeof ROUTE_MESSAGES> = {
  'ingress-class-assumed': '있다고 가정한 IngressClass {{name}}(컨트롤러 {{controller}})',
  'ingress-class-declared': 'IngressClass {{name}}(컨트롤러 {{controller}})',
  'class-name-unknown': 'ingressClassName {{className}}은(는) ingress-nginx가 아는 IngressClass가 아닙니다',
  'class-name-selects': 'ingressClassName이 {{ingressClass}}을(를) 선택합니다',
  'class-name-selects-other': 'ingressClassName이 {{ingressClass}}을(를) 선택하는데, 그 컨트롤러는 {{controller}}이(가) 아닙니다',
  'class-annotation-matches': '어노테이션 {{annotation}}: {{value}}이(가) --ingress-class={{ingressClass}}와(과) 일치합니다',
  'class-annotation-other': '어노테이션 {{annotation}}: {{value}}은(는) {{ingressClass}}이(가) 아닙니다',
  'class-default-ambiguous': '기본 IngressClass가 둘 이상입니다. API 서버는 클래스가 없는 Ingress를 거부합니다',
  'class-default-missing': '클래스가 지정되지 않았고 기본 IngressClass도 없어서 ingress-nginx가 무시합니다',
  'class-default-selects': '클래스가 지정되지 않았고, 클러스터 기본값은 {{ingressClass}}입니다',
  'class-default-other': '클래스가 지정되지 않았고, 클러스터 기본값인 {{ingressClass}}의 컨트롤러는 {{controller}}이(가) 아닙니다',
  'ingress-not-served': 'ingress-nginx는 이 Ingress를 처리하지 않습니다: {{reason}}.',

  'annotation-not-boolean': '{{annotation}}은(는) true 또는 false여야 합니다. ingress-nginx는 "{{value}}"을(를) 무시합니다.',
  'annotation-not-integer': '{{annotation}}은(는) 정수여야 합니다. ingress-nginx는 "{{value}}"을(를) 무시합니다.',
  'rewrite-target-invalid': 'rewrite-target "{{value}}"에 ingress-nginx가 허용하지 않는 문자가 있어 무시됩니다.',
  'app-root-invalid': 'app-root "{{value}}"은(는) /app1 같은 경로여야 합니다. 이 값은 무시됩니다.',
  'redirect-not-url': '{{annotation}}은(는) http 또는 https URL이어야 합니다. "{{value}}"은(는) 무시됩니다.',
  'canary-not-enabled': 'canary: "true" 없이 쓴 canary-* 어노테이션은 잘못된 카나리 설정이므로 ingress-nginx가 무시합니다.',
  'annotation-of-other-controller': '{{annotation}}은(는) NGINX Inc.의 컨트롤러(nginx/kubernetes-ingress)용 어노테이션이라 ingress-nginx는 무시합니다. {{prefix}}* 어노테이션을 사용하세요.',
  'rewrite-target-variable': 'rewrite-target이 nginx 변수 {{variable}}을(를) 사용합니다. 스튜디오는 캡처 그룹($1–$9)만 재현하므로 이 변수는 빈 값으로 처리합니다.',
  'configmap-invalid-value': 'ConfigMap 키 {{key}}의 값 "{{value}}"이(가) 올바르지 않아 기본값을 사용합니다.',

  'default-backend-own-hosts': 'ingress-nginx는 이 defaultBackend를 이 Ingress가 만든 호스트에만 사용합니다. 다른 호스트로 오는 요청은 여전히 컨트롤러의 404를 받습니다(스펙과 다른 점 D5).',
  'resource-default-backend-ignored': 'ingress-nginx는 resource 백엔드를 무시하고, 대신 컨트롤러의 404 백엔드가 응답합니다.',
  'resource-path-backend-skipped': 'ingress-nginx는 resource 백엔드를 가리키는 경로를 건너뜁니다. 이 경로로 오는 요청은 호스트의 기본 백엔드가 받습니다.',
  'path-listed-twice': '호스트 {{host}}의 경로 {{path}}({{pathType}})가 이 Ingress에 두 번 나옵니다. ingress-nginx는 첫 번째 것을 사용합니다.',
  'path-defined-by-older': '호스트 {{host}}의 경로 {{path}}({{pathType}})는 더 오래된 Ingress {{ingress}}이(가) 이미 정의했습니다. ingress-nginx는 이 경로를 무시합니다(스펙과 다른 점 D7, 어드미션 웹훅이라면 거부합니다).',
  'path-defined-by-another': '호스트 {{host}}의 경로 {{path}}({{pathType}})는 더 오래된 다른 Ingress가 이미 정의했습니다. ingress-nginx는 이 경로를 무시합니다(스펙과 다른 점 D7, 어드미션 웹훅이라면 거부합니다).',
  'location-duplicate': '이 경로는 호스트 {{host}}에서 location {{location}}(으)로 렌더링되는데, Ingress {{ingress}}이(가) 이미 같은 location을 렌더링합니다. nginx는 중복 location을 거부하므로 ingress-nginx가 설정을 불러올 수 없습니다(스튜디오는 첫 번째 것을 유지합니다).',
  'location-duplicate-of-controller': '이 경로는 호스트 {{host}}에서 location {{location}}(으)로 렌더링되는데, 컨트롤러가 이미 같은 location을 렌더링합니다. nginx는 중복 location을 거부하므로 ingress-nginx가 설정을 불러올 수 없습니다(스튜디오는 첫 번째 것을 유지합니다).',
  'location-regex-unsupported': 'location 정규식 ^{{path}}은(는) 여기서 평가할 수 없습니다({{reason}}). 스튜디오는 이 location이 절대 일치하지 않는 것으로 처리합니다.',
  'host-regex-enforced': 'Ingress {{ingress}}의 {{annotation}} 때문에 호스트 {{host}}의 모든 경로가 대소문자를 구분하지 않는 정규식 접두사(~* "^path")가 되며, 이 Ingress의 경로도 마찬가지입니다. 여기서는 Exact와 Prefix가 원래 의미를 잃습니다(스펙과 다른 점 D2).',

  'canary-all-canaries': '처리되는 Ingress가 모두 카나리라서 ingress-nginx가 어느 것도 병합하지 않습니다. 이 카나리는 트래픽을 받지 못합니다.',
  'canary-upstream-deleted': '{{why}} ingress-nginx가 카나리 업스트림 {{upstream}}을(를) 삭제하므로 이 카나리는 트래픽을 받지 못합니다.',
  'canary-default-backend-unmatched': 'catch-all 서버의 어떤 location도 이 카나리 defaultBackend가 대신할 수 있는 Service를 사용하지 않습니다.',
  'canary-path-unmatched': '호스트 {{host}}, 경로 {{path}}({{pathType}})를 처리하는 기본(primary) Ingress가 없습니다.',
  'canary-host-unserved': '호스트 {{host}}을(를) 처리하는 Ingress가 없어서 이 카나리 경로에는 대신할 기본(primary) 경로가 없습니다.',

  'strict-path-rejected': 'ingress-nginx 어드미션 웹훅은 {{pathType}} 경로 {{path}}을(를) 거부합니다. strict-validate-path-type(컨트롤러 v1.12부터 기본으로 켜짐)이 켜져 있으면 {{pathType}} 경로에는 영문자, 숫자, \'._/-\'만 쓸 수 있습니다. 정규식을 쓰려면 pathType ImplementationSpecific이 필요합니다.',
  'legacy-path-injection': 'v1.15.0 이전의 ingress-nginx는 경로 {{path}}을(를) nginx.conf에 그대로 씁니다({{line}}). nginx는 이를 하나의 location으로 읽지 않습니다. 따옴표, 끝의 백슬래시, 공백, ; 또는 {에서 경로가 일찍 끝나고 나머지는 설정으로 읽히므로 nginx -t가 실패하거나 지시어가 주입됩니다. v1.15.0 이후 버전은 경로를 이스케이프하며, 스튜디오의 nginx.conf는 경로를 따옴표로 감쌉니다.',

  'pcre-lone-backslash': '패턴이 짝 없는 백슬래시로 끝납니다',
  'pcre-wide-hex-escape': '0xff보다 큰 \\x{…} 이스케이프는 UTF-8 모드가 필요합니다',
  'pcre-g-reference': '\\g 형식은 지원하지 않습니다',
  'pcre-escape-unsupported': '\\{{letter}}에 대응하는 JavaScript 문법이 없습니다',
  'pcre-posix-class-unknown': 'POSIX 클래스 [:{{name}}:]을(를) 알 수 없습니다',
  'pcre-posix-class-negated': '부정 POSIX 클래스는 지원하지 않습니다',
  'pcre-group-unsupported': '그룹 (?{{group}}…에 대응하는 JavaScript 문법이 없습니다',
  'pcre-javascript-rejects': 'JavaScript가 컴파일할 수 없습니다({{detail}})',

  'regex-nested-quantifier': '수량자가 붙은 그룹 안에 또 수량자가 있어서, 문자가 하나 늘 때마다 텍스트를 나누는 방법이 두 배로 늘어납니다',
  'regex-ambiguous-alternation': '수량자가 붙은 선택(alternation)의 분기들이 같은 텍스트에 일치할 수 있어서, 일치 방법의 수가 지수적으로 늘어납니다',
}
