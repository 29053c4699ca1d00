/**
 * The studio's keyboard shortcuts, in one table that both the key handler and the visible shortcut sheet read,
 * so the sheet never lies. Playback actions are the timeline's own (playback-actions); step actions move the
 * open preset's guided steps; presentation actions show one pane at a time.
 */
import { cyclePresentationPane, closeDialog, openDialog, setPresentation, showPresentationPane, togglePresentation } from '../../state/display'
import { seek, setSpeed, stepToMark, togglePlay } from '../../state/playback-actions'
import { useStudioStore } from '../../state/store'

/**
 * A guided step: the presets' code (and their manifests) load with the guided-steps bar, not with the first paint,
 * so a step key imports it; while a preset is open it is loaded already and the step follows at once, in order.
 */
function stepGuide(direction: 1 | -1): void {
  void import('../../state/presets').then(({ stepPreset }) => stepPreset(direction))
}

export type ShortcutGroup = 'playback' | 'steps' | 'presentation' | 'general'

/** The parts of a keyboard event a shortcut looks at. */
export interface KeyPress {
  readonly key: string
  readonly shiftKey: boolean
}

export interface Shortcut {
  /** Translation key under `classroom:shortcuts.items`. */
  readonly label: string
  readonly group: ShortcutGroup
  /** Keys as the sheet shows them. */
  readonly keys: readonly string[]
  readonly matches: (press: KeyPress) => boolean
  /** Returns false when it did nothing (the key then keeps its usual meaning). */
  readonly run: () => boolean
}

const state = () => useStudioStore.getState()
const hasRun = () => state().simulationRun !== null

function nudge(deltaMs: number): boolean {
  if (!hasRun()) return false
  seek(state().cursorMs + deltaMs)
  return true
}

const key = (...names: string[]) => (press: KeyPress) => names.includes(press.key) && !press.shiftKey
const shifted = (name: string) => (press: KeyPress) => press.key === name && press.shiftKey

export const SHORTCUTS: readonly Shortcut[] = [
  { label: 'playPause', group: 'playback', keys: ['Space', 'K'], matches: key(' ', 'k', 'K'), run: () => hasRun() && (togglePlay(), true) },
  { label: 'nextMoment', group: 'playback', keys: ['→', 'L'], matches: key('ArrowRight', 'l', 'L'), run: () => stepToMark(1) },
  { label: 'previousMoment', group: 'playback', keys: ['←', 'J'], matches: key('ArrowLeft', 'j', 'J'), run: () => stepToMark(-1) },
  { label: 'scrubForward', group: 'playback', keys: ['Shift + →'], matches: shifted('ArrowRight'), run: () => nudge(1000) },
  { label: 'scrubBack', group: 'playback', keys: ['Shift + ←'], matches: shifted('ArrowLeft'), run: () => nudge(-1000) },
  { label: 'toStart', group: 'playback', keys: ['Home'], matches: key('Home'), run: () => hasRun() && (seek(0), true) },
  { label: 'toEnd', group: 'playback', keys: ['End'], matches: key('End'), run: () => hasRun() && (seek(Number.MAX_SAFE_INTEGER), true) },
  { label: 'faster', group: 'playback', keys: ['+'], matches: (p) => p.key === '+' || p.key === '=', run: () => (setSpeed(state().speed * 2), true) },
  { label: 'slower', group: 'playback', keys: ['−'], matches: key('-', '_'), run: () => (setSpeed(state().speed / 2), true) },
  { label: 'nextStep', group: 'steps', keys: ['Page Down', 'N'], matches: key('PageDown', 'n', 'N'), run: () => state().activePreset !== null && (stepGuide(1), true) },
  { label: 'previousStep', group: 'steps', keys: ['Page Up', 'Shift + N'], matches: (p) => (p.key === 'PageUp' && !p.shiftKey) || shifted('N')(p), run: () => state().activePreset !== null && (stepGuide(-1), true) },
  { label: 'togglePresentation', group: 'presentation', keys: ['P'], matches: key('p', 'P'), run: () => !state().embed && (togglePresentation(), true) },
  {
    label: 'pane',
    group: 'presentation',
    keys: ['1', '2', '3', '[', ']'],
    matches: (p) => ['1', '2', '3', ']', '['].includes(p.key),
    run: () => false,
  },
  { label: 'exit', group: 'general', keys: ['Esc'], matches: key('Escape'), run: () => state().presentation && (setPresentation(false), true) },
  { label: 'help', group: 'general', keys: ['?'], matches: (p) => p.key === '?', run: () => (state().openDialog === 'shortcuts' ? closeDialog() : openDialog('shortcuts'), true) },
]

/** Runs the pane shortcuts (they need the key itself). */
function runPaneKey(press: KeyPress): boolean {
  if (!state().presentation) return false
  if (press.key === '1') showPresentationPane('main')
  else if (press.key === '2') showPresentationPane('editor')
  else if (press.key === '3') showPresentationPane('inspector')
  else if (press.key === ']') cyclePresentationPane(1)
  else if (press.key === '[') cyclePresentationPane(-1)
  else return false
  return true
}

/** Handles `press`; returns whether a shortcut used it. */
export function runShortcut(press: KeyPress): boolean {
  const shortcut = SHORTCUTS.find((candidate) => candidate.matches(press))
  if (!shortcut) return false
  return shortcut.label === 'pane' ? runPaneKey(press) : shortcut.run()
}
