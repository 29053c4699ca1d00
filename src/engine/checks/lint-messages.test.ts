/**
 * The words of the checks and route stages are catalog messages: every finding renders in English and Korean
 * with its parameters, nested phrases (a class decision, a regex verdict, a TLS reading error) included, and
 * none goes through `legacy-text`.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { analyze } from '../analyze'
import type { Diagnostic } from '../diagnostics'
import { msg } from '../messages/message'
import { formatMessage } from '../messages/render'
import { HOSTILE_CASES } from '../testing/hostile-ingresses'
import { SEED_MANIFEST } from '../../presets/seed'

const fixture = (name: string): string => readFileSync(new URL(`../tls/fixtures/${name}`, import.meta.url), 'utf8')
const indent = (text: string, spaces: number): string => text.trim().split('\n').map((line) => ' '.repeat(spaces) + line).join('\n')

const NOW = Date.UTC(2026, 5, 1)

/** One manifest with a finding of most rules and route codes. */
const TROUBLE = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
        - name: web
          image: web
          ports: [{containerPort: 8080}]
          livenessProbe: {tcpSocket: {port: 9090}, initialDelaySeconds: 60}
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  selector: {app: web}
  ports: [{port: 80, targetPort: 8080}]
---
apiVersion: v1
kind: Service
metadata: {name: lonely}
spec:
  selector: {app: nobody}
  ports: [{port: 80}]
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: shop
  annotations:
    nginx.ingress.kubernetes.io/use-regex: "true"
    nginx.ingress.kubernetes.io/ssl-redirect: "maybe"
    nginx.org/rewrites: "x"
spec:
  tls: [{hosts: [shop.example.com, typo.example.com], secretName: shop-tls}]
  rules:
    - host: shop.example.com
      http:
        paths:
          - {path: "/(a+)+$", pathType: ImplementationSpecific, backend: {service: {name: web, port: {number: 80}}}}
          - {path: /api, pathType: Prefix, backend: {service: {name: webb, port: {number: 80}}}}
          - {path: /port, pathType: Prefix, backend: {service: {name: web, port: {number: 8443}}}}
    - host: "*.apps.example.com"
      http:
        paths:
          - {path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: elsewhere
  annotations: {kubernetes.io/ingress.class: traefik}
spec:
  rules:
    - host: other.example.com
      http:
        paths:
          - {path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}
---
apiVersion: v1
kind: Secret
metadata: {name: shop-tls}
type: kubernetes.io/tls
stringData:
  tls.crt: |
${indent(fixture('valid.crt'), 4)}
  tls.key: |
    -----BEGIN PRIVATE KEY-----
    AAAA
    -----END PRIVATE KEY-----
`

const findings = (text: string, now?: number): Diagnostic[] =>
  analyze([{ name: 'test.yaml', text }], now === undefined ? {} : { now }).diagnostics.filter((d) => d.stage === 'route' || d.stage === 'lint')
const korean = (d: Diagnostic | undefined): string => (d ? formatMessage(d.text, 'ko') : '')
const HANGUL = /[\uac00-\ud7a3]/

describe('lint and route findings in both languages', () => {
  const trouble = findings(TROUBLE, NOW)
  const byCode = (code: Diagnostic['code']): Diagnostic[] => trouble.filter((d) => d.code === code)

  it('come from the catalog, never as legacy text, and render whole in Korean', () => {
    const all = [...trouble, ...findings(SEED_MANIFEST, NOW), ...HOSTILE_CASES.flatMap((c) => findings(c.yaml))]
    expect(new Set(trouble.map((d) => d.code)).size).toBeGreaterThan(12)
    for (const d of all) {
      expect(d.text.id, d.message).not.toBe('legacy-text')
      expect(d.message).toBe(formatMessage(d.text))
      const ko = korean(d)
      expect(ko, d.message).toMatch(HANGUL)
      expect(ko, d.message).not.toMatch(/\{\{/)
    }
  })

  it('says a class decision inside the not-served finding', () => {
    const [notServed] = byCode('ingress-not-served')
    expect(notServed?.message).toBe('ingress-nginx does not serve this Ingress: annotation kubernetes.io/ingress.class: traefik is not nginx.')
    expect(korean(notServed)).toBe('ingress-nginx는 이 Ingress를 처리하지 않습니다: 어노테이션 kubernetes.io/ingress.class: traefik은(는) nginx이(가) 아닙니다.')
    const other = findings(`apiVersion: networking.k8s.io/v1
kind: IngressClass
metadata: {name: other}
spec: {controller: example.com/other}
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: x}
spec:
  ingressClassName: other
  defaultBackend: {service: {name: web, port: {number: 80}}}
`).find((d) => d.code === 'ingress-not-served')
    expect(other?.message).toBe('ingress-nginx does not serve this Ingress: ingressClassName selects IngressClass other (controller example.com/other), not k8s.io/ingress-nginx.')
    expect(korean(other)).toBe('ingress-nginx는 이 Ingress를 처리하지 않습니다: ingressClassName이 IngressClass other(컨트롤러 example.com/other)을(를) 선택하는데, 그 컨트롤러는 k8s.io/ingress-nginx이(가) 아닙니다.')
  })

  it('keeps names and values as written inside Korean sentences', () => {
    const [missing] = byCode('ingress-service-missing')
    expect(korean(missing)).toBe('Service webb이(가) 네임스페이스 default에 없습니다. ingress-nginx는 이 백엔드에 503으로 응답합니다. web을(를) 말씀하신 건가요?')
    const [annotation] = byCode('invalid-annotation')
    expect(korean(annotation)).toBe('nginx.ingress.kubernetes.io/ssl-redirect은(는) true 또는 false여야 합니다. ingress-nginx는 "maybe"을(를) 무시합니다.')
    expect(korean(byCode('ingress-service-port-missing')[0])).toContain('Service web에는 port로도 targetPort로도 8443번 포트가 없습니다(정의된 포트: 80)')
    expect(korean(byCode('wildcard-host-apex')[0])).toContain('*.apps.example.com은(는) 레이블 하나만 더 붙은 이름(예: www.apps.example.com)')
  })

  it('renders nested phrases in the reader’s language: a regex verdict, a TLS reading error', () => {
    const [catastrophic] = byCode('catastrophic-regex')
    expect(catastrophic?.message).toContain('can backtrack catastrophically (a quantifier inside a quantified group,')
    expect(korean(catastrophic)).toContain('정규식 경로 "/(a+)+$"에서 치명적인 백트래킹이 일어날 수 있습니다(수량자가 붙은 그룹 안에 또 수량자가 있어서')
    const [badKey] = byCode('tls-secret-invalid')
    expect(badKey?.message).toMatch(/^tls\.key: the PRIVATE KEY block is malformed \(.*\); ingress-nginx cannot use Secret shop-tls/)
    expect(korean(badKey)).toMatch(/^tls\.key: PRIVATE KEY 블록의 형식이 잘못되었습니다\(.*\)\. ingress-nginx는 Secret shop-tls을\(를\) 쓸 수 없어서/)
    const [notInRules] = byCode('tls-host-not-in-rules')
    expect(korean(notInRules)).toBe('TLS 호스트 typo.example.com은(는) 이 Ingress의 규칙 호스트가 아닙니다(규칙: shop.example.com, *.apps.example.com). 인증서는 받지만 라우트가 없습니다. 철자를 고치거나 이 호스트에 대한 규칙을 추가하세요.')
  })

  it('picks plural forms by count in English and uses the one Korean form', () => {
    for (const count of [1, 3]) {
      const zero = msg('rollout-zero-capacity', { maxUnavailable: '100%', count })
      expect(formatMessage(zero)).toMatch(count === 1 ? /^maxUnavailable 100% with 1 replica lets/ : /^maxUnavailable 100% with 3 replicas lets/)
      expect(formatMessage(zero, 'ko')).toMatch(new RegExp(`^레플리카 ${count}개에 maxUnavailable 100%이면`))
    }
    const expiring = findings(TROUBLE, Date.parse('2035-12-10T00:00:00Z')).find((d) => d.code === 'tls-cert-expiring')
    expect(expiring?.message).toMatch(/expires on 2036-01-01, in 22 days \(less than 30\) for shop\.example\.com, typo\.example\.com; renew it soon\.$/)
    expect(korean(expiring)).toBe('shop.example.com, typo.example.com에 쓰이는 Secret shop-tls의 인증서가 2036-01-01, 22일 뒤에 만료됩니다(30일 미만). 곧 갱신하세요.')
  })
})
