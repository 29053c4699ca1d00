/**
 * The facts of a Gateway's answer (docs/gateway-api.md#studio-views): the Gateway and listener that took the
 * request, the HTTPRoute and rule that matched, the Service (name, port, namespace), the path and Host sent on
 * after a URLRewrite, a redirect's Location, the request headers the backend receives, the response headers a
 * filter set, the mirrors, and the refused backendRefs of the rule with their reasons. All of it is the engine's
 * answer or the route view's data; nothing is worked out here.
 */
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { GatewayTableRow } from '../../engine'
import { sendTest } from '../../state/route-sync'
import type { GatewayTestResult, TestDraft } from '../../state/slices/tester-slice'
import { useStudioStore } from '../../state/store'
import { updateTestDraft } from '../../state/tester-actions'
import { TID } from '../test-ids'

/** The status line's key (tester.json `status.*`) for a Gateway's answer: from the engine's `outcome`, never the code. */
export function gatewayStatusKey(result: GatewayTestResult): string {
  switch (result.outcome) {
    case 'no-listener': return 'noListener'
    case 'tls-no-certificate': return 'tlsNoCertificate'
    case 'no-listener-host': return 'noListenerHost'
    case 'misdirected': return 'misdirected'
    case 'no-rule': return 'noRoute'
    case 'redirect': return 'redirect'
    case 'no-endpoints': return 'gatewayNoEndpoints'
    case 'proxied': return 'proxied'
    default: return [400, 403, 404, 500].includes(result.status) ? String(result.status) : 'other'
  }
}

const NO_ROWS: readonly GatewayTableRow[] = []

function Fact({ label, children, testId }: { readonly label: string; readonly children: ReactNode; readonly testId?: string }) {
  return (
    <div className="fact" data-testid={testId}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  )
}

function HeaderList({ headers }: { readonly headers: Readonly<Record<string, string>> }) {
  return (
    <ul className="header-list">
      {Object.entries(headers).map(([name, value]) => (
        <li key={name}><code>{name}: {value}</code></li>
      ))}
    </ul>
  )
}

/** The path of a URL as the tester sent it (`http://a/b?c` → `/b`). */
function pathOfUrl(url: string): string {
  const rest = url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, '')
  return (rest.split(/[?#]/)[0] ?? '') || '/'
}

export function GatewayResultFacts({ result, draft }: { readonly result: GatewayTestResult; readonly draft: TestDraft }) {
  const { t } = useTranslation('tester')
  const rows = useStudioStore((state) => state.routeView?.view.gatewayTable ?? NO_ROWS)
  const listener = useStudioStore((state) => {
    const gateway = state.routeView?.view.gateways.find((choice) => choice.key === result.gateway)
    return gateway?.listeners.find((item) => item.name === result.listener) ?? null
  })
  const { route } = result
  const row = route === null ? undefined : rows.find((item) => item.routeRef.namespace === route.namespace && item.routeRef.name === route.name && item.rule === route.rule)
  const refused = row?.backends.filter((backend) => backend.refusal !== null) ?? []
  const follow = () => {
    if (result.location === null) return
    const next = { ...draft, url: result.location }
    updateTestDraft(next)
    void sendTest(next)
  }
  return (
    <dl className="result-facts gateway-facts">
      {result.gateway !== null && (
        <Fact label={t('gateway')}>
          <code>{result.gateway}</code>
          {result.listener !== null && (
            <span className="muted"> · {t('viaListener', { listener: result.listener })}{listener && <> (<code>{listener.protocol} {listener.port}</code>)</>}</span>
          )}
        </Fact>
      )}
      {route !== null && (
        <Fact label={t('route')} testId={TID.testerRoute}>
          <code>HTTPRoute {route.namespace}/{route.name}</code>
          <span className="muted"> · {t('ruleIndex', { rule: route.rule })}{result.matchIndex !== null && <> · {t('matchIndex', { match: result.matchIndex })}</>}</span>
        </Fact>
      )}
      {result.service !== null && (
        <Fact label={t('backend')} testId={TID.testerBackend}>
          <code>{result.service}{result.port !== null && `:${result.port}`}</code>
          {result.namespace !== null && <span className="muted"> · {t('inNamespace', { namespace: result.namespace })}</span>}
        </Fact>
      )}
      {refused.length > 0 && (
        <Fact label={t('refused')} testId={TID.testerRefused}>
          <ul className="header-list">
            {refused.map((backend, index) => (
              <li key={index}><code>{backend.text}</code> <span className="reason-tag">{backend.refusal}</span></li>
            ))}
          </ul>
        </Fact>
      )}
      {result.service !== null && (
        <Fact label={t('upstreamPath')} testId={TID.testerUpstreamPath}>
          <code>{result.rewrittenPath ?? pathOfUrl(draft.url)}</code>
          {result.rewrittenPath !== null && <span className="muted"> · {t('rewritten')}</span>}
        </Fact>
      )}
      {result.rewrittenHost !== null && (
        <Fact label={t('upstreamHost')} testId={TID.testerRewrittenHost}>
          <code>{result.rewrittenHost}</code>
          <span className="muted"> · {t('rewritten')}</span>
        </Fact>
      )}
      {result.location !== null && (
        <Fact label={t('location')} testId={TID.testerLocation}>
          <code className="location-url">{result.location}</code>
          <button type="button" className="tool-button follow-button" onClick={follow}>{t('follow')}</button>
        </Fact>
      )}
      {result.requestHeaders !== null && (
        <Fact label={t('requestHeaders')} testId={TID.testerRequestHeaders}>
          <HeaderList headers={result.requestHeaders} />
          <span className="muted affinity-note">{t('requestHeadersNote')}</span>
        </Fact>
      )}
      {result.responseHeaders !== null && (
        <Fact label={t('responseHeaders')} testId={TID.testerResponseHeaders}>
          <HeaderList headers={result.responseHeaders} />
        </Fact>
      )}
      {result.mirrors.length > 0 && (
        <Fact label={t('mirrors')} testId={TID.testerMirrors}>
          <ul className="header-list">
            {result.mirrors.map((mirror, index) => (
              <li key={index}>
                <code>{mirror.service}{mirror.port !== null && `:${mirror.port}`}</code>
                <span className="muted"> · {t('inNamespace', { namespace: mirror.namespace })}</span>
              </li>
            ))}
          </ul>
          <span className="muted affinity-note">{t('mirrorsNote')}</span>
        </Fact>
      )}
    </dl>
  )
}
