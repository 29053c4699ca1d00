/**
 * The nginx.conf view: what ingress-nginx would render for the manifests, with the location that answered the
 * tested request marked. Plain text while Monaco loads.
 */
import { lazy, Suspense, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useStudioStore } from '../../state/store'
import { ErrorBoundary } from '../common/ErrorBoundary'
import { TID } from '../test-ids'
import { beforeMonaco } from '../editor/monaco-language'

const NginxEditor = lazy(() => beforeMonaco().then(() => import('./NginxEditor')))

export function NginxConfView() {
  const { t } = useTranslation('routes')
  const view = useStudioStore((state) => state.routeView?.view ?? null)
  const result = useStudioStore((state) => state.testOutcome?.result ?? null)
  const [copied, setCopied] = useState(false)
  if (!view) return <p className="empty">{t('loading')}</p>
  const answered = result?.locationId ? (view.confIndex.locations[result.locationId] ?? null) : result?.serverHostname ? (view.confIndex.servers[result.serverHostname] ?? null) : null
  const copy = () => {
    void navigator.clipboard?.writeText(view.nginxConf).then(() => {
      setCopied(true)
      setTimeout(() => setCopied(false), 1500)
    })
  }
  const plain = <pre className="nginx-plain">{view.nginxConf}</pre>
  return (
    <section className="nginx-view" data-testid={TID.nginxView} aria-label={t('nginxTitle')}>
      <header className="view-toolbar">
        <span className="view-note">
          {answered && result
            ? t('answeredBy', { status: result.status, start: answered.start, end: answered.end })
            : t('nginxNote')}
        </span>
        <button type="button" className="tool-button" onClick={copy}>{copied ? t('copied') : t('copy')}</button>
      </header>
      <div className="nginx-host">
        <ErrorBoundary fallback={() => plain}>
          <Suspense fallback={plain}>
            <NginxEditor text={view.nginxConf} answered={answered} />
          </Suspense>
        </ErrorBoundary>
      </div>
    </section>
  )
}
