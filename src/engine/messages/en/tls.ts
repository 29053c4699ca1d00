/** English templates of the engine's tls messages (see ../catalog.ts for the syntax). */
export const TLS_MESSAGES = {
  // Why a TLS Secret's data cannot be read (inspect-secret.ts and the readers; shown on the certificate card
  // and inside the tls-secret-invalid finding). `detail` is the parser's own error text, kept as it is.
  'tls-field-problem': '{{field}}: {{problem}}',
  'tls-crt-no-certificate': 'tls.crt holds no CERTIFICATE block',
  'pem-block-has-headers': 'the {{label}} block has headers (an encrypted key?); ingress-nginx needs it unencrypted',
  'pem-block-bad-base64': 'the {{label}} block is not valid base64 ({{detail}})',
  'pem-no-block': 'no PEM block (-----BEGIN …-----) found',
  'certificate-not-x509': 'not an X.509 certificate ({{detail}})',
  'certificate-extension-malformed': 'a certificate extension is malformed ({{detail}})',
  'private-key-missing': 'no PRIVATE KEY block',
  'private-key-unsupported': '{{label}} keys are not supported by ingress-nginx (it needs an unencrypted key)',
  'private-key-malformed': 'the {{label}} block is malformed ({{detail}})',
} as const satisfies Record<string, string>
