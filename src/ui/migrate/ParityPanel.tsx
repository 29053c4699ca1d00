/**
 * Parity: the same requests through ingress-nginx and through the converted Gateway API objects. Equivalent or
 * not over N requests; the differences grouped by cause (count, explanation, fix), one row per request with the
 * fields that differ (ingress-nginx → Gateway API). A selected row shows, in the list's place, both traces and both
 * routes in the graph.
 */
import { useTranslation } from 'react-i18next'
import type { ParityDifference, ParityReport } from '../../engine'
import { selectDifference } from '../../state/migration-sync'
import { useStudioStore } from '../../state/store'
import type { MigrationAnswer } from '../../worker/protocol'
import { EngineMessage } from '../i18n/EngineMessage'
import { DifferenceDetail } from './DifferenceDetail'
import { DifferenceFields, RequestExtras } from './DifferenceFields'

type Done = Extract<MigrationAnswer, { kind: 'done' }>

export function ParityPanel({ answer }: { readonly answer: Done }) {
  const { t } = useTranslation('migrate')
  const selected = useStudioStore((state) => state.migrationSelected)
  const { parity } = answer
  if ('problem' in parity) return <p className="migration-problem" role="alert"><EngineMessage message={parity.problem} /></p>
  const difference = selected === null ? undefined : parity.differences[selected]
  return (
    <div className="parity-panel" data-testid="parity-panel">
      <p className={`parity-summary ${parity.equivalent ? 'is-equivalent' : 'is-different'}`} role="status" data-equivalent={parity.equivalent}>
        {parity.equivalent
          ? t('parity.equivalent', { count: parity.requests, gateway: parity.gateway })
          : t('parity.different', { count: parity.requests, differences: parity.differences.length, gateway: parity.gateway })}
      </p>
      {difference && selected !== null ? (
        <DifferenceDetail difference={difference} index={selected} view={answer.view} layout={answer.layout} />
      ) : (
        <div className="parity-groups">
          <Groups report={parity} selected={selected} />
        </div>
      )}
    </div>
  )
}

function Groups({ report, selected }: { readonly report: ParityReport; readonly selected: number | null }) {
  const { t } = useTranslation('migrate')
  const indexed = report.differences.map((difference, index) => ({ difference, index }))
  return (
    <>
      {report.groups.map((group) => {
        const rows = indexed.filter(({ difference }) => difference.cause === group.cause)
        const fix = rows[0]?.difference.fix
        return (
          <section key={group.cause} className="parity-group" data-cause={group.cause} aria-label={t('parity.groupLabel', { count: group.count })}>
            <header className="parity-group-head">
              <span className="parity-count">{t('parity.requests', { count: group.count })}</span>
              <span className="parity-explanation"><EngineMessage message={group.explanation} /></span>
            </header>
            {fix && (
              <p className={`parity-fix fix-${fix.kind}`}>
                <span className="parity-fix-kind">{t(`fix.${fix.kind}`)}</span> <EngineMessage message={fix.text} />
              </p>
            )}
            <ul className="parity-rows">
              {rows.map(({ difference, index }) => (
                <li key={index}>
                  <DifferenceRow difference={difference} index={index} selected={selected === index} />
                </li>
              ))}
            </ul>
          </section>
        )
      })}
    </>
  )
}

function DifferenceRow({ difference, index, selected }: { readonly difference: ParityDifference; readonly index: number; readonly selected: boolean }) {
  const { request } = difference
  return (
    <button type="button" className={`parity-row${selected ? ' is-selected' : ''}`} aria-pressed={selected} data-testid="parity-row"
      onClick={() => selectDifference(selected ? null : index)}>
      <span className="parity-request">
        <span className="parity-method">{request.method}</span> <span className="parity-url">{request.url}</span>
      </span>
      <RequestExtras difference={difference} />
      <DifferenceFields difference={difference} />
    </button>
  )
}
