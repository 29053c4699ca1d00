/** Korean translations of `../en/quick-fix.ts`. */
import type { QUICK_FIX_MESSAGES } from '../en/quick-fix'
import type { KoreanOf } from '../ko-catalog'

export const QUICK_FIX_MESSAGES_KO: KoreanOf<typeof QUICK_FIX_MESSAGES> = {
  'fix-convert-api-version': '{{apiVersion}} 버전으로 변환',
  'fix-convert-current-version': '현재 API 버전으로 변환',
  'fix-path-type-implementation-specific': 'pathType을 ImplementationSpecific으로 변경(정규식 문자가 있는 경로에 필요)',

  'fix-readiness-http': '포트 {{port}}에 httpGet readinessProbe 추가',
  'fix-readiness-tcp': '포트 {{port}}에 tcpSocket readinessProbe 추가',
  'fix-liveness-failure-threshold': 'livenessProbe failureThreshold 설정: {{threshold}}',
  'fix-add-startup-probe': 'startupProbe({{attempts}} × {{period}}초) 추가, liveness는 0초부터 시작',
  'fix-probe-port': '프로브 포트 설정: {{port}}',
  'fix-prestop-sleep-action': 'preStop sleep {{seconds}}초 추가(sleep 액션, Kubernetes 1.30 이상)',
  'fix-prestop-exec-sleep': 'preStop exec "sleep {{seconds}}" 추가(이미지에 sleep 바이너리 필요)',
  'fix-prestop-replace-sleep': '훅을 preStop sleep {{seconds}}초로 교체(sleep 액션, Kubernetes 1.30 이상)',
  'fix-grace-period': 'terminationGracePeriodSeconds 설정: {{seconds}}',
  'fix-progress-deadline': 'progressDeadlineSeconds 설정: {{seconds}}',
  'fix-rolling-update': 'RollingUpdate로 전환(maxSurge 1, maxUnavailable 0)',
  'fix-max-unavailable-zero': 'maxUnavailable을 0으로 설정',
  'fix-max-unavailable-zero-surge-one': 'maxUnavailable을 0, maxSurge를 1로 설정',
  'fix-use-service': 'Service {{service}} 사용',
  'fix-use-service-port': 'Service {{service}}의 포트 {{port}} 사용',
  'fix-select-deployment-pods': 'Deployment {{deployment}}의 Pod 선택',
  'fix-target-port': 'targetPort 설정: {{port}}',
  'fix-capture-rest-of-path': '각 경로의 나머지를 캡처($2)',
  'fix-remove-tls-host': 'tls hosts에서 {{host}} 제거',
}
