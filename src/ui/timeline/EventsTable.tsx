/**
 * Kubernetes events as `kubectl get events` lists them (LAST SEEN, TYPE, REASON, OBJECT, MESSAGE), with ages
 * relative to the cursor; events that have not happened yet are dimmed. Virtual, and it re-renders only when
 * the cursor crosses an event or a whole second. In a language other than English each message is explained in
 * that language, with Kubernetes' own English words under it (what `kubectl` prints in the reader's cluster).
 */
import { useTranslation } from 'react-i18next'
import { useEngineText } from '../i18n/engine-text'
import { selectCursorSecond, selectEventsSoFar } from '../../state/slices/playback-slice'
import type { SimulationRun } from '../../state/slices/simulation-slice'
import { useStudioStore } from '../../state/store'
import { formatAge } from './time-format'
import { VirtualList } from './VirtualList'

export function EventsTable({ run }: { readonly run: SimulationRun }) {
  const { t, i18n } = useTranslation('timeline')
  const say = useEngineText()
  // English shows the message once; other languages add the verbatim line, so rows are taller.
  const explained = !i18n.language.startsWith('en')
  const soFar = useStudioStore(selectEventsSoFar)
  const second = useStudioStore(selectCursorSecond)
  const events = run.result.events
  return (
    <div className={`events ${explained ? 'is-explained' : ''}`}>
      <div className="events-head k-row" aria-hidden="true" lang="en">
        <span>LAST SEEN</span>
        <span>TYPE</span>
        <span>REASON</span>
        <span>OBJECT</span>
        <span>MESSAGE</span>
      </div>
      <VirtualList
        className="events-list"
        count={events.length}
        rowHeight={explained ? 40 : 24}
        label={t('events.title')}
        follow={soFar > 0 ? soFar - 1 : null}
        renderRow={(i) => {
          const e = events[i]!
          const future = i >= soFar
          const lastSeen = e.lastMs <= second * 1000 + 999 ? e.lastMs : e.timeMs
          return (
            <div className={`k-row ${future ? 'is-future' : ''} ${e.type === 'Warning' ? 'is-warning' : ''} ${explained ? 'is-explained' : ''}`} data-reason={e.reason}>
              <span className="mono">{future ? `+${formatAge((e.timeMs - second * 1000) / 1000)}` : formatAge(second - lastSeen / 1000)}</span>
              <span lang="en">{e.type}</span>
              <span lang="en">{e.reason}</span>
              <span className="mono obj" title={e.object}>
                {e.object}
              </span>
              {explained ? (
                <span className="msg">
                  <span className="msg-explained" title={say(e.text)}>
                    {say(e.text)}
                    {e.count > 1 && <span className="muted"> (×{e.count})</span>}
                  </span>
                  <span className="msg-verbatim" lang="en" title={e.message}>
                    {e.message}
                  </span>
                </span>
              ) : (
                <span className="msg" title={e.message}>
                  {e.message}
                  {e.count > 1 && <span className="muted"> (×{e.count})</span>}
                </span>
              )}
            </div>
          )
        }}
      />
    </div>
  )
}
