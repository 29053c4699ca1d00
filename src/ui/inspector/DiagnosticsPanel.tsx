/**
 * Every engine diagnostic in source order: severity, message, code and `line:col`. Activating an item moves the
 * editor there and focuses it. The list says which state it is in (`selectAnalysisPhase`): "No problems found"
 * only once an analysis of the text on screen is in; "Analyzing…" until then (an earlier text's problems stay,
 * faded); and when the engine gave no answer, that the analysis is unavailable and why, with Retry.
 */
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useShallow } from 'zustand/react/shallow'
import type { Diagnostic } from '../../engine/diagnostics'
import { revealInEditor } from '../../state/actions'
import { retryAnalysis } from '../../state/analysis-sync'
import { selectAnalysisPhase, selectDiagnostics, selectEngineFailure, selectSeverityCounts } from '../../state/selectors'
import { useStudioStore } from '../../state/store'
import { EngineFailureNotice } from '../common/EngineFailureNotice'
import { SeverityIcon } from '../common/SeverityIcon'
import { useEngineText } from '../i18n/engine-text'
import { ExportReportButton } from '../report/ExportReportButton'
import { TID } from '../test-ids'

/** Items rendered before "Show all"; a pasted 2 MB manifest can carry thousands. */
const ITEM_CAP = 200

export function DiagnosticsPanel() {
  const { t } = useTranslation('inspector')
  const diagnostics = useStudioStore(selectDiagnostics)
  const counts = useStudioStore(useShallow(selectSeverityCounts))
  const phase = useStudioStore(selectAnalysisPhase)
  const engineFailure = useStudioStore(selectEngineFailure)
  const failure = phase === 'failed' ? engineFailure : null
  const [showAll, setShowAll] = useState(false)
  const visible = showAll ? diagnostics : diagnostics.slice(0, ITEM_CAP)

  return (
    <section className="diagnostics-panel" aria-labelledby="diagnostics-title" data-phase={phase} aria-busy={phase === 'running'}>
      <header className="pane-header">
        <h2 id="diagnostics-title">{t('title')}</h2>
        <span className="counts" aria-label={t('counts', { errors: counts.error, warnings: counts.warning, info: counts.info })}>
          <span className="count"><SeverityIcon severity="error" /> {counts.error}</span>
          <span className="count"><SeverityIcon severity="warning" /> {counts.warning}</span>
          <span className="count"><SeverityIcon severity="info" /> {counts.info}</span>
        </span>
        <ExportReportButton kind="lint" />
      </header>
      {failure && <EngineFailureNotice work="analysis" failure={failure} onRetry={retryAnalysis} />}
      {diagnostics.length === 0 ? (
        phase === 'done' ? (
          <p className="empty" data-testid={TID.diagnosticsEmpty}>{t('empty')}</p>
        ) : phase === 'running' ? (
          <p className="empty">{t('analyzing')}</p>
        ) : null
      ) : (
        <ul className={`diagnostics-list${phase !== 'done' ? ' is-behind' : ''}`} data-testid={TID.diagnosticsList} aria-label={t('list')}>
          {visible.map((diagnostic, index) => (
            <DiagnosticItem key={`${diagnostic.span.start}:${diagnostic.code}:${index}`} diagnostic={diagnostic} />
          ))}
        </ul>
      )}
      {visible.length < diagnostics.length && (
        <button type="button" className="button" onClick={() => setShowAll(true)}>{t('showAll', { count: diagnostics.length })}</button>
      )}
    </section>
  )
}

function DiagnosticItem({ diagnostic }: { readonly diagnostic: Diagnostic }) {
  const say = useEngineText()
  const { line, column } = diagnostic.start
  return (
    <li data-testid={TID.diagnosticItem} data-severity={diagnostic.severity} data-code={diagnostic.code} data-line={line}>
      <button type="button" className="diagnostic" onClick={() => revealInEditor({ line, column })}>
        <SeverityIcon severity={diagnostic.severity} />
        <span className="diagnostic-message">{say(diagnostic.text)}</span>
        <span className="diagnostic-meta">
          <code>{diagnostic.code}</code>
          <span className="position">{line}:{column}</span>
        </span>
      </button>
    </li>
  )
}
