/**
 * Pointer handling shared by every plot: press or drag to move the cursor there (playback pauses while the
 * pointer is down); a press that did not move is a click, passed on for hit-testing (a failed request).
 */
import { useRef, type PointerEvent } from 'react'
import { pause, seek } from '../../state/playback-actions'
import { useStudioStore } from '../../state/store'
import { xToTime } from './lane-geometry'

export function useSeekPointer(onClick?: (x: number, y: number) => void) {
  const press = useRef<{ x: number; y: number; moved: boolean } | null>(null)
  const seekAt = (event: PointerEvent<HTMLElement>) => {
    const run = useStudioStore.getState().simulationRun
    if (!run) return
    const rect = event.currentTarget.getBoundingClientRect()
    seek(xToTime(event.clientX - rect.left, run.view.endMs, rect.width))
  }
  return {
    onPointerDown(event: PointerEvent<HTMLElement>) {
      if (event.button !== 0) return
      event.currentTarget.setPointerCapture(event.pointerId)
      const rect = event.currentTarget.getBoundingClientRect()
      press.current = { x: event.clientX - rect.left, y: event.clientY - rect.top, moved: false }
      pause()
      seekAt(event)
    },
    onPointerMove(event: PointerEvent<HTMLElement>) {
      const p = press.current
      if (!p) return
      const rect = event.currentTarget.getBoundingClientRect()
      if (Math.abs(event.clientX - rect.left - p.x) > 3) p.moved = true
      seekAt(event)
    },
    onPointerUp() {
      const p = press.current
      press.current = null
      if (p && !p.moved) onClick?.(p.x, p.y)
    },
    onPointerCancel() {
      press.current = null
    },
  }
}
