/**
 * The pods' logs as stern prints them — `pod container message`, the pod name in stern's colour for it — up to
 * the cursor, following the newest line, for all pods or one.
 */
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { countAtOrBefore } from '../../engine/simulate/timeline-queries'
import { setLogPod } from '../../state/playback-actions'
import type { SimulationRun } from '../../state/slices/simulation-slice'
import { useStudioStore } from '../../state/store'
import { TID } from '../test-ids'
import { formatSeconds } from './time-format'
import { VirtualList } from './VirtualList'

export function SternLogs({ run }: { readonly run: SimulationRun }) {
  const { t } = useTranslation('timeline')
  const pod = useStudioStore((s) => s.logPod)
  const logs = run.result.logs
  const pods = run.result.timeline.pods
  // Indexes of the lines shown (one pod's, or all) and their times, for the "so far" search.
  const { lines, times } = useMemo(() => {
    const lines = pod === null ? null : logs.flatMap((line, i) => (line.pod === pod ? [i] : []))
    return { lines, times: lines === null ? run.view.logTimes : Float64Array.from(lines, (i) => logs[i]!.timeMs) }
  }, [logs, pod, run])
  const soFar = useStudioStore((s) => countAtOrBefore(times, s.cursorMs))
  return (
    <div className="logs">
      <div className="logs-head">
        <label>
          {t('logs.pod')}{' '}
          <select value={pod ?? ''} onChange={(e) => setLogPod(e.target.value === '' ? null : Number(e.target.value))}>
            <option value="">{t('logs.allPods')}</option>
            {pods.map((p, i) => (
              <option key={p.name} value={i}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <span className="muted">{t('logs.shown', { count: soFar })}</span>
      </div>
      <VirtualList
        className="log-list"
        testId={TID.timelineLogs}
        count={soFar}
        rowHeight={20}
        label={t('logs.title')}
        follow={soFar - 1}
        renderRow={(i) => {
          const line = logs[lines === null ? i : lines[i]!]!
          const name = pods[line.pod]!.name
          const colour = `stern-${run.view.sternColours[line.pod]}`
          if (line.kind !== 'app') {
            return (
              <div className="log-line" lang="en">
                <span className="mono at">{formatSeconds(line.timeMs)}</span>
                <span className={line.kind === 'start' ? 'stern-plus' : 'stern-minus'}>{line.kind === 'start' ? '+' : '-'}</span>{' '}
                <span className={`${colour} bright`}>{name}</span> › <span className={colour}>{line.container}</span>
              </div>
            )
          }
          return (
            <div className="log-line" lang="en">
              <span className="mono at">{formatSeconds(line.timeMs)}</span>
              <span className={`${colour} bright`}>{name}</span> <span className={colour}>{line.container}</span> {line.message}
            </div>
          )
        }}
      />
    </div>
  )
}
