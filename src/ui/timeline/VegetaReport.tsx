/**
 * vegeta's report for the requests sent up to the cursor (whole seconds, computed in the worker as the cursor
 * moves) or for the whole run: the text `vegeta report` prints, and its latency histogram as bars.
 */
import { useTranslation } from 'react-i18next'
import type { CursorReport } from '../../engine'
import { setReportScope } from '../../state/playback-actions'
import type { SimulationRun } from '../../state/slices/simulation-slice'
import { useStudioStore } from '../../state/store'
import { TID } from '../test-ids'
import { formatSeconds } from './time-format'

/** Go-style duration text for a bucket bound in ns (the histogram labels). */
function bucketText(ns: number): string {
  if (ns === 0) return '0'
  if (ns >= 1e9) return `${Number((ns / 1e9).toPrecision(3))}s`
  return `${Number((ns / 1e6).toPrecision(3))}ms`
}

export function HistogramBars({ report }: { readonly report: CursorReport }) {
  const { t } = useTranslation('timeline')
  const h = report.histogram
  const max = Math.max(1, ...h.counts)
  return (
    <table className="histogram" aria-label={t('report.histogram')}>
      <tbody>
        {h.bucketsNs.map((lo, i) => {
          const hi = h.bucketsNs[i + 1]
          const count = h.counts[i] ?? 0
          return (
            <tr key={lo}>
              <th scope="row" className="mono">
                [{bucketText(lo)}, {hi === undefined ? '+Inf' : bucketText(hi)}]
              </th>
              <td className="mono num">{count}</td>
              <td className="bar-cell">
                <span className="bar" style={{ width: `${(100 * count) / max}%` }} />
              </td>
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}

export function ReportSummary({ report }: { readonly report: CursorReport }) {
  const { t } = useTranslation('timeline')
  const failed = report.requests - report.success
  return (
    <p className={`report-summary ${failed > 0 ? 'has-failures' : 'no-failures'}`} data-testid={TID.timelineReportSummary} data-failed={failed} data-requests={report.requests}>
      {t('report.summary', { requests: report.requests, failed })}
    </p>
  )
}

export function VegetaReport({ run }: { readonly run: SimulationRun }) {
  const { t } = useTranslation('timeline')
  const scope = useStudioStore((s) => s.reportScope)
  const cursorReport = useStudioStore((s) => (s.cursorReport?.runId === run.id ? s.cursorReport.report : null))
  const report = scope === 'run' ? run.view.report : cursorReport
  return (
    <div className="report">
      <div className="report-head" role="radiogroup" aria-label={t('report.scope')}>
        {(['cursor', 'run'] as const).map((value) => (
          <label key={value} className={`seg ${scope === value ? 'is-on' : ''}`}>
            <input type="radio" name="report-scope" value={value} checked={scope === value} onChange={() => setReportScope(value)} />
            {t(`report.${value}`)}
          </label>
        ))}
        {scope === 'cursor' && report && report.untilMs !== null && <span className="muted">{t('report.until', { seconds: formatSeconds(report.untilMs) })}</span>}
      </div>
      {report ? (
        <div className="report-body">
          <ReportSummary report={report} />
          <pre className="vegeta-text" lang="en" data-testid={TID.timelineReport} aria-label={t('report.text')}>
            {report.text}
          </pre>
          <HistogramBars report={report} />
          <details>
            <summary>{t('report.histogramText')}</summary>
            <pre className="vegeta-text" lang="en">{report.histogramText}</pre>
          </details>
        </div>
      ) : (
        <p className="empty">{t('report.computing')}</p>
      )}
    </div>
  )
}
