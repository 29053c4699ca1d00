/**
 * The conversion: the converted manifests (read-only Monaco, plain text while it loads) and the findings per
 * Ingress and annotation, each a button that shows the annotation in the user's editor.
 */
import { lazy, Suspense } from 'react'
import { useTranslation } from 'react-i18next'
import type { ConversionFinding } from '../../engine'
import { revealInEditor } from '../../state/actions'
import type { MigrationAnswer } from '../../worker/protocol'
import { ErrorBoundary } from '../common/ErrorBoundary'
import { SeverityIcon } from '../common/SeverityIcon'
import { beforeMonaco } from '../editor/monaco-language'
import { EngineMessage } from '../i18n/EngineMessage'
import { MigrationOptions } from './MigrationOptions'

const ConvertedEditor = lazy(() => beforeMonaco().then(() => import('./ConvertedEditor')))

type Done = Extract<MigrationAnswer, { kind: 'done' }>

export function ConversionPanel({ answer }: { readonly answer: Done }) {
  const { t } = useTranslation('migrate')
  const { conversion, findingPlaces } = answer
  const plain = <pre className="converted-plain">{conversion.text}</pre>
  // Findings grouped by Ingress, in the order the converter reported them.
  const groups = new Map<string, { finding: ConversionFinding; index: number }[]>()
  conversion.findings.forEach((finding, index) => {
    const key = `${finding.ingress.namespace}/${finding.ingress.name}`
    groups.set(key, [...(groups.get(key) ?? []), { finding, index }])
  })
  const routes = conversion.objects.filter((object) => object.kind === 'HTTPRoute').length
  return (
    <div className="conversion-panel">
      <section className="converted-pane" aria-labelledby="converted-title">
        <h3 id="converted-title" className="migration-heading">
          {t('converted.title')} <code>gateway-api.yaml</code>
          <span className="migration-sub">{t('converted.summary', { routes, gateway: conversion.gateway })}</span>
        </h3>
        <MigrationOptions />
        <div className="converted-host">
          <ErrorBoundary fallback={() => plain}>
            <Suspense fallback={plain}>
              <ConvertedEditor text={conversion.text} />
            </Suspense>
          </ErrorBoundary>
        </div>
      </section>
      <section className="findings-pane" aria-labelledby="findings-title" data-testid="conversion-findings">
        <h3 id="findings-title" className="migration-heading">{t('findings.title', { count: conversion.findings.length })}</h3>
        {conversion.findings.length === 0 && <p className="empty">{t('findings.none')}</p>}
        {[...groups].map(([ingress, items]) => (
          <div key={ingress} className="finding-group">
            <h4 className="finding-ingress">{t('findings.ingress')} <code>{ingress}</code></h4>
            <ul className="finding-list">
              {items.map(({ finding, index }) => {
                const place = findingPlaces[index] ?? null
                return (
                  <li key={index} className={`finding finding-${finding.severity}`} data-code={finding.code}>
                    <SeverityIcon severity={finding.severity} />
                    <div className="finding-body">
                      <button type="button" className="link-button finding-where" disabled={place === null}
                        onClick={() => place && revealInEditor({ offset: place.offset })}
                        title={t('findings.reveal')}>
                        <code>{finding.annotation ?? t('findings.spec')}</code>
                        {place && <span className="finding-line">{t('line', { line: place.line })}</span>}
                      </button>
                      <p className="finding-text"><EngineMessage message={finding.text} /></p>
                    </div>
                  </li>
                )
              })}
            </ul>
          </div>
        ))}
      </section>
    </div>
  )
}
