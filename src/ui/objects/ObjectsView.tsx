/**
 * The Objects view: what the engine understood — every object with its kind, name, namespace, the apiVersion as
 * written and a one-line summary. Clicking a row shows the object in the editor.
 */
import { useMemo, useState } from 'react'
import { revealInEditor } from '../../state/actions'
import { selectDiagnostics, selectModel, selectAnalyzedSource } from '../../state/selectors'
import { useStudioStore } from '../../state/store'
import { SeverityIcon } from '../common/SeverityIcon'
import { TID } from '../test-ids'
import { countKinds, createLineIndex, summarizeObjects } from './summarize-objects'

/** Rows rendered before "Show all": thousands of rows would slow every analysis down. */
const ROW_CAP = 300

export function ObjectsView() {
  const model = useStudioStore(selectModel)
  const diagnostics = useStudioStore(selectDiagnostics)
  const analyzedSource = useStudioStore(selectAnalyzedSource)
  const [showAll, setShowAll] = useState(false)
  const positionOf = useMemo(() => createLineIndex(analyzedSource), [analyzedSource])
  const rows = useMemo(() => (model ? summarizeObjects(model, diagnostics, positionOf) : []), [model, diagnostics, positionOf])

  if (!model) return <p className="empty">Reading the manifest…</p>
  if (rows.length === 0) return <p className="empty">No objects yet. Write a manifest on the left, e.g. an Ingress.</p>

  const visible = showAll ? rows : rows.slice(0, ROW_CAP)
  return (
    <section className="objects-view" data-testid={TID.objectsView} aria-label="Objects">
      <p className="kind-counts">
        {countKinds(rows).map(([kind, count]) => (
          <span key={kind} className="chip"><strong>{count}</strong> {kind}</span>
        ))}
      </p>
      <table className="objects-table">
        <thead>
          <tr>
            <th scope="col">Kind</th>
            <th scope="col">Name</th>
            <th scope="col">API version</th>
            <th scope="col" className="issues">Issues</th>
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
                  title={`Line ${row.line}`}
                  aria-label={`Show ${row.kind} ${row.name} in the editor`}
                  onClick={() => revealInEditor({ line: row.line, column: row.column })}
                >
                  {row.name || '(no name)'}
                </button>
                {row.namespace !== 'default' && <span className="muted"> · {row.namespace}</span>}
                <span className="object-summary">{row.summary}</span>
              </td>
              <td><ApiVersion value={row.apiVersion} /></td>
              <td className="issues">
                {row.worst && (
                  <span title={`${row.issues} diagnostic${row.issues === 1 ? '' : 's'}`}>
                    <SeverityIcon severity={row.worst} /> {row.issues}
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {visible.length < rows.length && (
        <button type="button" className="button" onClick={() => setShowAll(true)}>Show all {rows.length} objects</button>
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
