import { describe, expect, it } from 'vitest'
import { formatMessage } from '../messages/render'
import { analyzeText } from '../testing/analyze-text'

const hangul = /[\uAC00-\uD7A3]/
const service = (spec: string): string => `apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n${spec}\n`

/** English and Korean of the first model diagnostic with `code`. */
function said(text: string, code: Parameters<ReturnType<typeof analyzeText>['of']>[0]): { en: string; ko: string } {
  const found = analyzeText(text).diagnostics.find((d) => d.code === code)
  if (!found) throw new Error(`no ${code}`)
  return { en: found.message, ko: formatMessage(found.text, 'ko') }
}

describe('model messages: the API server in English, the same in Korean', () => {
  it('keeps the field error as the API server prints it, and says it in Korean with the path and the value', () => {
    expect(said(service('  ports: [{port: 0}]'), 'invalid-port')).toEqual({
      en: 'spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive',
      ko: 'spec.ports[0].port: 잘못된 값 0: 1 이상 65535 이하여야 합니다',
    })
  })

  it('says wrong types, unsupported and duplicate values with their data', () => {
    expect(said(service('  ports: [{port: "80"}]'), 'wrong-type').ko).toBe('spec.ports[0].port: 타입이 잘못되었습니다(기대한 타입: 정수, 실제: 문자열 "80")')
    expect(said(service('  type: Balanced\n  ports: [{port: 80}]'), 'invalid-value').ko)
      .toBe('spec.type: 지원하지 않는 값 "Balanced": 지원하는 값은 "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"')
    expect(said(service('  ports: [{name: a, port: 80}, {name: a, port: 81}]'), 'invalid-port').ko).toBe('spec.ports[1].name: 중복된 값 "a"')
  })

  it('puts the validation regex and the hint in both languages', () => {
    const host = said('apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: i}\nspec:\n  rules:\n  - host: "https://Example.com"\n', 'invalid-host')
    expect(host.en).toContain("regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*'); a host has no scheme: write \"Example.com\"")
    expect(host.ko).toContain("검증에 쓰는 정규식은 '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*'). 호스트에는 스킴을 쓰지 않습니다. \"Example.com\"로 쓰세요")
  })

  it('says an old API version with its releases and replacement', () => {
    const removed = said('apiVersion: extensions/v1beta1\nkind: Ingress\nmetadata: {name: i}\nspec: {backend: {serviceName: s, servicePort: 80}}\n', 'removed-api-version')
    expect(removed.ko).toBe('Ingress extensions/v1beta1 버전은 Kubernetes 1.14부터 지원 중단되었고 1.22부터 제공되지 않습니다. networking.k8s.io/v1 버전으로 옮기세요(1.19부터 사용 가능).')
  })

  it('passes no plain English string: every model diagnostic of a broken manifest is a catalog message said in Korean', () => {
    const texts = [
      'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d, labels: 3}\nspec:\n  replicas: -1\n  selector: {matchExpressions: [{key: k, operator: In}]}\n  strategy: {rollingUpdate: {maxSurge: "5", maxUnavailable: "200%"}}\n  template:\n    spec:\n      containers:\n      - {name: C, image: x, readinessProbe: {}, livenessProbe: {exec: {}, tcpSocket: {port: 0}}, ports: [{containerPort: 0, name: "--"}]}\n  sepc: 1\n',
      'apiVersion: v1\nkind: Secret\nmetadata: {name: s}\ntype: kubernetes.io/tls\ndata: {"a b": "!!!"}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, <<: {}}\ndata: {a: "1"}\nbinaryData: {a: "YQ=="}\n',
      'apiVersion: v9\nkind: Service\nmetadata: {name: s}\nspec: {type: NodePort, ports: [{port: 80, nodePort: 1}], externalName: x}\n---\nkind: Foo\n---\n- a\n---\napiVersion: v1\nkind: List\nitems: [1]\n',
      'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: test: bad\nspec:\n  backend: {}\n  rules: [{host: "1.2.3.4", http: {paths: [{path: "a//b", pathType: Prefix, backend: {resource: {kind: K, name: n}, service: {name: s}}}]}}]\n',
      'a: &a [1]\nb: *nope\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n',
    ]
    const found = texts.flatMap((text) => analyzeText(text).diagnostics.filter((d) => d.stage === 'model' || d.stage === 'source'))
    expect(found.length).toBeGreaterThan(30)
    for (const d of found) {
      expect(d.text.id, d.message).not.toBe('legacy-text')
      expect(formatMessage(d.text, 'ko'), d.message).toMatch(hangul)
    }
  })
})
