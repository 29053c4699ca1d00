/**
 * The route table: every Ingress path and defaultBackend as ingress-nginx treats it (host, path, type,
 * backend, Ingress, notes), then every HTTPRoute rule match with the same columns (GatewayRowCells.tsx),
 * sortable by any column; a row selects its route in the graph and its YAML.
 */
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { GatewayTableRow, RouteTableRow } from '../../engine'
import type { Message } from '../../engine/messages/message'
import { selectNode } from '../../state/graph-actions'
import { selectRouteViewPhase } from '../../state/selectors'
import { useStudioStore } from '../../state/store'
import { useEngineText } from '../i18n/engine-text'
import { TID } from '../test-ids'
import { EngineMessage } from '../i18n/EngineMessage'
import { gatewayCellText, GatewayRowCells } from './GatewayRowCells'
import './route-table.css'

type Column = 'host' | 'path' | 'pathType' | 'backend' | 'ingress' | 'notes'
const COLUMNS: readonly Column[] = ['host', 'path', 'pathType', 'backend', 'ingress', 'notes']

/** Short names for the type column; the full name is the cell's tooltip. */
const TYPE_LABEL: Readonly<Record<string, string>> = { ImplementationSpecific: 'ImplSpecific' }

/** A note marks a spec divergence with its id, `(D4)`, in every language. */
const DIVERGENCE = /\(D\d+\)/

function cellText(row: RouteTableRow, column: Column, say: (message: Message) => string): string {
  return column === 'notes' ? row.notes.map(say).join(' ') : row[column]
}

/** A row of either world, with its graph node and its place in the engine's order. */
type Item =
  | { readonly kind: 'ingress'; readonly row: RouteTableRow; readonly node: string | null; readonly index: number }
  | { readonly kind: 'gateway'; readonly row: GatewayTableRow; readonly node: string | null; readonly index: number }

const itemText = (item: Item, column: Column, say: (message: Message) => string): string =>
  item.kind === 'ingress' ? cellText(item.row, column, say) : gatewayCellText(item.row, column)

export function RouteTable() {
  const { t } = useTranslation('routes')
  const view = useStudioStore((state) => state.routeView?.view ?? null)
  const selected = useStudioStore((state) => state.selectedNodeId)
  const answered = useStudioStore((state) => state.testOutcome?.result.locationId ?? null)
  // The Gateway API row that answered the tested request: its route, rule and match.
  const answeredGateway = useStudioStore((state) => {
    const outcome = state.testOutcome
    if (outcome?.router !== 'gateway' || !outcome.result.route) return null
    const { namespace, name, rule } = outcome.result.route
    return `${namespace}/${name}|${rule}|${outcome.result.matchIndex ?? 0}`
  })
  const phase = useStudioStore(selectRouteViewPhase)
  const [sort, setSort] = useState<{ column: Column; descending: boolean } | null>(null)
  const say = useEngineText()
  const rows = useMemo(() => {
    const ingress = (view?.table ?? []).map((row, index): Item => ({ kind: 'ingress', row, node: view?.tableNodes[index] ?? null, index }))
    const offset = ingress.length
    const gateway = (view?.gatewayTable ?? []).map((row, index): Item => ({ kind: 'gateway', row, node: view?.gatewayTableNodes[index] ?? null, index: offset + index }))
    const indexed = [...ingress, ...gateway]
    if (!sort) return indexed
    const sign = sort.descending ? -1 : 1
    return [...indexed].sort((a, b) => sign * itemText(a, sort.column, say).localeCompare(itemText(b, sort.column, say)) || a.index - b.index)
  }, [view, sort, say])
  const hasGateway = (view?.gatewayTable.length ?? 0) > 0

  // "No paths" only for the route view of the text on screen (a failure is said above the view, in MainArea).
  if (!view || (rows.length === 0 && phase === 'running')) return <p className="empty">{t('loading')}</p>
  if (rows.length === 0) return phase === 'done' ? <p className="empty">{t('noRoutes')}</p> : null
  const toggle = (column: Column) =>
    setSort((current) => (current?.column !== column ? { column, descending: false } : current.descending ? null : { column, descending: true }))
  return (
    <section className="route-table-view" data-testid={TID.routeTable} aria-label={t('tableTitle')}>
      <table className="objects-table route-table">
        <thead>
          <tr>
            {COLUMNS.map((column) => (
              <th key={column} scope="col" aria-sort={sort?.column === column ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
                <button type="button" className="sort-button" onClick={() => toggle(column)}>
                  {t(column === 'ingress' && hasGateway ? 'column.source' : `column.${column}`)}
                  <span className="sort-mark" aria-hidden="true">{sort?.column === column ? (sort.descending ? '▼' : '▲') : '↕'}</span>
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((item) => item.kind === 'gateway' ? (
            <tr
              key={item.index}
              className={[item.node !== null && item.node === selected ? 'is-selected' : '', answeredGateway === `${item.row.route}|${item.row.rule}|${item.row.match}` ? 'is-answered' : '', item.row.detached ? 'is-detached' : ''].join(' ').trim() || undefined}
              data-testid={TID.gatewayRouteRow}
            >
              <GatewayRowCells row={item.row} node={item.node} />
            </tr>
          ) : (
            <IngressRow key={item.index} row={item.row} node={item.node} selected={selected} answered={answered} />
          ))}
        </tbody>
      </table>
    </section>
  )
}

/** An Ingress path or defaultBackend row (route-table.ts). */
function IngressRow({ row, node, selected, answered }: { readonly row: RouteTableRow; readonly node: string | null; readonly selected: string | null; readonly answered: string | null }) {
  const { t } = useTranslation('routes')
  const say = useEngineText()
  return (
    <tr
      className={[node !== null && node === selected ? 'is-selected' : '', answered !== null && row.locationIds.includes(answered) ? 'is-answered' : ''].join(' ').trim() || undefined}
      data-testid={TID.routeRow}
    >
      <td><code>{row.host === '' ? t('anyHost') : row.host}</code></td>
      <td>
        <button type="button" className="link-button" disabled={node === null} onClick={() => node && selectNode(node, 'table')} aria-label={t('selectRoute', { host: row.host || t('anyHost'), path: row.path || '/' })}>
          <code>{row.path === '' ? '/' : row.path}</code>
        </button>
      </td>
      <td><span className="type-chip" title={row.pathType}>{TYPE_LABEL[row.pathType] ?? row.pathType}</span></td>
      <td><code>{row.backend}</code></td>
      <td>{row.ingress}</td>
      <td className="notes">
        <div className="notes-list">
          {row.notes.map((note, n) => <span key={n} className={DIVERGENCE.test(say(note)) ? 'note is-divergence' : 'note'}><EngineMessage message={note} /></span>)}
        </div>
      </td>
    </tr>
  )
}
