import { beforeEach, describe, expect, it, vi } from 'vitest'
import { useStudioStore } from '../../state/store'
import { runShortcut, SHORTCUTS } from './shortcuts'

const initial = useStudioStore.getState()
const state = () => useStudioStore.getState()
const press = (key: string, shiftKey = false) => runShortcut({ key, shiftKey })

beforeEach(() => useStudioStore.setState(initial, true))

describe('keyboard shortcuts', () => {
  it('name every key on the sheet and never share a key between two shortcuts', () => {
    const presses = [' ', 'k', 'ArrowRight', 'ArrowLeft', 'Home', 'End', '+', '-', 'PageDown', 'PageUp', 'n', 'p', '1', ']', 'Escape', '?']
    for (const key of presses) {
      for (const shiftKey of [false, true]) {
        expect(SHORTCUTS.filter((s) => s.matches({ key, shiftKey })).length, `${key} shift=${shiftKey}`).toBeLessThanOrEqual(1)
      }
    }
    expect(SHORTCUTS.every((s) => s.keys.length > 0)).toBe(true)
  })

  it('leave keys alone when there is nothing to act on (no run, no preset)', () => {
    expect(press(' ')).toBe(false)
    expect(press('ArrowRight')).toBe(false)
    expect(press('Home')).toBe(false)
    expect(press('PageDown')).toBe(false)
    expect(press('1')).toBe(false)
    expect(press('x')).toBe(false)
  })

  it('toggle presentation mode, switch panes in it, and leave it with Escape', () => {
    expect(press('p')).toBe(true)
    expect(state().presentation).toBe(true)
    expect(press('2')).toBe(true)
    expect(state().presentationPane).toBe('editor')
    expect(press(']')).toBe(true)
    expect(state().presentationPane).toBe('inspector')
    expect(press(']')).toBe(true)
    expect(state().presentationPane).toBe('main')
    expect(press('[')).toBe(true)
    expect(state().presentationPane).toBe('inspector')
    expect(press('Escape')).toBe(true)
    expect(state().presentation).toBe(false)
    expect(press('Escape')).toBe(false)
  })

  it('never enter presentation mode in an embed', () => {
    useStudioStore.setState({ embed: true })
    expect(press('p')).toBe(false)
    expect(state().presentation).toBe(false)
  })

  it('move through a preset\'s guided steps, clamped', async () => {
    useStudioStore.setState({ activePreset: { id: 'tls', step: 0 } })
    expect(press('PageDown')).toBe(true)
    expect(press('n')).toBe(true)
    // The steps' code loads on first use (shortcuts.ts): the presses take effect in order once it has.
    await vi.waitFor(() => expect(state().activePreset).toEqual({ id: 'tls', step: 2 }))
    expect(press('N', true)).toBe(true)
    expect(press('PageUp')).toBe(true)
    expect(press('PageUp')).toBe(true)
    await vi.waitFor(() => expect(state().activePreset).toEqual({ id: 'tls', step: 0 }))
    await new Promise((resolve) => setTimeout(resolve, 0)) // the last press has run too: clamped at the first step
    expect(state().activePreset).toEqual({ id: 'tls', step: 0 })
  })

  it('open and close the sheet with ?', () => {
    expect(press('?', true)).toBe(true)
    expect(state().openDialog).toBe('shortcuts')
    expect(press('?', true)).toBe(true)
    expect(state().openDialog).toBeNull()
  })

  it('double and halve the playback speed within the offered speeds', () => {
    expect(press('+')).toBe(true)
    expect(state().speed).toBe(2)
    expect(press('-')).toBe(true)
    expect(press('-')).toBe(true)
    expect(state().speed).toBe(0.5)
  })
})
