/**
 * The cells of a Gateway API row of the route table (engine/gateway/gateway-route-table.ts): the hostnames the
 * route answers through its listeners, the match (its method, headers and query as a short line under the path),
 * the backends with their shares (a refused one in red with its reason), the HTTPRoute and rule, and the notes —
 * the compile stage's condition messages in the reader's language, and the rule's filters.
 */
import { useTranslation } from 'react-i18next'
import type { GatewayTableNote, GatewayTableRow } from '../../engine'
import { EngineMessage } from '../i18n/EngineMessage'
import { selectNode } from '../../state/graph-actions'

/** `text` with a line-break opportunity after each `at` (`/`, a host's `.`): a narrow column breaks a name there only. */
function Breakable({ text, at = '/' }: { readonly text: string; readonly at?: string }) {
  const parts = text.split(at)
  return <>{parts.map((part, i) => <span key={i}>{part}{i < parts.length - 1 && <>{at}<wbr /></>}</span>)}</>
}

/** Short names for the type column; the full name is the cell's tooltip. */
const TYPE_LABEL: Readonly<Record<string, string>> = { RegularExpression: 'Regex' }

function Note({ note }: { readonly note: GatewayTableNote }) {
  const { t } = useTranslation('routes')
  switch (note.kind) {
    case 'parent-refused':
      return (
        <span className="note is-problem">
          <strong>{t('gatewayNote.parentRefused', { gateway: note.gateway ?? '—', reason: note.reason })}</strong> <EngineMessage message={note.message} />
        </span>
      )
    case 'backend-refused':
      return (
        <span className="note is-problem">
          <strong>{t('gatewayNote.backendRefused', { backend: note.backend, reason: note.reason })}</strong> <EngineMessage message={note.message} />
        </span>
      )
    case 'unsupported-filter':
      return <span className="note is-problem"><EngineMessage message={note.message} /></span>
    case 'attached':
      return <span className="note">{t('gatewayNote.attached', { gateway: note.gateway, listeners: note.listeners.join(', ') })}</span>
    case 'filter':
      return <span className="note">{t(`gatewayNote.filter.${note.type}`, { text: note.text })}</span>
  }
}

/** The row's cells after the host: path, type, backend, source, notes. */
export function GatewayRowCells({ row, node }: { readonly row: GatewayTableRow; readonly node: string | null }) {
  const { t } = useTranslation('routes')
  const host = row.detached ? t('notAttached') : row.hosts === null ? t('anyHost') : row.host
  return (
    <>
      <td className={row.detached ? 'is-detached' : undefined}>
        {row.detached || row.hosts === null ? host : <div className="gateway-hosts">{row.hosts.map((name) => <code key={name}><Breakable text={name} at="." /></code>)}</div>}
      </td>
      <td>
        <button type="button" className="link-button" disabled={node === null} onClick={() => node && selectNode(node, 'table')} aria-label={t('selectRoute', { host, path: row.path })}>
          <code className="match-path"><Breakable text={row.path} /></code>
        </button>
        {row.conditions.length > 0 && <div className="match-conditions">{row.conditions.map((part, p) => <code key={p}>{part}</code>)}</div>}
      </td>
      <td><span className="type-chip" title={row.pathType}>{TYPE_LABEL[row.pathType] ?? row.pathType}</span></td>
      <td>
        {row.backends.length === 0 ? <span className="type-chip">—</span> : (
          <div className="gateway-backends">
            {row.backends.map((backend, b) => (
              <code key={b} className={backend.valid ? undefined : 'is-refused'} title={backend.refusal ?? undefined}>
                <Breakable text={backend.text} />{backend.percent !== null ? <> <span>{backend.percent}%</span></> : ''}{backend.valid ? '' : ' ✕'}
              </code>
            ))}
          </div>
        )}
      </td>
      <td className="gateway-source"><span>HTTPRoute</span> <code><Breakable text={row.route} /></code> <span>{t('gatewayRule', { rule: row.rule })}</span></td>
      <td className="notes">
        <div className="notes-list">
          {row.notes.map((note, n) => <Note key={n} note={note} />)}
        </div>
      </td>
    </>
  )
}

/** A row's text in a column, for sorting beside the Ingress rows. */
export function gatewayCellText(row: GatewayTableRow, column: string): string {
  switch (column) {
    case 'host': return row.host
    case 'path': return row.path
    case 'pathType': return row.pathType
    case 'backend': return row.backend
    case 'ingress': return `${row.route} ${row.rule}`
    default: return row.notes.map((note) => ('reason' in note ? note.reason : note.kind)).join(' ')
  }
}
