/** Korean translations of `../en/annotation.ts`. */
import type { ANNOTATION_MESSAGES } from '../en/annotation'
import type { KoreanOf } from '../ko-catalog'

export const ANNOTATION_MESSAGES_KO: KoreanOf<typeof ANNOTATION_MESSAGES> = {
  'annotation-validation-default': '컨트롤러 v1.12부터 --enable-annotation-validation이 기본으로 켜져 있음',
  'annotation-validation-deployment': 'Deployment {{deployment}}의 --enable-annotation-validation={{value}}',
  'annotation-validation-override-on': '스튜디오에서 어노테이션 검증을 켬',
  'annotation-validation-override-off': '스튜디오에서 어노테이션 검증을 끔',
  'annotation-risk-level-default': '컨트롤러 v1.12부터 annotations-risk-level 기본값은 High',
  'annotation-snippets-default': '컨트롤러 v1.9부터 allow-snippet-annotations 기본값은 false',
  'annotation-setting-configmap': 'ConfigMap {{configMap}}의 {{key}}',
  'annotation-setting-override': '스튜디오에서 설정한 {{key}}',

  'annotation-rejected-validation': '{{annotation}} "{{value}}"이(가) 검증기 {{validator}}을(를) 통과하지 못해({{validation}}) 컨트롤러가 Ingress 전체를 거부합니다. 어드미션 웹훅이 거부하고 컨트롤러도 이 Ingress를 건너뜁니다',
  'annotation-rejected-risk': '{{annotation}}은(는) 위험도 {{risk}} 어노테이션으로 annotations-risk-level {{level}}보다 높아서({{where}}) 컨트롤러가 Ingress 전체를 거부합니다. 어드미션 웹훅이 거부하고 컨트롤러도 이 Ingress를 건너뜁니다',
  'annotation-rejected-snippet': '{{annotation}}은(는) 스니펫인데 스니펫이 허용되지 않아서({{where}}) 어드미션 웹훅이 Ingress를 거부합니다',
  'annotation-rejected-nginx-test': '{{annotation}} "{{value}}"은(는) nginx.conf에 그대로 들어가는데 {{variables}}은(는) nginx가 아는 변수로 읽을 수 없습니다. nginx -t가 실패하고, 새 Ingress마다 설정을 검사하는 어드미션 웹훅이 Ingress 전체를 거부합니다',

  'annotation-refused-default': '{{annotation}} "{{value}}"이(가) 검증기 {{validator}}을(를) 통과하지 못해({{validation}}) 컨트롤러가 이 값을 무시하고 기본값을 씁니다.',
  'redirect-dropped-not-http': '{{annotation}} "{{value}}"은(는) http/https URL이 아니라서(redirect.go isValidURL) ingress-nginx가 이 Ingress의 리다이렉트 설정 전체를 버립니다. from-to-www-redirect와 relative-redirects도 함께 사라집니다.',
  'redirect-dropped-unreadable': '{{annotation}} "{{value}}"을(를) 읽을 수 없어서 ingress-nginx가 이 Ingress의 리다이렉트 설정 전체(temporal/permanent-redirect, from-to-www-redirect, relative-redirects)를 버립니다.',
  'redirect-code-out-of-range': '{{annotation}} {{value}}은(는) {{low}}–{{high}} 범위 밖이라 ingress-nginx는 {{code}}을(를) 씁니다.',

  'annotation-rejected-lint': '{{reason}}.',
  'fix-remove-redirect-variables': 'nginx 변수 빼기: {{value}}',
  'fix-remove-annotation': '어노테이션 {{annotation}} 삭제',
  'fix-set-annotation': '{{annotation}}을(를) {{value}}(으)로 설정',

  'trace-redirect-absolute': 'Ingress {{ingress}}의 {{annotation}}: nginx가 Location {{url}}로 {{code}}을(를) 응답합니다. 요청 경로는 붙지 않습니다.',
  'trace-redirect-made-absolute': 'Ingress {{ingress}}의 {{annotation}}: nginx가 {{code}}을(를) 응답하면서 {{url}}을(를) 요청 기준 절대 주소로 바꿉니다(absolute_redirect on, relative-redirects off). {{scheme}}://와 포트를 뺀 Host 헤더를 붙여 {{location}}이(가) 됩니다.',
  'trace-redirect-kept-relative': 'Ingress {{ingress}}의 {{annotation}}: absolute_redirect가 꺼져 있어서({{why}}) nginx가 Location {{url}}을(를) 쓴 그대로 두고 {{code}}을(를) 응답합니다.',
  'trace-redirect-body': 'Ingress {{ingress}}의 {{annotation}}: {{code}}은(는) nginx가 Location을 붙이는 코드(301, 302, 303, 307, 308)가 아니어서, nginx는 "{{url}}"을(를) 응답 본문으로 보내며 {{code}}을(를) 응답합니다.',
  'trace-redirect-variables': '어노테이션 검증이 꺼져 있어서({{validation}}) 값이 변수째로 nginx에 전달되고 nginx가 변수를 펼칩니다. {{url}} → {{expanded}}.',
  'trace-relative-by-annotation': 'Ingress {{ingress}}의 relative-redirects 어노테이션',
  'trace-relative-by-configmap': '컨트롤러 ConfigMap의 relative-redirects',
  'trace-auto-redirect-relative': '이 location에서는 absolute_redirect가 꺼져 있어서({{why}}) nginx가 그 Location을 상대 주소로 둡니다.',
  'trace-answer-body': '응답: {{status}}, 본문 "{{body}}".',
  'trace-rejected-ingress': 'Ingress {{ingress}}에 이 요청에 맞는 규칙({{pathType}} {{path}})이 있지만 처리되지 않습니다: {{reason}}.',

  'custom-headers-configmap-missing': '{{annotation}}이(가) 가리키는 ConfigMap {{configMap}}이(가) 입력에 없습니다. 클러스터에도 없으면 컨트롤러가 이 Ingress의 모든 location을 거부하고 503으로 응답합니다(값은 namespace/name 형식).',
  'custom-headers-invalid-name': '{{annotation}}: ConfigMap {{configMap}}의 키 "{{header}}"은(는) 헤더 이름(영문자, 숫자, -, _)이 아니므로 컨트롤러가 이 Ingress의 모든 location을 거부하고 503으로 응답합니다.',
  'custom-headers-invalid-value': '{{annotation}}: ConfigMap {{configMap}}의 "{{header}}" 값이 비었거나 컨트롤러가 거부하는 문자가 있어 이 Ingress의 모든 location이 거부되고 503으로 응답합니다.',
  'custom-headers-not-allowed': '{{annotation}}: ConfigMap {{configMap}}의 헤더 "{{header}}"이(가) 컨트롤러 ConfigMap의 global-allowed-response-headers(기본값은 비어 있음)에 없으므로 컨트롤러가 이 Ingress의 모든 location을 거부하고 503으로 응답합니다.',
  'table-redirect-relative': 'Location은 상대 주소(absolute_redirect off)',
  'table-redirect-body': 'return {{code}}: "{{url}}"을(를) 본문으로, Location 없음',
  'table-redirect-made-absolute': 'Location은 요청 Host로 절대 주소가 됨',
}
