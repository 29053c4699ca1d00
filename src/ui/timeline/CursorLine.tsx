/**
 * The playback cursor over one plot: a vertical line moved with a transform on every store change, outside
 * React's render cycle, so playing costs one style write per plot per frame.
 */
import { useEffect, useRef } from 'react'
import { useStudioStore, type StudioState } from '../../state/store'
import { timeToX } from './lane-geometry'

export function CursorLine({ width }: { readonly width: number }) {
  const ref = useRef<HTMLDivElement>(null)
  useEffect(() => {
    const place = (state: StudioState) => {
      const element = ref.current
      const run = state.simulationRun
      if (!element) return
      element.style.visibility = run ? 'visible' : 'hidden'
      if (run) element.style.transform = `translateX(${timeToX(state.cursorMs, run.view.endMs, width)}px)`
    }
    place(useStudioStore.getState())
    return useStudioStore.subscribe(place)
  }, [width])
  return <div ref={ref} className="cursor-line" aria-hidden="true" />
}
