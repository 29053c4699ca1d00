/**
 * Korean translations of `../en/rollout.ts`. Events and conditions are explained here in Korean; the views keep
 * Kubernetes' English wording beside them (marked `lang="en"`), since that is what `kubectl` prints.
 */
import type { ROLLOUT_MESSAGES } from '../en/rollout'
import type { KoreanOf } from '../ko-catalog'

export const ROLLOUT_MESSAGES_KO: KoreanOf<typeof ROLLOUT_MESSAGES> = {
  'cause-no-endpoints': '인그레스가 보기에 ready 엔드포인트인 파드가 하나도 없어서 ingress-nginx가 503으로 응답했습니다.',
  'cause-app-not-started': '파드는 Ready였지만 앱이 아직 리스닝하지 않았습니다.',
  'cause-app-not-started-no-probe':
    '파드에 readinessProbe가 없어서 컨테이너가 시작되자마자 Ready가 되었습니다(그래서 트래픽을 받았고, 컨트롤러는 이전 파드를 지웠습니다). 앱은 그보다 {{appStart}}초 뒤에야 리스닝했습니다.',
  'cause-app-not-started-no-probe-never':
    '파드에 readinessProbe가 없어서 컨테이너가 시작되자마자 Ready가 되었습니다(그래서 트래픽을 받았고, 컨트롤러는 이전 파드를 지웠습니다). 하지만 앱은 끝내 리스닝하지 않았습니다.',
  'cause-listener-closed': 'SIGTERM으로 앱의 리스너가 닫혔는데도 인그레스는 계속 요청을 보냈습니다(종료 중인 파드를 {{lag}}초 뒤에야 뺍니다).',
  'cause-pod-gone': '파드가 이미 종료됐는데도 인그레스는 계속 요청을 보냈습니다(종료 중인 파드를 삭제 후 {{lag}}초가 지나야 뺍니다).',
  'cause-container-restarting': '프로브 실패로 컨테이너가 재시작되는 동안에도 인그레스는 계속 요청을 보냈습니다.',
  'cause-killed-on-sigterm': '앱이 SIGTERM을 받자마자 종료되어 처리 중이던 요청이 리셋되었습니다.',
  'cause-killed-at-grace-end-ignored': '앱이 SIGTERM을 무시하다가 grace period({{grace}}초)가 끝날 때 SIGKILL로 죽었고, 처리 중이던 요청이 리셋되었습니다.',
  'cause-killed-at-grace-end':
    '앱이 드레인을 마치기 전에 SIGKILL이 왔습니다: preStop({{preStop}}초)과 종료 처리가 terminationGracePeriodSeconds({{grace}}초) 안에 끝나지 않았습니다.',
  'cause-killed-at-grace-end-assumed':
    '앱이 드레인을 마치기 전에 SIGKILL이 왔습니다: preStop({{preStop}}초로 가정, --prestop-http)과 종료 처리가 terminationGracePeriodSeconds({{grace}}초) 안에 끝나지 않았습니다.',
  'cause-killed-by-probe': '요청을 처리하던 중에 liveness(또는 startup) 프로브 실패로 컨테이너가 죽었습니다.',
  'cause-upstream-timeout': '앱의 응답이 ingress-nginx의 proxy-read-timeout({{timeout}}초)보다 오래 걸려 인그레스가 504로 응답했습니다.',
  'cause-client-timeout': '클라이언트 타임아웃({{timeout}}초) 안에 응답이 오지 않았습니다.',

  'remedy-rolling-update-instead-of-recreate':
    'Recreate는 새 파드를 띄우기 전에 이전 파드를 모두 멈추므로 중단이 생길 수밖에 없습니다. RollingUpdate에 maxSurge 1, maxUnavailable 0을 쓰세요.',
  'remedy-keep-one-serving_other':
    '서빙하는 파드를 적어도 하나는 남겨 두세요: replicas − maxUnavailable이 1 이상이어야 합니다(지금은 {{count}} − {{maxUnavailable}}). 레플리카가 적으면 maxSurge 1, maxUnavailable 0을 쓰세요.',
  'remedy-probe-the-serving-port': 'readinessProbe가 실제 서빙 포트와 경로를 확인하게 하세요. 그래야 서빙할 수 있을 때만 파드가 Ready가 됩니다.',
  'remedy-add-readiness-probe':
    '서빙 포트({{port}})에 readinessProbe를 추가하세요(예: 앱의 헬스 경로에 httpGet, 또는 tcpSocket). 그러면 트래픽과 롤아웃이 앱을 기다립니다.',
  'remedy-add-prestop':
    'SIGTERM 전에 엔드포인트 지연({{lag}}초)보다 오래 기다리는 preStop 훅을 추가하세요. 예: lifecycle.preStop.sleep.seconds: {{wait}}(Kubernetes 1.30 이상) 또는 exec ["sleep", "{{wait}}"].',
  'remedy-raise-prestop-sleep': 'preStop sleep({{current}}초)을 엔드포인트 지연({{lag}}초)보다 길게, 예를 들어 {{wait}}초로 늘리세요.',
  'remedy-raise-prestop-script':
    'preStop 스크립트가 {{current}}초 동안 sleep하는데, 엔드포인트 지연({{lag}}초)보다 짧습니다. 더 길게(예: {{wait}}초) sleep하게 하거나 lifecycle.preStop.sleep.seconds: {{wait}}를 쓰세요(제안하는 변경이며, 스크립트의 다른 명령은 빠집니다).',
  'remedy-raise-prestop-assumed':
    'preStop 훅의 시간은 앱에 달려 있어서 시뮬레이션은 {{current}}초로 가정했습니다(--prestop-http). 엔드포인트 지연({{lag}}초)보다 오래, 예를 들어 {{wait}}초 기다리게 하거나(--prestop-http {{wait}}로 시뮬레이션할 수 있습니다) sleep 훅을 쓰세요.',
  'remedy-drain-on-sigterm':
    'SIGTERM을 정상적으로 처리하세요: 새 연결을 받지 않고, 처리 중인 요청을 끝낸 뒤 종료합니다(그리고 preStop 훅으로 SIGTERM을 늦추세요).',
  'remedy-receive-sigterm':
    '서버가 SIGTERM을 받게 하세요(PID 1로 exec하거나 시그널을 전달하는 init을 쓰세요). 그리고 처리 중인 요청을 드레인하세요.',
  'remedy-raise-grace':
    'terminationGracePeriodSeconds({{current}}초)를 preStop({{preStop}}초) + 가장 긴 요청({{longest}}초) + 여유보다 길게, 적어도 {{suggested}}초로 늘리세요.',
  'remedy-add-startup-probe':
    '앱이 시작되기 전에 liveness 프로브가 포기합니다(앱은 {{appStart}}초 뒤에 리스닝합니다). startupProbe를 추가하거나(예: {{port}} 포트에 tcpSocket, periodSeconds {{period}}, failureThreshold {{threshold}}) liveness 프로브의 initialDelaySeconds나 failureThreshold를 늘리세요.',
  'remedy-add-startup-probe-never-starts':
    '앱이 시작되기 전에 liveness 프로브가 포기합니다. startupProbe를 추가하거나(예: {{port}} 포트에 tcpSocket, periodSeconds {{period}}, failureThreshold {{threshold}}) liveness 프로브의 initialDelaySeconds나 failureThreshold를 늘리세요.',
  'remedy-raise-proxy-read-timeout':
    'Ingress의 nginx.ingress.kubernetes.io/proxy-read-timeout({{current}}초)을 {{suggested}}로 늘리거나 요청을 더 빠르게 만드세요.',
  'remedy-raise-client-timeout': '클라이언트 타임아웃({{current}}초)을 {{suggested}}초로 늘리거나 요청을 더 빠르게 만드세요.',
  'remedy-rollout-stalled':
    '새 버전이 끝내 Ready가 되지 않아 롤아웃이 멈췄습니다(이전 파드가 계속 서빙합니다). 새 버전을 고치거나 `kubectl rollout undo`를 실행하세요.',
  'remedy-rollout-unfinished':
    '시뮬레이션한 시간 안에 롤아웃이 끝나지 않았습니다. --duration을 늘리거나, 새 파드가 왜 available이 되지 않는지 살펴보세요.',
  'remedy-removed-api-version':
    '{{apiVersion}} Deployment는 Kubernetes 1.16에서 제거되었습니다. apps/v1을 쓰세요(기본값이 다릅니다: progressDeadlineSeconds 600, revisionHistoryLimit 10).',

  'parameter-not-between': '{{name}}: {{min}}에서 {{max}} 사이여야 합니다(입력값: {{value}})',
  'parameter-not-number': '{{name}}: 숫자여야 합니다(입력값: {{value}})',
  'parameter-not-whole': '{{name}}: 정수여야 합니다(입력값: {{value}})',
  'parameter-not-boolean': '{{name}}: true 또는 false여야 합니다',
  'parameter-not-choice': '{{name}}: {{choices}} 중 하나여야 합니다(입력값: {{value}})',
  'parameter-not-set': '{{name}}: 값을 정해야 합니다',
  'parameter-not-text': '{{name}}: 텍스트여야 합니다(입력값: {{value}})',
  'parameter-not-time': '{{name}}: RFC 3339 시각이어야 합니다(입력값: {{value}})',
  'parameter-empty': '{{name}}: 비워 둘 수 없습니다',
  'choices-or': '{{head}}, {{last}}',

  'rollout-deployment-invalid': 'API 서버가 Deployment "{{name}}"을(를) 거부합니다: {{detail}}',
  'rollout-no-container': 'Deployment "{{name}}"에 실행할 컨테이너가 없습니다.',
  'rollout-too-many-replicas': 'replicas {{replicas}}이(가) 시뮬레이터의 한도 {{max}}을(를) 넘습니다.',
  'rollout-old-unready-above-replicas': 'oldUnready({{oldUnready}})는 replicas({{replicas}})보다 클 수 없습니다.',
  'rollout-too-many-requests': '요청 {{requests}}건은 시뮬레이터의 한도 {{max}}건을 넘습니다({{rateFlag}} 또는 {{durationFlag}} 값을 낮추세요).',
  'rollout-too-many-probe-attempts':
    '이 실행에는 프로브 시도가 약 {{attempts}}번 필요합니다(파드 {{pods}}개 × {{seconds}}초 × 파드·초당 {{perPodSecond}}번). 시뮬레이터의 한도 {{max}}번을 넘으면 실행이 즉시 끝나지 않습니다. replicas, {{durationFlag}}, {{rolloutAtFlag}} 값을 낮추거나 프로브를 덜 자주 하세요(periodSeconds).',
  'rollout-no-deployment': '매니페스트에 롤아웃할 Deployment가 없습니다.',
  'rollout-unknown-deployment': '매니페스트에 Deployment {{deployment}}이(가) 없습니다.',
  'rollout-rejected-input': 'API 서버가 이 매니페스트를 거부합니다({{line}}번째 줄): {{detail}}',

  'prestop-none': '없음',
  'prestop-sleep': '{{hook}}',
  'prestop-run': '{{hook}} ({{seconds}}초)',
  'prestop-assumed': '{{hook}} ({{seconds}}초로 가정, --prestop-http)',

  'event-scaled-up-replica-set': 'ReplicaSet {{replicaSet}}의 파드 수를 {{replicas}}개로 늘렸습니다',
  'event-scaled-down-replica-set': 'ReplicaSet {{replicaSet}}의 파드 수를 {{replicas}}개로 줄였습니다',
  'event-created-pod': '파드를 만들었습니다: {{pod}}',
  'event-deleted-pod': '파드를 삭제했습니다: {{pod}}',
  'event-scheduled': '파드 {{namespace}}/{{pod}}을(를) 노드 {{node}}에 배치했습니다',
  'event-pulling': '이미지를 내려받는 중입니다: "{{image}}"',
  'event-pulled': '이미지를 {{seconds}}초 만에 내려받았습니다: "{{image}}"',
  'event-created-container': '컨테이너를 만들었습니다: {{container}}',
  'event-started-container': '컨테이너를 시작했습니다: {{container}}',
  'event-stopping-container': '컨테이너를 멈추는 중입니다: {{container}}',
  'event-liveness-probe-restart': 'liveness 프로브가 실패해 컨테이너를 재시작합니다: {{container}}',
  'event-startup-probe-restart': 'startup 프로브가 실패해 컨테이너를 재시작합니다: {{container}}',
  'event-back-off': '실패한 컨테이너 {{container}}의 재시작을 미루고 있습니다(back-off, 파드 {{pod}})',
  'event-prestop-hook-failed': 'preStop 훅이 실패했습니다',
  'event-readiness-probe-failed': 'readiness 프로브가 실패했습니다: {{detail}}',
  'event-liveness-probe-failed': 'liveness 프로브가 실패했습니다: {{detail}}',
  'event-startup-probe-failed': 'startup 프로브가 실패했습니다: {{detail}}',
  'probe-error-http-status': 'HTTP 상태 코드 {{status}} 응답',
  'probe-error-http-refused': '{{url}} 요청 중 {{address}} 연결 거부됨(앱이 아직 포트를 열지 않음)',
  'probe-error-tcp-refused': '{{address}} 연결 거부됨(앱이 아직 포트를 열지 않음)',
  'probe-error-grpc-timeout': '{{seconds}}초 안에 서비스 {{address}}에 연결하지 못함',
  'probe-error-exec-exit': '명령이 종료 코드 {{code}}(으)로 끝남',

  'condition-new-replica-set-created': '새 ReplicaSet "{{replicaSet}}"을(를) 만들었습니다',
  'condition-replica-set-updated': 'ReplicaSet "{{replicaSet}}"의 롤아웃이 진행 중입니다.',
  'condition-new-replica-set-available': 'ReplicaSet "{{replicaSet}}"의 롤아웃이 끝났습니다.',
  'condition-progress-deadline-exceeded': 'ReplicaSet "{{replicaSet}}"의 롤아웃이 진행 기한(progressDeadlineSeconds)을 넘겼습니다.',
  'condition-deployment-paused': 'Deployment가 일시 중지되었습니다',
  'condition-minimum-replicas-available': 'Deployment가 최소 가용 파드 수를 채웠습니다.',
  'condition-minimum-replicas-unavailable': 'Deployment가 최소 가용 파드 수를 채우지 못했습니다.',
}
