/**
 * The URL tester's result card: status, backend, the path sent upstream, a redirect's Location (with a button
 * that tests it), the canary decision, and the engine's step-by-step trace (messages in the reader's language,
 * names in code) with spec-divergence notes marked. A Gateway's answer shows its own facts (GatewayResultFacts).
 */
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { RouteAffinity, RouteResult } from '../../engine'
import type { Message } from '../../engine/messages/message'
import { setActiveView } from '../../state/actions'
import { selectNode } from '../../state/graph-actions'
import { retryTest, sendTest } from '../../state/route-sync'
import { selectRejectedInputCount } from '../../state/selectors'
import { selectTestExamples, selectTestRouter, type TestOutcome } from '../../state/slices/tester-slice'
import { GatewayResultFacts, gatewayStatusKey } from './GatewayResultFacts'
import { useStudioStore } from '../../state/store'
import { clearTestOutcome, updateTestDraft } from '../../state/tester-actions'
import { EngineFailureNotice } from '../common/EngineFailureNotice'
import { TID } from '../test-ids'
import { EngineMessage } from '../i18n/EngineMessage'
import { describeDraft, draftOf } from './RequestBar'

type IngressTestOutcome = Extract<TestOutcome, { router: 'ingress-nginx' }>

function statusTone(status: number): string {
  if (status >= 200 && status < 300) return 'ok'
  if (status >= 300 && status < 400) return 'redirect'
  return 'error'
}

function statusKey(result: RouteResult): string {
  // The Service had no endpoints: the Lua balancer's 503, or the default-backend annotation's Service took it.
  if (result.unavailable) return result.unavailable.customDefaultBackend !== null ? 'customDefaultBackend' : 'noEndpoints'
  if (result.status === 200) return result.upstream ? 'proxied' : 'answered'
  if (result.location) return 'redirect'
  return [400, 403, 404, 500].includes(result.status) ? String(result.status) : 'other'
}

/** The path of a request-target (`/a?b` → `/a`). */
const pathOf = (target: string): string => target.split('?')[0] ?? target

/** The Host header the request carried: the draft's Host header, else the URL's authority. */
function requestHostOf(draft: IngressTestOutcome['draft']): string | null {
  const header = draft.headers.find((row) => row.name.trim().toLowerCase() === 'host')
  if (header) return header.value.trim()
  // The URL's authority without user info, as the engine reads it (route-request.ts splitUrl).
  const authority = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/([^/?#]*)/.exec(draft.url.trim())?.[1]
  return authority === undefined ? null : authority.slice(authority.lastIndexOf('@') + 1)
}

function Fact({ label, children, testId }: { readonly label: string; readonly children: ReactNode; readonly testId?: string }) {
  return (
    <div className="fact" data-testid={testId}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  )
}

function ResultFacts({ outcome }: { readonly outcome: IngressTestOutcome }) {
  const { t } = useTranslation('tester')
  const { result } = outcome
  const follow = () => {
    if (!result.location) return
    const next = { ...outcome.draft, url: result.location }
    updateTestDraft(next)
    void sendTest(next)
  }
  return (
    <dl className="result-facts">
      {result.service !== null && (
        <Fact label={t('backend')} testId={TID.testerBackend}>
          <code>{result.service}:{result.port}</code>
          {result.ingress && <span className="muted"> · {t('viaIngress', { ingress: result.namespace === 'default' ? result.ingress : `${result.namespace}/${result.ingress}` })}</span>}
        </Fact>
      )}
      {result.upstreamUri !== null && (
        <Fact label={t('upstreamPath')} testId={TID.testerUpstreamPath}>
          <code>{result.rewrittenPath ?? pathOf(result.upstreamUri)}</code>
          {result.rewrittenPath !== null && <span className="muted"> · {t('rewritten')}</span>}
        </Fact>
      )}
      {result.upstreamHost !== null && result.upstreamHost !== requestHostOf(outcome.draft) && (
        <Fact label={t('hostSentUpstream')}>
          <code>{result.upstreamHost}</code>
          {result.upstreamVhost !== undefined && <span className="muted"> · {t('hostSentUpstreamVhost')}</span>}
        </Fact>
      )}
      {result.upstreamHeaders && Object.entries(result.upstreamHeaders).map(([name, value]) => (
        <Fact key={name} label={t('headerSentUpstream', { name })}><code>{value}</code></Fact>
      ))}
      {result.responseHeaders && (
        <Fact label={t('customResponseHeaders')}>
          {Object.entries(result.responseHeaders).map(([name, value]) => <div key={name}><code>{name}: {value}</code></div>)}
        </Fact>
      )}
      {result.location !== null && (
        <Fact label={t('location')} testId={TID.testerLocation}>
          <code className="location-url">{result.location}</code>
          <button type="button" className="tool-button follow-button" onClick={follow}>{t('follow')}</button>
        </Fact>
      )}
      {result.service !== null && <Fact label={t('canary')}>{result.canary ? t('canaryYes') : t('canaryNo')}</Fact>}
      {result.affinity && <AffinityFacts outcome={outcome} affinity={result.affinity} />}
      {result.serverHostname !== null && <Fact label={t('server')}><code>{result.serverHostname === '_' ? t('catchAll') : result.serverHostname}</code></Fact>}
    </dl>
  )
}

/** The draft again, carrying `name=value` as its only cookie of that name (what a browser sends back). */
export function withCookie(draft: TestOutcome['draft'], name: string, value: string): TestOutcome['draft'] {
  return { ...draft, cookies: [...draft.cookies.filter((cookie) => cookie.name !== name), { name, value }] }
}

/** Session affinity: the pod and why, the Set-Cookie answered, and one click to send the cookie back. */
function AffinityFacts({ outcome, affinity }: { readonly outcome: IngressTestOutcome; readonly affinity: RouteAffinity }) {
  const { t } = useTranslation('tester')
  const { stickyValue, setCookie, cookieName } = affinity
  // The pod's id is its route graph node id (model/pod-ref.ts); a pod collapsed into "+N pods" has no node.
  const podId = affinity.pod?.id ?? null
  const drawn = useStudioStore((state) => podId !== null && (state.routeView?.view.graph.nodes.some((node) => node.id === podId) ?? false))
  const resend = () => {
    if (stickyValue === null) return
    const next = withCookie(outcome.draft, cookieName, stickyValue)
    updateTestDraft(next)
    void sendTest(next)
  }
  return (
    <>
      <Fact label={t('affinity')} testId={TID.testerAffinity}>
        <EngineMessage message={affinity.why} />
        {(stickyValue !== null || drawn) && (
          <div className="affinity-resend">
            {stickyValue !== null && (
              <button type="button" className="tool-button" data-testid={TID.testerSendWithCookie} title={t('sendWithCookieTitle', { cookie: cookieName })} onClick={resend}>
                {t('sendWithCookie')}
              </button>
            )}
            {drawn && podId !== null && (
              <button type="button" className="tool-button" data-testid={TID.testerShowPod} onClick={() => { setActiveView('graph'); selectNode(podId, 'tester') }}>
                {t('showPod')}
              </button>
            )}
          </div>
        )}
      </Fact>
      {setCookie && (
        <Fact label={t('setCookie')} testId={TID.testerSetCookie}>
          <code className="location-url">{setCookie.header}</code>
          <span className="muted affinity-note">
            {setCookie.expiresInSeconds !== null && <>{t('expiresNote', { seconds: setCookie.expiresInSeconds })} </>}
            {t('affinityStandIn')}
          </span>
        </Fact>
      )}
    </>
  )
}

function Trace({ steps }: { readonly steps: readonly Message[] }) {
  const { t } = useTranslation('tester')
  return (
    <ol className="trace" aria-label={t('trace')} data-testid={TID.testerTrace}>
      {steps.map((step, index) => {
        const { id, text } = step.params
        return step.id === 'trace-divergence' && typeof id === 'string' && typeof text === 'object' ? (
          <li key={index} className="trace-step is-divergence">
            <span className="divergence-tag" title={t('divergenceTitle')}>{t('divergence', { id })}</span>
            <EngineMessage message={text} />
          </li>
        ) : (
          <li key={index} className="trace-step"><EngineMessage message={step} /></li>
        )
      })}
    </ol>
  )
}

export function TestResult() {
  const { t } = useTranslation('tester')
  const outcome = useStudioStore((state) => state.testOutcome)
  const status = useStudioStore((state) => state.testStatus)
  const failure = useStudioStore((state) => (state.testStatus === 'failed' ? state.testFailure : null))
  const examples = useStudioStore(selectTestExamples)
  const rejected = useStudioStore(selectRejectedInputCount)
  const router = useStudioStore(selectTestRouter)

  if (!outcome) {
    return (
      <div className="test-empty">
        {failure ? (
          <EngineFailureNotice work="test" failure={failure.error} onRetry={retryTest} />
        ) : (
          <p>{router.router === 'gateway' ? t('emptyGateway', { gateway: router.gateway }) : t('empty')}</p>
        )}
        {examples && examples.length > 0 && (
          <ul className="example-list" aria-label={t('examples')}>
            {examples.map((example, index) => (
              <li key={index}>
                <button type="button" className="example-button" onClick={() => { updateTestDraft(draftOf(example)); void sendTest() }}>
                  <code>{describeDraft(draftOf(example))}</code>
                  <span className="muted">{t(`exampleKind.${example.kind}`)}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
    )
  }
  const { result } = outcome
  const tone = statusTone(result.status)
  const gateway = outcome.router === 'gateway'
  // Status 0: no listener took the connection; the badge says so in words.
  const noListener = gateway && result.status === 0
  return (
    <article className={`test-result tone-${tone}${status === 'pending' ? ' is-pending' : ''}`} data-testid={TID.testerResult} aria-label={t('result')}>
      <header className="result-head">
        <span className={`status-badge tone-${tone}${noListener ? ' is-words' : ''}`} data-testid={TID.testerStatus}>{noListener ? t('noListenerBadge') : result.status}</span>
        <div className="result-title">
          <strong>{t(`status.${outcome.router === 'gateway' ? gatewayStatusKey(outcome.result) : statusKey(outcome.result)}`)}</strong>
          <code className="result-request" title={describeDraft(outcome.draft)}>{describeDraft(outcome.draft)}</code>
        </div>
        <button type="button" className="icon-button" aria-label={t('clear')} onClick={clearTestOutcome}>×</button>
      </header>
      {failure && <EngineFailureNotice work="test" failure={failure.error} onRetry={retryTest} />}
      {rejected > 0 && (
        <p className="notice notice-warning" data-testid={TID.testerRejectedInput}>{t(gateway ? 'rejectedInputGateway' : 'rejectedInput', { count: rejected })}</p>
      )}
      {outcome.router === 'gateway' ? <GatewayResultFacts result={outcome.result} draft={outcome.draft} /> : <ResultFacts outcome={outcome} />}
      <div className="result-actions">
        {outcome.highlight.end && (
          <button type="button" className="tool-button" onClick={() => { setActiveView('graph'); selectNode(outcome.highlight.end, 'tester') }}>
            {t('showInGraph')}
          </button>
        )}
        {result.locationId !== null && (
          <button type="button" className="tool-button" onClick={() => setActiveView('nginx')}>{t('showInConf')}</button>
        )}
      </div>
      <h3 className="trace-title">{t('trace')}</h3>
      <Trace steps={result.trace} />
    </article>
  )
}
