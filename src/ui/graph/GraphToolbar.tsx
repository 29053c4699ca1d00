/** The graph's own toolbar: fit to view, and export of the whole graph as PNG or SVG. */
import { Panel, useReactFlow } from '@xyflow/react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { TID } from '../test-ids'
import { downloadDataUrl, renderGraphImage, type ExportFormat } from './export-graph'

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()))

interface Props {
  readonly nodeCount: number
  readonly hiddenPods: number
  /** True when the controller's edges to the hosts are not drawn (a large graph). */
  readonly entriesHidden: boolean
  /** Asks the canvas to render every node (not only those on screen) while an export runs. */
  readonly onExporting: (exporting: boolean) => void
}

export function GraphToolbar({ nodeCount, hiddenPods, entriesHidden, onExporting }: Props) {
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
      const viewport = host.closest('.react-flow')?.querySelector<HTMLElement>('.react-flow__viewport')
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
    <Panel position="top-right" className="graph-toolbar" data-testid={TID.graphToolbar}>
      <span className="graph-stats" aria-live="polite">
        {t('stats', { count: nodeCount })}
        {hiddenPods > 0 && ` · ${t('hiddenPods', { count: hiddenPods })}`}
        {entriesHidden && ` · ${t('entriesHidden')}`}
      </span>
      <button type="button" className="tool-button" onClick={() => void flow.fitView({ padding: 0.08, maxZoom: 1, duration: 200 })}>
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
      {problem && <span className="graph-export-problem" role="alert">{problem}</span>}
    </Panel>
  )
}
