/**
 * "Export report": one self-contained HTML file with the rollout report and the lint report (export-report.ts,
 * loaded on the first click). Mounted in the timeline's top bar (`kind="rollout"`, enabled once a run is on
 * screen) and in the diagnostics panel's header (`kind="lint"`, compact: an icon with the same name).
 */
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useStudioStore } from '../../state/store'
import './export-report-button.css'

export function ExportReportButton({ kind }: { readonly kind: 'rollout' | 'lint' }) {
  const { t } = useTranslation('report')
  const ready = useStudioStore((s) => (kind === 'rollout' ? s.simulationRun !== null : s.analysis !== null))
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)

  const onClick = async () => {
    setBusy(true)
    setProblem(null)
    try {
      const { exportReport } = await import('./export-report')
      await exportReport(new Date())
    } catch (error) {
      setProblem(t('failed', { message: error instanceof Error ? error.message : String(error) }))
    } finally {
      setBusy(false)
    }
  }

  const label = busy ? t('exporting') : t('export')
  return (
    <span className={`export-report export-report-${kind}`}>
      <button
        type="button"
        className="export-report-button"
        disabled={!ready || busy}
        aria-busy={busy}
        aria-label={kind === 'lint' ? t('export') : undefined}
        title={t('exportTitle')}
        onClick={() => void onClick()}
      >
        <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
          <path d="M8 2v8m-3.5-3.5L8 10l3.5-3.5M3 12.5v1.5h10v-1.5" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
        {kind === 'rollout' && <span>{label}</span>}
      </button>
      {problem && (
        <span className="export-report-problem" role="alert">
          {problem}
        </span>
      )}
    </span>
  )
}
