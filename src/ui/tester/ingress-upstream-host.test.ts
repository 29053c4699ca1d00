/** The URL tester's ingress-nginx card: the Host sent upstream when it differs from the request's, in English and Korean. */
import { beforeEach, describe, expect, it } from 'vitest'
import { toTestOutcome } from '../../state/route-sync'
import type { TestDraft } from '../../state/slices/tester-slice'
import { useStudioStore } from '../../state/store'
import { answerEngineRequest } from '../../worker/handle-request'
import { PROTOCOL_VERSION } from '../../worker/protocol'
import { renderInLanguage } from '../testing/render-in-language'
import { TestResult } from './TestResult'

const initial = { ...useStudioStore.getState() }
beforeEach(() => useStudioStore.setState(initial, true))

const manifest = (annotations: string): string => `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web
  namespace: shop
  annotations:
    nginx.ingress.kubernetes.io/use-regex: "true"
${annotations}
spec:
  rules:
  - host: web.test
    http:
      paths:
      - path: /app(/|$)(.*)
        pathType: ImplementationSpecific
        backend:
          service: {name: web, port: {number: 80}}
`

async function card(source: string, url: string, language: 'en' | 'ko' = 'en'): Promise<string> {
  const files = [{ name: 'm.yaml', text: source }]
  const view = await answerEngineRequest({ v: PROTOCOL_VERSION, type: 'route-view', id: 1, files })
  const answer = await answerEngineRequest({ v: PROTOCOL_VERSION, type: 'route', id: 2, files, request: { url } })
  if (view.type !== 'route-viewed' || answer.type !== 'routed') throw new Error('no answer')
  const draft: TestDraft = { method: 'GET', url, headers: [], cookies: [] }
  useStudioStore.setState({
    routeView: { view: view.view, layout: view.layout, layoutReused: false, millis: view.millis, source, revision: 0 },
    testOutcome: toTestOutcome(draft, answer, 0),
  } as Partial<ReturnType<typeof useStudioStore.getState>>)
  Object.assign(useStudioStore.getInitialState(), useStudioStore.getState())
  return (await renderInLanguage(TestResult, {}, language)).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ')
}

describe('the Host sent upstream in the URL tester (docs/routing.md#upstream-request-headers)', () => {
  it('shows the upstream-vhost Host and X-Forwarded-Prefix, in English and Korean', async () => {
    const source = manifest([
      '    nginx.ingress.kubernetes.io/upstream-vhost: "$service_name.$namespace.svc"',
      '    nginx.ingress.kubernetes.io/rewrite-target: /$2',
      '    nginx.ingress.kubernetes.io/x-forwarded-prefix: /app',
    ].join('\n'))
    const en = await card(source, 'http://web.test/app/users')
    expect(en).toContain('Host sent upstream web.shop.svc · set by upstream-vhost')
    expect(en).toContain('X-Forwarded-Prefix sent upstream /app')
    const ko = await card(source, 'http://web.test/app/users', 'ko')
    expect(ko).toContain('업스트림에 보낸 Host web.shop.svc')
    expect(ko).toContain('업스트림에 보낸 X-Forwarded-Prefix /app')
  }, 30_000)

  it('says nothing when the upstream receives the request\'s own Host', async () => {
    const en = await card(manifest(''), 'http://web.test:8080/app/x')
    expect(en).toContain('Upstream path')
    expect(en).not.toContain('Host sent upstream')
  }, 30_000)
})
