import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { analyze } from '../analyze'
import { formatMessage } from '../messages/render'
import type { Secret } from '../model/types'
import { secretYaml } from '../testing/manifests'
import { secretOf } from '../testing/models'
import { SEED_MANIFEST } from '../../presets/seed'
import { buildCertificateReports } from './certificate-reports'
import { coveringName, nameCovers } from './host-coverage'
import { inspectSecret } from './inspect-secret'
import { readPem } from './read-pem'

const fixture = (name: string): string => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')
const day = 86_400_000

/**
 * A kubernetes.io/tls Secret through the model stage. Without `key` it is one the API server rejects (tls.key is
 * required) and the studio still inspects, so that error is expected.
 */
function secret(crt: string, key?: string): Secret {
  const text = secretYaml('s', { type: 'kubernetes.io/tls', stringData: { 'tls.crt': crt, ...(key === undefined ? {} : { 'tls.key': key }) } })
  return secretOf(text, { allowErrors: key === undefined ? ['required'] : [] })
}

function ok(result: ReturnType<typeof inspectSecret>) {
  if (result.kind !== 'ok') throw new Error(`expected a certificate, got ${JSON.stringify(result)}`)
  return result
}

describe('inspectSecret', () => {
  it('reads subject, issuer, names, validity and an RSA key that matches', () => {
    const result = ok(inspectSecret(secret(fixture('valid.crt'), fixture('valid.key'))))
    expect(result.certificate).toMatchObject({
      commonName: 'shop.example.com',
      issuer: 'CN=Ingress Studio Test CA, O=Ingress Studio',
      dnsNames: ['shop.example.com', 'www.shop.example.com'],
      notBefore: Date.UTC(2026, 0, 1),
      notAfter: Date.UTC(2036, 0, 1),
      selfSigned: false,
      isCA: false,
    })
    expect(result.certificate.subject).toContain('CN=shop.example.com')
    expect(result.certificate.subject).toContain('O=Example Shop')
    expect(result.certificate.publicKey.description).toBe('RSA 2048')
    expect(result.keyMatches).toBe(true)
    expect(result.chainLength).toBe(1)
  })

  it('tells a key that belongs to another certificate', () => {
    expect(ok(inspectSecret(secret(fixture('valid.crt'), fixture('mismatched.key')))).keyMatches).toBe(false)
    expect(ok(inspectSecret(secret(fixture('expired.crt'), fixture('wildcard.key')))).keyMatches).toBe(false)
  })

  it('matches EC keys in PKCS#8 and SEC1 form', () => {
    expect(ok(inspectSecret(secret(fixture('expired.crt'), fixture('expired.key')))).keyMatches).toBe(true)
    expect(ok(inspectSecret(secret(fixture('expired.crt'), fixture('expired-sec1.key')))).keyMatches).toBe(true)
    expect(ok(inspectSecret(secret(fixture('expired.crt')))).certificate.publicKey.description).toBe('EC P-256')
  })

  it('takes the leaf of a chain and counts the chain', () => {
    const result = ok(inspectSecret(secret(fixture('chain.crt'), fixture('valid.key'))))
    expect(result.chainLength).toBe(2)
    expect(result.certificate.commonName).toBe('shop.example.com')
  })

  it('reads the seed certificate: kube-book.com, self-signed P-256, valid to 2036-11-21', () => {
    const analysis = analyze([{ name: 'seed.yaml', text: SEED_MANIFEST }])
    const result = ok(inspectSecret(analysis.model.secrets[0] as Secret))
    expect(result.certificate.dnsNames).toEqual(['kube-book.com'])
    expect(result.certificate.selfSigned).toBe(true)
    expect(new Date(result.certificate.notAfter).toISOString().slice(0, 10)).toBe('2036-11-21')
    expect(result.keyMatches).toBe(true)
  })

  it('reports unreadable data instead of throwing', () => {
    expect(inspectSecret(secret('not a pem'))).toMatchObject({ kind: 'unreadable', field: 'tls.crt' })
    expect(inspectSecret(secret('-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n'))).toMatchObject({ kind: 'unreadable' })
    expect(inspectSecret(secret('-----BEGIN CERTIFICATE-----\n!!!\n-----END CERTIFICATE-----\n'))).toMatchObject({ kind: 'unreadable' })
    expect(inspectSecret(secret(''))).toEqual({ kind: 'no-data' })
    const badKey = ok(inspectSecret(secret(fixture('valid.crt'), '-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n')))
    expect(badKey.keyMatches).toBeNull()
    expect(badKey.keyProblem && formatMessage(badKey.keyProblem)).toMatch(/^tls\.key: the PRIVATE KEY block is malformed \(/)
  })

  it('says why in both languages, the field and the block label kept as written', () => {
    const unreadable = inspectSecret(secret('not a pem'))
    const problem = unreadable.kind === 'unreadable' ? unreadable.problem : null
    expect(problem && formatMessage(problem)).toBe('tls.crt: no PEM block (-----BEGIN …-----) found')
    expect(problem && formatMessage(problem, 'ko')).toBe('tls.crt: PEM 블록(-----BEGIN …-----)을 찾을 수 없습니다')
    const encrypted = readPem('-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\n\nAAAA\n-----END RSA PRIVATE KEY-----')
    expect(encrypted.kind === 'error' && formatMessage(encrypted.problem, 'ko'))
      .toBe('RSA PRIVATE KEY 블록에 헤더가 있습니다(암호화된 키일 수 있습니다). ingress-nginx는 암호화되지 않은 키가 필요합니다')
  })

  it('finds no DNS names in a CN-only certificate', () => {
    expect(ok(inspectSecret(secret(fixture('cn-only.crt')))).certificate).toMatchObject({ commonName: 'legacy.example.com', dnsNames: [] })
  })
})

describe('readPem', () => {
  it('reads every block and rejects encrypted keys', () => {
    const pem = readPem(fixture('chain.crt'))
    expect(pem.kind === 'ok' && pem.blocks.map((block) => block.label)).toEqual(['CERTIFICATE', 'CERTIFICATE'])
    expect(readPem('-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\n\nAAAA\n-----END RSA PRIVATE KEY-----').kind).toBe('error')
  })
})

describe('nameCovers', () => {
  it.each([
    ['shop.example.com', 'shop.example.com', true],
    ['SHOP.example.com', 'shop.EXAMPLE.com', true],
    ['*.apps.example.com', 'a.apps.example.com', true],
    ['*.apps.example.com', 'apps.example.com', false],
    ['*.apps.example.com', 'a.b.apps.example.com', false],
    ['*.apps.example.com', '*.apps.example.com', true],
    ['a.apps.example.com', '*.apps.example.com', false],
    ['example.com', 'www.example.com', false],
  ])('%s covers %s: %s', (name, host, expected) => {
    expect(nameCovers(name, host)).toBe(expected)
  })

  it('names the covering certificate name', () => {
    expect(coveringName(['x.com', '*.x.com'], 'a.x.com')).toBe('*.x.com')
    expect(coveringName(['x.com'], 'y.com')).toBeNull()
  })
})

describe('buildCertificateReports', () => {
  const manifest = (crt: string, hosts: string[]) => `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: web}
spec:
  tls:
  - hosts: [${hosts.join(', ')}]
    secretName: web-tls
  rules:
${hosts.map((host) => `  - host: ${host.replace('*', 'x')}\n    http:\n      paths:\n      - {path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}`).join('\n')}
---
apiVersion: v1
kind: Secret
metadata: {name: web-tls}
type: kubernetes.io/tls
stringData:
  tls.crt: |
${crt.trim().split('\n').map((line) => `    ${line}`).join('\n')}
  tls.key: x
`
  it('lists the hosts a Secret serves and which the certificate covers', () => {
    const model = analyze([{ name: 'm.yaml', text: manifest(fixture('wildcard.crt'), ['a.apps.example.com', 'apps.example.com']) }]).model
    const [report] = buildCertificateReports(model, Date.UTC(2027, 0, 1))
    expect(report?.hosts).toEqual([
      { host: 'a.apps.example.com', ingress: 'default/web', coveredBy: '*.apps.example.com' },
      { host: 'apps.example.com', ingress: 'default/web', coveredBy: null },
    ])
    expect(report?.status).toBe('valid')
  })

  it.each([
    ['expired.crt', Date.UTC(2026, 0, 1), 'expired', -1826],
    ['expiring.crt', Date.UTC(2026, 6, 1) - 10 * day, 'expiring', 10],
    ['expiring.crt', Date.UTC(2026, 6, 1) - 31 * day, 'valid', 31],
    ['valid.crt', Date.UTC(2025, 0, 1), 'not-yet-valid', 4017],
  ])('%s at %i is %s', (file, now, status, days) => {
    const model = analyze([{ name: 'm.yaml', text: manifest(fixture(file), ['x.example.com']) }]).model
    const [report] = buildCertificateReports(model, now)
    expect(report?.status).toBe(status)
    expect(report?.daysLeft).toBe(days)
  })

  it('knows no status without a clock', () => {
    const model = analyze([{ name: 'm.yaml', text: manifest(fixture('valid.crt'), ['x.example.com']) }]).model
    expect(buildCertificateReports(model)[0]).toMatchObject({ status: 'unknown', daysLeft: null })
  })
})
