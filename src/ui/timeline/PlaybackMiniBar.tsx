/**
 * A slim player under the route graph once a rollout has been simulated: play/pause, the time and a scrubber,
 * so the graph's pods and traffic follow the clock while the class watches the graph. Small on purpose: it is
 * part of the initial JavaScript (the full timeline loads lazily).
 */
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { setActiveView } from '../../state/actions'
import { pause, seek, togglePlay } from '../../state/playback-actions'
import { selectPlaying } from '../../state/slices/playback-slice'
import { useStudioStore } from '../../state/store'
import { formatSeconds } from './time-format'
import './mini-player.css'

export function PlaybackMiniBar() {
  const { t } = useTranslation('timeline')
  const endMs = useStudioStore((s) => s.simulationRun?.view.endMs ?? 0)
  const deployment = useStudioStore((s) => s.simulationRun?.deployment ?? null)
  const playing = useStudioStore(selectPlaying)
  const inputRef = useRef<HTMLInputElement>(null)
  const readoutRef = useRef<HTMLSpanElement>(null)

  useEffect(() => {
    // Tenths while playing: fewer repaints (each one re-layerizes the page) for the graph's sake.
    const place = () => {
      const { cursorMs, playing } = useStudioStore.getState()
      const shown = playing ? Math.floor(cursorMs / 100) * 100 : cursorMs
      if (inputRef.current && inputRef.current.valueAsNumber !== shown) inputRef.current.value = String(shown)
      const text = playing ? (cursorMs / 1000).toFixed(1) : formatSeconds(cursorMs)
      if (readoutRef.current && readoutRef.current.textContent !== text) readoutRef.current.textContent = text
    }
    place()
    return useStudioStore.subscribe(place)
  }, [endMs])

  if (deployment === null) return null
  const what = t('mini.what', { deployment: deployment.replace(/^default\//, '') })
  return (
    <div className="mini-player" role="toolbar" aria-label={t('mini.label', { deployment })}>
      <button type="button" className="mini-play" onClick={togglePlay} aria-label={playing ? t('transport.pause') : t('transport.play')}>
        {playing ? '❚❚' : '▶'}
      </button>
      <span className="mini-time">
        <span ref={readoutRef}>0.00</span> / {formatSeconds(endMs)} s
      </span>
      <input
        ref={inputRef}
        type="range"
        min={0}
        max={endMs}
        step="any"
        defaultValue={0}
        aria-label={t('mini.scrubber')}
        onPointerDown={() => pause()}
        onInput={(event) => seek(event.currentTarget.valueAsNumber)}
      />
      {/* Cut with an ellipsis where the pane is narrow: the title says it whole. */}
      <span className="mini-what" title={what}>{what}</span>
      <button type="button" className="mini-open" onClick={() => setActiveView('timeline')}>
        {t('mini.open')}
      </button>
    </div>
  )
}
