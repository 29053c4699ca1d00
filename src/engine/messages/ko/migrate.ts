/** Korean translations of `../en/migrate.ts`. */
import type { MIGRATE_MESSAGES } from '../en/migrate'
import type { KoreanOf } from '../ko-catalog'

export const MIGRATE_MESSAGES_KO: KoreanOf<typeof MIGRATE_MESSAGES> = {
  'migrate-api-version': 'apiVersion {{from}} → {{to}}',
  'migrate-selector-written': '템플릿 레이블로 spec.selector를 작성했습니다(apps/v1에서는 필수입니다)',
  'migrate-max-surge-written': 'maxSurge 1을 명시했습니다(apps/v1의 기본값은 25%입니다)',
  'migrate-max-unavailable-written': 'maxUnavailable 1을 명시했습니다(apps/v1의 기본값은 25%입니다)',
  'migrate-history-unlimited': 'revisionHistoryLimit {{limit}}을(를) 명시했습니다(무제한, apps/v1이라면 10개만 남깁니다)',
  'migrate-history-old-default': 'revisionHistoryLimit {{limit}}을(를) 명시했습니다(apps/v1beta1의 기본값, apps/v1이라면 10개를 남깁니다)',
  'migrate-no-deadline': 'progressDeadlineSeconds {{seconds}}을(를) 명시했습니다(기한 없음, apps/v1이라면 600으로 설정합니다)',
  'migrate-labels-written': '템플릿 레이블로 metadata.labels를 작성했습니다(이전 버전이 기본값으로 넣던 것과 같습니다)',
  'migrate-rollback-to-removed': 'spec.rollbackTo를 삭제했습니다(apps/v1에는 없습니다. kubectl rollout undo를 쓰세요)',
  'migrate-default-backend': 'spec.backend → spec.defaultBackend',
  'migrate-backends_other': '백엔드 {{count}}개 → service.name / service.port',
  'migrate-path-type_other': '경로 {{count}}개에 pathType {{pathType}}을(를) 명시했습니다(ingress-nginx는 이전 기본값 ImplementationSpecific을 Prefix로 라우팅했습니다)',
  'migrate-class-kept-invalid': '어노테이션 {{annotation}}을(를) 유지했습니다: "{{value}}"은(는) 올바른 ingressClassName이 아닙니다',
  'migrate-class-kept-controller': '어노테이션 {{annotation}}: {{value}}을(를) 유지했습니다: ingressClassName으로 바꾸면 이 Ingress를 처리하는 컨트롤러가 달라집니다',
  'migrate-class-moved': '어노테이션 {{annotation}}: {{value}} → spec.ingressClassName',
}
