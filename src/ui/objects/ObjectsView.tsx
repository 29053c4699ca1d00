/**
 * The Objects view: what the engine understood — every object with its kind, name, namespace, the apiVersion as
 * written and a one-line summary. Clicking a row shows the object in the editor.
 */
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { revealInEditor } from '../../state/actions'
import { selectAnalysisPhase, selectDiagnostics, selectModel, selectAnalyzedSource } from '../../state/selectors'
import { useStudioStore } from '../../state/store'
import { SeverityIcon } from '../common/SeverityIcon'
import { TID } from '../test-ids'
import { countKinds, createLineIndex, summarizeObjects, type SummaryWords } from './summarize-objects'

/** Rows rendered before "Show all": thousands of rows would slow every analysis down. */
const ROW_CAP = 300

export function ObjectsView() {
  const { t, i18n } = useTranslation('objects')
  const model = useStudioStore(selectModel)
  const diagnostics = useStudioStore(selectDiagnostics)
  const analyzedSource = useStudioStore(selectAnalyzedSource)
  const phase = useStudioStore(selectAnalysisPhase)
  const [showAll, setShowAll] = useState(false)
  const positionOf = useMemo(() => createLineIndex(analyzedSource), [analyzedSource])
  const language = i18n.resolvedLanguage
  const words = useMemo<SummaryWords>(
    () => ({
      paths: (count) => t('summary.paths', { count }),
      keys: (count) => t('summary.keys', { count }),
      replicas: (count) => t('summary.replicas', { count }),
      controller: (name) => t('summary.controller', { name }),
      noRules: t('summary.noRules'),
      noPorts: t('summary.noPorts'),
      tls: t('summary.tls'),
      default: t('summary.default'),
      notModelled: t('summary.notModelled'),
    }),
    // `language` re-creates the words when the UI language changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [t, language],
  )
  const rows = useMemo(() => (model ? summarizeObjects(model, diagnostics, positionOf, words) : []), [model, diagnostics, positionOf, words])

  // "No objects" only for an analysis of the text on screen (a failure is said above the view, in MainArea).
  if (!model || (rows.length === 0 && phase === 'running')) return <p className="empty">{t('reading')}</p>
  if (rows.length === 0) return phase === 'done' ? <p className="empty">{t('empty')}</p> : null

  const visible = showAll ? rows : rows.slice(0, ROW_CAP)
  return (
    <section className="objects-view" data-testid={TID.objectsView} aria-label={t('region')}>
      <p className="kind-counts">
        {countKinds(rows).map(([kind, count]) => (
          <span key={kind} className="chip"><strong>{count}</strong> {kind}</span>
        ))}
      </p>
      <table className="objects-table">
        <thead>
          <tr>
            <th scope="col">{t('kind')}</th>
            <th scope="col">{t('name')}</th>
            <th scope="col">{t('apiVersion')}</th>
            <th scope="col" className="issues">{t('issues')}</th>
          </tr>
        </thead>
        <tbody>
          {visible.map((row) => (
            <tr key={row.key} data-testid={TID.objectRow} data-kind={row.kind} data-name={row.name}>
              <td><span className={`kind kind-${row.kind.toLowerCase()}`}>{row.kind}</span></td>
              <td>
                <button
                  type="button"
                  className="link-button"
                  title={t('line', { line: row.line })}
                  aria-label={t('show', { kind: row.kind, name: row.name })}
                  onClick={() => revealInEditor({ line: row.line, column: row.column })}
                >
                  {row.name || t('noName')}
                </button>
                {row.namespace !== 'default' && <span className="muted"> · {row.namespace}</span>}
                <span className="object-summary">{row.summary}</span>
              </td>
              <td><ApiVersion value={row.apiVersion} /></td>
              <td className="issues">
                {row.worst && (
                  <span title={t('diagnostics', { count: row.issues })}>
                    <SeverityIcon severity={row.worst} /> {row.issues}
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {visible.length < rows.length && (
        <button type="button" className="button" onClick={() => setShowAll(true)}>{t('showAll', { count: rows.length })}</button>
      )}
    </section>
  )
}

/** The apiVersion, allowed to wrap only after the group's slash (`extensions/` then `v1beta1`). */
function ApiVersion({ value }: { readonly value: string }) {
  const slash = value.lastIndexOf('/')
  if (slash < 0) return <code>{value}</code>
  return (
    <code>
      {value.slice(0, slash + 1)}
      <wbr />
      {value.slice(slash + 1)}
    </code>
  )
}
