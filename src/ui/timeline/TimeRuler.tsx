/**
 * The shared time axis above the lanes: second labels on the same scale as every plot, and the scrubber — a
 * native range input laid exactly over the plot area (so keyboard, screen readers and tests can drive it) whose
 * thumb is drawn by the cursor line with a knob; both are moved outside React.
 */
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { pause, seek } from '../../state/playback-actions'
import type { SimulationRun } from '../../state/slices/simulation-slice'
import { useStudioStore } from '../../state/store'
import { TID } from '../test-ids'
import { CursorLine } from './CursorLine'
import { chooseTicks, PLOT_LEFT, PLOT_RIGHT, timeToX } from './lane-geometry'
import { formatSeconds } from './time-format'
import { useElementSize } from './use-element-size'

/** Keyboard steps of the scrubber (ms; Shift × 10). `step="any"` keeps exact values but has no steps of its own. */
const KEY_STEPS: Readonly<Record<string, number | 'home' | 'end'>> = {
  ArrowLeft: -100,
  ArrowDown: -100,
  ArrowRight: 100,
  ArrowUp: 100,
  PageDown: -5000,
  PageUp: 5000,
  Home: 'home',
  End: 'end',
}

export function TimeRuler({ run }: { readonly run: SimulationRun }) {
  const { t } = useTranslation('timeline')
  const cellRef = useRef<HTMLDivElement>(null)
  const inputRef = useRef<HTMLInputElement>(null)
  const readoutRef = useRef<HTMLSpanElement>(null)
  const { width } = useElementSize(cellRef)
  const endMs = run.view.endMs

  useEffect(() => {
    // While playing, only composited things move (the cursor lines): any repaint, even of a few digits, makes
    // the browser re-layerize the page. So the input's value waits for a pause and the readout shows tenths.
    const place = () => {
      const { cursorMs, playing } = useStudioStore.getState()
      const input = inputRef.current
      if (input && !playing && input.valueAsNumber !== cursorMs) {
        input.value = String(cursorMs)
        input.setAttribute('aria-valuetext', t('ruler.valueText', { seconds: formatSeconds(cursorMs) }))
      }
      const text = playing ? (cursorMs / 1000).toFixed(1) : formatSeconds(cursorMs)
      if (readoutRef.current && readoutRef.current.textContent !== text) readoutRef.current.textContent = text
    }
    place()
    return useStudioStore.subscribe(place)
  }, [t, run])

  const ticks = width > 0 ? chooseTicks(endMs, width - PLOT_LEFT - PLOT_RIGHT) : []
  return (
    <div className="time-row ruler-row">
      <div className="row-label time-readout" aria-live="off">
        <span ref={readoutRef} className="time-now" data-testid={TID.timelineTime}>
          0.00
        </span>
        <span className="time-end"> / {formatSeconds(endMs)} s</span>
      </div>
      <div ref={cellRef} className="ruler-cell">
        {ticks.map((tick) => (
          <span key={tick} className="tick" style={{ left: timeToX(tick, endMs, width) }}>
            {tick / 1000}s
          </span>
        ))}
        <CursorLine width={width} />
        <input
          ref={inputRef}
          type="range"
          className="scrubber"
          min={0}
          max={endMs}
          step="any"
          defaultValue={0}
          aria-label={t('ruler.scrubber')}
          style={{ left: PLOT_LEFT - 1, right: PLOT_RIGHT - 1 }}
          onPointerDown={() => pause()}
          onInput={(event) => seek(event.currentTarget.valueAsNumber)}
          onKeyDown={(event) => {
            const step = KEY_STEPS[event.key]
            if (step === undefined) return
            event.preventDefault()
            const { cursorMs } = useStudioStore.getState()
            seek(step === 'home' ? 0 : step === 'end' ? endMs : cursorMs + step * (event.shiftKey ? 10 : 1))
          }}
        />
      </div>
    </div>
  )
}
