/**
 * The playback clock: while the store says `playing`, one requestAnimationFrame loop advances the cursor by
 * the real time elapsed × the speed and writes it to the store; at the end of the run it stops. Everything that
 * follows the cursor reads the store.
 */
import { pause, seek } from '../../state/playback-actions'
import { useStudioStore } from '../../state/store'

/** Longest step between two frames (a background tab or a long pause must not jump the cursor). */
const MAX_FRAME_MS = 100

/** Starts following `playing`; returns a function that stops it. */
export function startPlaybackClock(): () => void {
  let frame = 0
  let last = 0
  const tick = (now: number) => {
    frame = 0
    const state = useStudioStore.getState()
    const end = state.simulationRun?.view.endMs ?? 0
    if (!state.playing) return
    const elapsed = last === 0 ? 0 : Math.min(MAX_FRAME_MS, now - last)
    last = now
    const next = state.cursorMs + elapsed * state.speed
    if (next >= end) {
      seek(end)
      pause()
      return
    }
    seek(next)
    frame = requestAnimationFrame(tick)
  }
  const unsubscribe = useStudioStore.subscribe((state, previous) => {
    if (state.playing && !previous.playing && frame === 0) {
      last = 0
      frame = requestAnimationFrame(tick)
    } else if (!state.playing && frame !== 0) {
      cancelAnimationFrame(frame)
      frame = 0
    }
  })
  return () => {
    unsubscribe()
    if (frame !== 0) cancelAnimationFrame(frame)
  }
}
