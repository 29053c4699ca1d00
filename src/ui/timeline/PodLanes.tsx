/**
 * Pod lanes grouped by ReplicaSet (old revision first): the names and the phase at the cursor on the left, the
 * whole run on a canvas on the right. Both render only the rows in view. A label re-renders only when its pod's
 * state at the cursor changes; the canvas redraws only on scroll, resize, theme or a new run.
 */
import { memo, useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { LaneGroup } from '../../engine'
import { unpackPodState } from '../../engine/simulate/timeline-queries'
import { selectFailure } from '../../state/playback-actions'
import { selectPodStateAt } from '../../state/slices/playback-slice'
import type { SimulationRun } from '../../state/slices/simulation-slice'
import { useStudioStore } from '../../state/store'
import { PHASE_DISPLAY, phaseColor } from '../common/phase-display'
import { TID } from '../test-ids'
import { CursorLine } from './CursorLine'
import { drawLanes, hitFailure, readLaneColors } from './draw-lanes'
import { chooseTicks, layoutLanes, PLOT_LEFT, PLOT_RIGHT, visibleRows } from './lane-geometry'
import { useThemeVersion } from './theme-colors'
import { useElementSize } from './use-element-size'
import { useSeekPointer } from './use-seek-pointer'

const PodLabel = memo(function PodLabel({ pod, label, name, top }: { pod: number; label: string; name: string; top: number }) {
  const { t } = useTranslation('timeline')
  const bits = useStudioStore((state) => selectPodStateAt(state, pod))
  const state = bits < 0 ? null : unpackPodState(bits)
  const phase = state?.phase ?? 'absent'
  const words = t(PHASE_DISPLAY[phase].labelKey)
  const describe = state
    ? [words, state.ready ? t('flag.ready') : null, state.endpoint ? t('flag.endpoint') : null, state.ingress ? t('flag.ingress') : null].filter(Boolean).join(' · ')
    : ''
  return (
    <div className="lane-label" style={{ top }} data-testid={TID.timelinePod} data-pod-name={name} data-phase={phase} title={`${name}\n${describe}`}>
      <span className="phase-dot" style={{ background: phaseColor(phase) }} aria-hidden="true" />
      <span className="pod-suffix">{label}</span>
      <span className="pod-phase">{words}</span>
      {state?.ingress && <span className="traffic-flag" role="img" aria-label={t('flag.ingress')} />}
    </div>
  )
})

function GroupLabel({ group, top }: { group: LaneGroup; top: number }) {
  const { t } = useTranslation('timeline')
  return (
    <div className={`lane-group ${group.isNew ? 'is-new' : 'is-old'}`} style={{ top }} title={`${group.name}\n${group.image}`}>
      <span className="rev-swatch" aria-hidden="true" />
      <span className="lane-group-title">{t(group.isNew ? 'lanes.newRevision' : 'lanes.oldRevision', { revision: group.revision })}</span>
      <span className="lane-group-image">{group.image.replace(/^.*\//, '')}</span>
    </div>
  )
}

/** Height the lanes keep however small the panel (about five rows). */
const LANES_MIN_HEIGHT = 136

export function PodLanes({ run }: { readonly run: SimulationRun }) {
  const { t } = useTranslation('timeline')
  const layout = useMemo(() => layoutLanes(run.view.groups), [run])
  const total = layout.tops[layout.rows.length]!
  const scrollRef = useRef<HTMLDivElement>(null)
  const plotRef = useRef<HTMLDivElement>(null)
  const canvasRef = useRef<HTMLCanvasElement>(null)
  const [scrollTop, setScrollTop] = useState(0)
  const { height: viewHeight } = useElementSize(scrollRef)
  const { width } = useElementSize(plotRef)
  const themeVersion = useThemeVersion()
  const height = Math.min(total, viewHeight || total)

  useEffect(() => {
    const canvas = canvasRef.current
    if (!canvas || width === 0 || height === 0) return
    const dpr = window.devicePixelRatio || 1
    canvas.width = Math.round(width * dpr)
    canvas.height = Math.round(height * dpr)
    const ctx = canvas.getContext('2d')
    if (!ctx) return
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0)
    const ticks = chooseTicks(run.view.endMs, width - PLOT_LEFT - PLOT_RIGHT)
    drawLanes({ ctx, width, height, scrollTop, layout, run, colors: readLaneColors(canvas), ticks })
  }, [run, layout, scrollTop, width, height, themeVersion])

  const pointer = useSeekPointer((x, y) => {
    const [first, last] = visibleRows(layout, scrollTop + y, 1)
    const row = first < last ? layout.rows[first] : undefined
    if (row?.kind !== 'pod') return
    const hit = hitFailure(run, row.pod, x, width)
    if (hit !== null) selectFailure(hit)
  })

  const [first, last] = visibleRows(layout, scrollTop, height)
  const labels = []
  for (let i = first; i < last; i++) {
    const row = layout.rows[i]!
    const top = layout.tops[i]! - scrollTop
    labels.push(
      row.kind === 'group' ? (
        <GroupLabel key={`g${row.group.replicaSet}`} group={row.group} top={top} />
      ) : (
        <PodLabel key={row.pod} pod={row.pod} label={run.view.podLabels[row.pod]!} name={run.result.timeline.pods[row.pod]!.name} top={top} />
      ),
    )
  }

  return (
    // The lanes keep room for a few rows before the charts do: they are what the timeline is about.
    <div ref={scrollRef} className="lanes-scroll" style={{ minHeight: Math.min(total, LANES_MIN_HEIGHT) }} onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)} role="region" aria-label={t('lanes.title')} data-testid={TID.timelineLanes}>
      <div className="lanes-space" style={{ height: total }}>
        <div className="lanes-sticky" style={{ height }}>
          <div className="lane-labels">{labels}</div>
          <div ref={plotRef} className="lane-plot" {...pointer}>
            <canvas ref={canvasRef} style={{ width, height }} aria-label={t('lanes.canvas')} role="img" />
            <CursorLine width={width} />
          </div>
        </div>
      </div>
    </div>
  )
}
