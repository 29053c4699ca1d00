/**
 * One parity difference in full: the request, both traces side by side (the engine's steps in the reader's
 * language) and the graph of the originals and the conversion with both routes lit.
 */
import { lazy, Suspense, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { GraphLayout, Message, ParityDifference, RouteView } from '../../engine'
import { selectDifference } from '../../state/migration-sync'
import { useStudioStore } from '../../state/store'
import { ErrorBoundary } from '../common/ErrorBoundary'
import { EngineMessage } from '../i18n/EngineMessage'
import { DifferenceFields, RequestExtras } from './DifferenceFields'

const MigrationGraph = lazy(() => import('./MigrationGraph'))

interface Props {
  readonly difference: ParityDifference
  readonly index: number
  readonly view: RouteView
  readonly layout: GraphLayout
}

export function DifferenceDetail({ difference, index, view, layout }: Props) {
  const { t } = useTranslation('migrate')
  const trace = useStudioStore((state) => (state.migrationTrace?.difference === index ? state.migrationTrace : null))
  const [enlarged, setEnlarged] = useState(false)
  const { ingressNginx, gatewayApi, request } = difference
  return (
    <section className={`difference-detail${enlarged ? ' is-graph-enlarged' : ''}`} aria-label={t('detail.title')} data-testid="difference-detail">
      <header className="difference-head">
        <button type="button" className="tool-button" onClick={() => selectDifference(null)}>← {t('detail.back')}</button>
        <h3 className="migration-heading"><span className="parity-method">{request.method}</span> <code>{request.url}</code></h3>
      </header>
      <RequestExtras difference={difference} />
      <DifferenceFields difference={difference} />
      <p className="difference-why"><EngineMessage message={difference.explanation} /></p>
      <div className="difference-traces" hidden={enlarged}>
        <Trace side="ingress" title={t('graph.ingress')} status={ingressNginx.status} steps={ingressNginx.trace} />
        <Trace side="gateway" title={t('graph.gateway')} status={gatewayApi.status} steps={gatewayApi.trace} />
      </div>
      <div className="difference-graph">
        <ErrorBoundary fallback={(error) => <p className="empty" role="alert">{t('graph.failed', { reason: error.message })}</p>}>
          <Suspense fallback={<p className="empty">{t('working')}</p>}>
            <MigrationGraph view={view} layout={layout} routes={{ ingress: trace?.ingressNginx ?? null, gateway: trace?.gatewayApi ?? null }} enlarged={enlarged} onEnlarge={setEnlarged} />
          </Suspense>
        </ErrorBoundary>
      </div>
    </section>
  )
}

function Trace({ side, title, status, steps }: { readonly side: 'ingress' | 'gateway'; readonly title: string; readonly status: number; readonly steps: readonly Message[] }) {
  const { t } = useTranslation('migrate')
  return (
    <section className={`difference-trace on-${side}`} aria-label={title} data-testid={`trace-${side}`}>
      <h4><span className="legend-swatch" aria-hidden="true" />{title} <span className="trace-status">{t('detail.status', { status })}</span></h4>
      <ol className="trace">
        {steps.map((step, i) => <li key={i} className="trace-step"><EngineMessage message={step} /></li>)}
      </ol>
    </section>
  )
}
