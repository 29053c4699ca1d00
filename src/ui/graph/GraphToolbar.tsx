/**
 * The graph's own toolbar, a row above the canvas (never over the nodes): the filter (a facet and a search, and
 * "only the tested route"), what is shown out of how many nodes, the progress of a newer graph, zoom, fit to a
 * readable view, and export of the graph as PNG or SVG.
 */
import { useReactFlow } from '@xyflow/react'
import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { GraphFacets } from '../../engine'
import { setGraphFilter } from '../../state/graph-actions'
import type { GraphFilterFacet } from '../../state/slices/graph-slice'
import { useStudioStore } from '../../state/store'
import { TID } from '../test-ids'
import { downloadDataUrl, renderGraphImage, type ExportFormat } from './export-graph'
import { GraphProgressLine } from './GraphProgress'

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()))

const FACETS: readonly GraphFilterFacet[] = ['any', 'host', 'namespace', 'ingress', 'route', 'service']
/** Suggestions offered under the search box at most (a datalist of thousands helps nobody). */
const SUGGESTIONS_MAX = 200

interface Props {
  readonly facets: GraphFacets
  readonly nodeCount: number
  readonly shownCount: number
  readonly hiddenPods: number
  /** True when the controller's edges to the hosts are not drawn (a large graph). */
  readonly entriesHidden: boolean
  /** Fits the graph to a readable view. */
  readonly onFit: () => void
  /** Asks the canvas to render every node (not only those on screen) while an export runs. */
  readonly onExporting: (exporting: boolean) => void
}

function GraphFilterControls({ facets }: { readonly facets: GraphFacets }) {
  const { t } = useTranslation('graph')
  const filter = useStudioStore((state) => state.graphFilter)
  const tested = useStudioStore((state) => state.testOutcome !== null)
  const listId = useId()
  const suggestions = (filter.facet === 'any' ? (['host', 'namespace', 'ingress', 'route', 'service'] as const).flatMap((facet) => facets[facet]) : facets[filter.facet])
    .slice(0, SUGGESTIONS_MAX)
    .map((entry) => entry.value)
  return (
    <div className="graph-filter" role="search" aria-label={t('filter.label')}>
      <select
        className="graph-filter-facet"
        aria-label={t('filter.facet')}
        value={filter.facet}
        onChange={(event) => setGraphFilter({ facet: event.currentTarget.value as GraphFilterFacet })}
      >
        {FACETS.map((facet) => <option key={facet} value={facet}>{t(`filter.facets.${facet}`)}</option>)}
      </select>
      <input
        type="search"
        className="graph-filter-text"
        aria-label={t('filter.text')}
        placeholder={t('filter.placeholder')}
        list={listId}
        value={filter.text}
        spellCheck={false}
        onChange={(event) => setGraphFilter({ text: event.currentTarget.value })}
      />
      <datalist id={listId}>
        {[...new Set(suggestions)].map((value) => <option key={value} value={value} />)}
      </datalist>
      <label className="graph-filter-tested" title={tested ? undefined : t('filter.onlyTestedNone')}>
        <input type="checkbox" checked={filter.onlyTested} disabled={!tested && !filter.onlyTested} onChange={(event) => setGraphFilter({ onlyTested: event.currentTarget.checked })} />
        {t('filter.onlyTested')}
      </label>
    </div>
  )
}

export function GraphToolbar({ facets, nodeCount, shownCount, hiddenPods, entriesHidden, onFit, onExporting }: Props) {
  const { t } = useTranslation('graph')
  const flow = useReactFlow()
  const [busy, setBusy] = useState<ExportFormat | null>(null)
  const [problem, setProblem] = useState<string | null>(null)

  const exportAs = async (format: ExportFormat, host: HTMLElement) => {
    setBusy(format)
    setProblem(null)
    onExporting(true)
    try {
      await nextFrame()
      await nextFrame()
      const viewport = host.closest('.route-graph')?.querySelector<HTMLElement>('.react-flow__viewport')
      if (!viewport) throw new Error('no viewport')
      const background = getComputedStyle(viewport).getPropertyValue('--surface').trim() || '#ffffff'
      const bounds = flow.getNodesBounds(flow.getNodes())
      const dataUrl = await renderGraphImage(viewport, bounds, format, background)
      downloadDataUrl(dataUrl, `route-graph.${format}`)
    } catch (error) {
      setProblem(t('exportFailed', { reason: error instanceof Error ? error.message : String(error) }))
    } finally {
      onExporting(false)
      setBusy(null)
    }
  }

  return (
    <div className="graph-toolbar" data-testid={TID.graphToolbar}>
      <GraphFilterControls facets={facets} />
      <span className="graph-stats" aria-live="polite" data-testid={TID.graphStats}>
        {shownCount < nodeCount ? t('statsFiltered', { count: nodeCount, shown: shownCount }) : t('stats', { count: nodeCount })}
        {hiddenPods > 0 && ` · ${t('hiddenPods', { count: hiddenPods })}`}
        {entriesHidden && ` · ${t('entriesHidden')}`}
      </span>
      <GraphProgressLine />
      <span className="graph-toolbar-actions">
        <span className="graph-zoom" role="group" aria-label={t('controls')}>
          <button type="button" className="tool-button" aria-label={t('zoomOut')} title={t('zoomOut')} onClick={() => void flow.zoomOut({ duration: 150 })}>
            <svg viewBox="0 0 16 16" width="13" height="13" aria-hidden="true"><path d="M3.5 8h9" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" /></svg>
          </button>
          <button type="button" className="tool-button" aria-label={t('zoomIn')} title={t('zoomIn')} onClick={() => void flow.zoomIn({ duration: 150 })}>
            <svg viewBox="0 0 16 16" width="13" height="13" aria-hidden="true"><path d="M3.5 8h9M8 3.5v9" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" /></svg>
          </button>
        </span>
        <button type="button" className="tool-button" title={t('fitTitle')} onClick={onFit}>
          {t('fit')}
        </button>
        {(['png', 'svg'] as const).map((format) => (
          <button
            key={format}
            type="button"
            className="tool-button"
            disabled={busy !== null}
            aria-label={t('exportAs', { format: format.toUpperCase() })}
            title={t('exportTitle', { format: format.toUpperCase() })}
            onClick={(event) => void exportAs(format, event.currentTarget)}
          >
            <svg viewBox="0 0 16 16" width="13" height="13" aria-hidden="true">
              <path d="M8 2.5v7.5M4.8 7 8 10.2 11.2 7M3 12.5h10" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" />
            </svg>
            {busy === format ? t('exporting') : format.toUpperCase()}
          </button>
        ))}
      </span>
      {problem && <span className="graph-export-problem" role="alert">{problem}</span>}
    </div>
  )
}
