/** Korean translations of `../en/tls.ts`. */
import type { TLS_MESSAGES } from '../en/tls'
import type { KoreanOf } from '../ko-catalog'

export const TLS_MESSAGES_KO: KoreanOf<typeof TLS_MESSAGES> = {
  'tls-field-problem': '{{field}}: {{problem}}',
  'tls-crt-no-certificate': 'tls.crt에 CERTIFICATE 블록이 없습니다',
  'pem-block-has-headers': '{{label}} 블록에 헤더가 있습니다(암호화된 키일 수 있습니다). ingress-nginx는 암호화되지 않은 키가 필요합니다',
  'pem-block-bad-base64': '{{label}} 블록이 올바른 base64가 아닙니다({{detail}})',
  'pem-no-block': 'PEM 블록(-----BEGIN …-----)을 찾을 수 없습니다',
  'certificate-not-x509': 'X.509 인증서가 아닙니다({{detail}})',
  'certificate-extension-malformed': '인증서 확장 필드의 형식이 잘못되었습니다({{detail}})',
  'private-key-missing': 'PRIVATE KEY 블록이 없습니다',
  'private-key-unsupported': 'ingress-nginx는 {{label}} 키를 지원하지 않습니다(암호화되지 않은 키가 필요합니다)',
  'private-key-malformed': '{{label}} 블록의 형식이 잘못되었습니다({{detail}})',
}
