/** Korean translations of `../en/lint.ts`. */
import type { LINT_MESSAGES } from '../en/lint'
import type { KoreanOf } from '../ko-catalog'

export const LINT_MESSAGES_KO: KoreanOf<typeof LINT_MESSAGES> = {
  'lint-none': '없음',
  'lint-names-and-more': '{{names}} 외 {{more}}개',

  'readiness-probe-missing': '컨테이너 {{container}}은(는) Service {{services}}의 트래픽을 받지만 readinessProbe가 없습니다. 그래서 앱이 요청을 받을 준비가 되기 전, 시작하자마자 트래픽을 받습니다. 서비스 포트에 readinessProbe를 추가하세요.',
  'liveness-same-as-readiness': '{{container}}의 livenessProbe가 readinessProbe와 같은 검사입니다. 바쁜 파드가 엔드포인트에서 잠시 빠지는 대신 재시작됩니다. liveness가 더 늦게 실패하도록 하거나(예: failureThreshold {{threshold}}) 다른 것을 검사하세요.',
  'probe-port-name-undefined': '{{probe}}가 포트 이름 "{{port}}"을(를) 쓰지만 컨테이너 {{container}}에는 그런 포트가 정의되어 있지 않습니다(포트: {{ports}}). 이 프로브는 항상 실패합니다.',
  'probe-port-not-exposed': '{{probe}}가 검사하는 포트 {{port}}을(를) 컨테이너 {{container}}가 노출하지 않습니다(포트: {{ports}}). 앱이 실제로 수신하는 포트를 검사하세요.',
  'liveness-kills-slow-start': '{{container}}은(는) 시작하는 데 약 {{slowness}}초가 걸리지만 livenessProbe가 {{killedAfter}}초 뒤에 컨테이너를 종료시킵니다. 재시작이 끝없이 반복됩니다. 시작 시간을 허용하는 startupProbe를 추가하세요.',
  'liveness-delays-hang-detection': '{{container}}은(는) 느리게 시작합니다(initialDelaySeconds {{slowness}}). startupProbe 없이 livenessProbe만 있으면 이 지연 때문에 앱이 멈춘 것도 늦게 알아챕니다. startupProbe를 추가하고 liveness 지연을 없애세요.',
  'readiness-too-slow': '{{deployment}}의 새 파드는 시작 후 빨라도 {{available}}초(프로브 지연)가 지나야 사용 가능해지며, progressDeadlineSeconds {{deadline}}초 안에 준비되지 않습니다. 모든 롤아웃이 ProgressDeadlineExceeded를 보고하게 됩니다. 지연을 줄이거나 progressDeadlineSeconds를 {{raised}}(으)로 늘리세요.',
  'readiness-too-slow-min-ready': '{{deployment}}의 새 파드는 시작 후 빨라도 {{available}}초(프로브 지연과 minReadySeconds)가 지나야 사용 가능해지며, progressDeadlineSeconds {{deadline}}초 안에 준비되지 않습니다. 모든 롤아웃이 ProgressDeadlineExceeded를 보고하게 됩니다. 지연을 줄이거나 progressDeadlineSeconds를 {{raised}}(으)로 늘리세요.',

  'service-target-port-missing': 'targetPort "{{port}}"은(는) Deployment {{deployments}}의 containerPort 이름이 아닙니다. 그 파드들은 이 포트로 트래픽을 받지 못합니다. 컨테이너 포트에 이름을 붙이거나 포트 번호를 쓰세요.',

  'wildcard-host-apex': '{{host}}은(는) 레이블 하나만 더 붙은 이름(예: www.{{apex}})에만 일치하며, {{apex}} 자체나 a.b.{{apex}}에는 일치하지 않습니다. {{apex}}도 처리해야 한다면 규칙을 추가하세요.',
  'catastrophic-regex-path': '정규식 경로 "{{path}}"에서 치명적인 백트래킹이 일어날 수 있습니다({{reason}}). 거의 일치하는 URL에서 PCRE는 일치 한도인 10,000,000단계에서 멈추고 nginx는 500으로 응답하며, 요청마다 CPU를 약 0.5초씩 씁니다. 연속된 문자에는 수량자를 하나만 쓰고(예: (a+)+ 대신 a+), 같은 텍스트에 일치할 수 없는 선택지를 쓰세요.',
  'catastrophic-regex-canary': 'canary-by-header-pattern "{{pattern}}"에서 치명적인 백트래킹이 일어날 수 있습니다({{reason}}). 거의 일치하는 헤더 값에서 PCRE는 일치 한도에서 멈추고, ingress-nginx의 Lua는 쿠키와 가중치를 건너뛰고 요청을 기본(primary) 백엔드로 보냅니다. 연속된 문자에는 수량자를 하나만 쓰고, 같은 텍스트에 일치할 수 없는 선택지를 쓰세요.',

  'prestop-missing-hook': '컨테이너 {{container}}은(는) Ingress 뒤에 있지만 preStop 훅이 없습니다. 스케일 다운할 때 ingress-nginx가 아직 요청을 보내는 중에 SIGTERM을 받으므로 그 요청들이 502로 실패합니다. {{seconds}}초짜리 preStop sleep을 추가하세요.',
  'prestop-zero-hook': '컨테이너 {{container}}은(는) Ingress 뒤에 있지만 preStop 훅이 0초 만에 끝납니다. ingress-nginx가 아직 요청을 보내는 중에 SIGTERM이 바로 오므로 그 요청들이 502로 실패합니다. {{seconds}}초짜리 sleep으로 바꾸세요.',
  'grace-cut-off': 'terminationGracePeriodSeconds {{grace}}이(가) {{container}}의 {{seconds}}초짜리 preStop보다 길지 않습니다. kubelet은 훅을 {{grace}}초만 기다린 뒤 SIGTERM을 보내면서 {{extension}}초를 한 번 더 주고, {{extension}}초 뒤에 SIGKILL을 보냅니다. 그래서 앱이 요청을 마무리할 시간은 {{extension}}초뿐입니다. 최소 {{target}}(으)로 늘리세요.',
  'grace-short-drain': 'terminationGracePeriodSeconds {{grace}}(으)로는 {{container}}의 {{seconds}}초짜리 preStop이 끝난 뒤 SIGKILL까지 처리 중인 요청에 {{left}}초만 남습니다. {{target}}(으)로 늘리세요.',
  'rollout-zero-capacity_other': '레플리카 {{count}}개에 maxUnavailable {{maxUnavailable}}이면 업데이트가 새 파드가 준비되기 전에 서비스 중인 파드를 모두 멈출 수 있고, 그동안 ingress-nginx는 503으로 응답합니다. maxUnavailable을 0으로, maxSurge를 1 이상으로 설정하세요.',
  'rollout-capacity-dip': '업데이트 중에는 파드 {{replicas}}개 중 {{left}}개만 서비스합니다(maxUnavailable {{maxUnavailable}}은(는) {{resolved}}(으)로 계산됩니다). 용량을 그대로 유지하려면 maxUnavailable을 0으로, maxSurge를 1로 설정하세요.',
  'recreate-behind-ingress': 'Deployment {{deployment}}은(는) Ingress 뒤에 있는데 Recreate 전략을 씁니다. 업데이트할 때마다 새 파드가 시작되기 전에 모든 파드가 멈추므로 그동안 호스트가 503으로 응답합니다. maxSurge 1, maxUnavailable 0인 RollingUpdate를 쓰세요(두 버전이 절대 함께 실행되면 안 되는 경우는 제외).',

  'tls-host-not-in-rules': 'TLS 호스트 {{host}}은(는) 이 Ingress의 규칙 호스트가 아닙니다(규칙: {{rules}}). 인증서는 받지만 라우트가 없습니다. 철자를 고치거나 이 호스트에 대한 규칙을 추가하세요.',
  'tls-secret-missing': 'Secret {{secret}}이(가) 매니페스트에 없습니다(네임스페이스 {{namespace}}). 클러스터에도 없다면 ingress-nginx는 {{hosts}}에 자체 가짜 인증서를 제공합니다.',
  'tls-secret-missing-no-hosts': 'Secret {{secret}}이(가) 매니페스트에 없습니다(네임스페이스 {{namespace}}). 클러스터에도 없다면 ingress-nginx는 이 호스트들에 자체 가짜 인증서를 제공합니다.',
  'tls-secret-unusable': '{{problem}}. ingress-nginx는 Secret {{secret}}을(를) 쓸 수 없어서 대신 자체 가짜 인증서를 제공합니다.',
  'tls-secret-no-certificate': 'Secret {{secret}}은(는) TLS에 쓰이지만 tls.crt가 없습니다. tls.crt와 tls.key를 가진 kubernetes.io/tls 타입으로 만드세요.',
  'tls-host-not-covered': 'Secret {{secret}}의 인증서는 {{host}}을(를) 포함하지 않습니다(인증서의 이름: {{names}}). 클라이언트는 인증서 오류를 받습니다. 이 호스트가 들어간 인증서를 발급하세요.',
  'tls-host-not-covered-cn-only': 'Secret {{secret}}의 인증서는 {{host}}을(를) 포함하지 않습니다(subjectAltName이 없고 브라우저가 무시하는 CN={{commonName}}만 있습니다). 클라이언트는 인증서 오류를 받습니다. 이 호스트가 들어간 인증서를 발급하세요.',
  'tls-cert-expired': 'Secret {{secret}}의 인증서가 {{date}}에 만료되었습니다. 갱신하세요(이 Secret 하나만 바꾸면 모든 호스트가 갱신됩니다).',
  'tls-cert-expired-for-hosts': '{{hosts}}에 쓰이는 Secret {{secret}}의 인증서가 {{date}}에 만료되었습니다. 갱신하세요(이 Secret 하나만 바꾸면 모든 호스트가 갱신됩니다).',
  'tls-cert-not-yet-valid': 'Secret {{secret}}의 인증서는 {{date}}부터 유효합니다. 그때까지 클라이언트는 이 인증서를 거부합니다.',
  'tls-cert-expiring_other': 'Secret {{secret}}의 인증서가 {{date}}, {{count}}일 뒤에 만료됩니다({{threshold}}일 미만). 곧 갱신하세요.',
  'tls-cert-expiring-for-hosts_other': '{{hosts}}에 쓰이는 Secret {{secret}}의 인증서가 {{date}}, {{count}}일 뒤에 만료됩니다({{threshold}}일 미만). 곧 갱신하세요.',
  'tls-key-mismatch': 'Secret {{secret}}의 tls.key가 인증서({{subject}})의 키가 아닙니다. ingress-nginx는 이 쌍을 거부하고 자체 가짜 인증서를 제공합니다. 맞는 키(또는 인증서)를 Secret에 넣으세요.',
}
