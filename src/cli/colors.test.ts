import { describe, expect, it } from 'vitest'
import { SEED_MANIFEST } from '../presets/seed'
import { pickSternColour, STERN_COLOURS } from '../engine'
import { colorWanted, paintSeverity } from './colors'
import { runCli } from './main'
import { memoryIo } from './memory-io'

describe('colour', () => {
  it('only on a terminal, without NO_COLOR (an empty one does not count) and with a TERM that is not dumb', () => {
    expect(colorWanted(true, {})).toBe(true)
    expect(colorWanted(true, { NO_COLOR: '' })).toBe(true)
    expect(colorWanted(true, { NO_COLOR: '1' })).toBe(false)
    expect(colorWanted(true, { TERM: 'dumb' })).toBe(false)
    expect(colorWanted(false, {})).toBe(false)
    expect(colorWanted(undefined, {})).toBe(false)
  })

  it('paints the severity word of lint lines, and nothing when the output is not a terminal', async () => {
    expect(paintSeverity('error', true)).toBe('\u001b[31merror\u001b[0m')
    const painted = { ...memoryIo({ 'seed.yaml': SEED_MANIFEST }), color: true }
    await runCli(['lint', 'seed.yaml'], painted)
    expect(painted.out().startsWith('seed.yaml:2:13: \u001b[33mwarning\u001b[0m removed-api-version: ')).toBe(true)
    const plain = memoryIo({ 'seed.yaml': SEED_MANIFEST })
    await runCli(['lint', 'seed.yaml'], plain)
    expect(plain.out()).not.toContain('\u001b')
  })

  it('paints stern lines in stern\'s colours per pod (bright pod, normal container) on a terminal only', async () => {
    const args = ['rollout', 'seed.yaml', '--deployment', 'websample', '--format', 'stern']
    const painted = { ...memoryIo({ 'seed.yaml': SEED_MANIFEST }), color: true }
    expect(await runCli(args, painted)).toBe(0)
    const plain = memoryIo({ 'seed.yaml': SEED_MANIFEST })
    expect(await runCli(args, plain)).toBe(0)
    expect(plain.out()).not.toContain('\u001b')
    const first = plain.out().split('\n')[0] as string
    const pod = first.split(' ')[first.startsWith('+') ? 1 : 0] as string
    const [podCode, containerCode] = STERN_COLOURS[pickSternColour(pod)] as readonly [number, number]
    expect(painted.out()).toContain(`\u001b[${podCode}m${pod}\u001b[0m`)
    expect(painted.out()).toContain(`\u001b[${containerCode}m`)
    // The same lines once the colour is taken out.
    // eslint-disable-next-line no-control-regex
    expect(painted.out().replace(/\u001b\[[\d;]+m/g, '')).toBe(plain.out())
  })
})
