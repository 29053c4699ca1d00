/**
 * Every engine diagnostic in source order: severity, message, code and `line:col`. Activating an item moves the
 * editor there and focuses it. "No problems found" only for an analysis of the text on screen: before the first
 * analysis the panel waits, and when the engine gave no answer it says the analysis is unavailable.
 */
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useShallow } from 'zustand/react/shallow'
import type { Diagnostic } from '../../engine/diagnostics'
import { revealInEditor } from '../../state/actions'
import { retryAnalysis } from '../../state/analysis-sync'
import { selectDiagnostics, selectIsAnalysisBehind, selectSeverityCounts } from '../../state/selectors'
import { useStudioStore } from '../../state/store'
import { EngineFailureNotice } from '../common/EngineFailureNotice'
import { SeverityIcon } from '../common/SeverityIcon'
import { useEngineText } from '../i18n/engine-text'
import { TID } from '../test-ids'

/** Items rendered before "Show all"; a pasted 2 MB manifest can carry thousands. */
const ITEM_CAP = 200

export function DiagnosticsPanel() {
  const { t } = useTranslation('inspector')
  const diagnostics = useStudioStore(selectDiagnostics)
  const counts = useStudioStore(useShallow(selectSeverityCounts))
  const behind = useStudioStore(selectIsAnalysisBehind)
  const analyzed = useStudioStore((state) => state.analysis !== null)
  const failure = useStudioStore((state) => (state.analysisStatus === 'failed' ? state.engineFailure : null))
  const [showAll, setShowAll] = useState(false)
  const visible = showAll ? diagnostics : diagnostics.slice(0, ITEM_CAP)

  return (
    <section className="diagnostics-panel" aria-labelledby="diagnostics-title">
      <header className="pane-header">
        <h2 id="diagnostics-title">{t('title')}</h2>
        <span className="counts" aria-label={t('counts', { errors: counts.error, warnings: counts.warning, info: counts.info })}>
          <span className="count"><SeverityIcon severity="error" /> {counts.error}</span>
          <span className="count"><SeverityIcon severity="warning" /> {counts.warning}</span>
          <span className="count"><SeverityIcon severity="info" /> {counts.info}</span>
        </span>
      </header>
      {failure && <EngineFailureNotice work="analysis" failure={failure} onRetry={retryAnalysis} />}
      {diagnostics.length === 0 ? (
        failure ? null : analyzed ? (
          <p className="empty" data-testid={TID.diagnosticsEmpty}>{t('empty')}</p>
        ) : (
          <p className="empty" aria-busy="true">{t('waiting')}</p>
        )
      ) : (
        <ul className={`diagnostics-list${behind ? ' is-behind' : ''}`} data-testid={TID.diagnosticsList} aria-label={t('list')}>
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
