/**
 * The playback cursor over one plot: a vertical line outside React's render cycle. Paused, it is placed with a
 * transform on every cursor change. Playing, it runs as one linear compositor animation towards the run's end,
 * so the browser moves it without main-thread work (a per-frame transform from script makes Chromium re-layerize
 * the whole page every frame); it is re-anchored when it drifts from the clock by more than a pixel (the clock
 * skips ahead less than real time after a long frame), when the speed changes and when playback stops.
 */
import { useEffect, useRef } from 'react'
import { useStudioStore, type StudioState } from '../../state/store'
import { timeToX } from './lane-geometry'

/** Re-anchor when the animation and the clock disagree by more than this (px). */
const MAX_DRIFT_PX = 1.5

export function CursorLine({ width }: { readonly width: number }) {
  const ref = useRef<HTMLDivElement>(null)
  useEffect(() => {
    let animation: Animation | null = null
    let anchor = { key: '', x0: 0, x1: 0, duration: 0 }
    const stop = () => {
      animation?.cancel()
      animation = null
    }
    const place = (state: StudioState) => {
      const element = ref.current
      const run = state.simulationRun
      if (!element) return
      element.style.visibility = run ? 'visible' : 'hidden'
      if (!run) return stop()
      const endMs = run.view.endMs
      const x = timeToX(state.cursorMs, endMs, width)
      if (!state.playing || typeof element.animate !== 'function') {
        stop()
        element.style.transform = `translateX(${x}px)`
        return
      }
      const key = `${run.id}:${state.speed}:${width}`
      if (animation && anchor.key === key) {
        const progress = Math.min(1, Number(animation.currentTime ?? 0) / Math.max(1, anchor.duration))
        if (Math.abs(anchor.x0 + (anchor.x1 - anchor.x0) * progress - x) <= MAX_DRIFT_PX) return
      }
      stop()
      const x1 = timeToX(endMs, endMs, width)
      const duration = Math.max(1, (endMs - state.cursorMs) / state.speed)
      anchor = { key, x0: x, x1, duration }
      element.style.transform = `translateX(${x}px)`
      animation = element.animate([{ transform: `translateX(${x}px)` }, { transform: `translateX(${x1}px)` }], { duration, easing: 'linear', fill: 'forwards' })
    }
    place(useStudioStore.getState())
    const unsubscribe = useStudioStore.subscribe(place)
    return () => {
      unsubscribe()
      stop()
    }
  }, [width])
  return <div ref={ref} className="cursor-line" aria-hidden="true" />
}
