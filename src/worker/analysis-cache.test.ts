import { describe, expect, it } from 'vitest'
import { SEED_MANIFEST } from '../presets/seed'
import { analyzeCached, inputKey, sameInput } from './analysis-cache'

const HOUR = 3_600_000
const files = (text: string, name = 'm.yaml') => [{ name, text }]

describe('the worker\'s analysis cache', () => {
  it('knows an input again by its strings, `now` to the hour and what else the answer depends on', () => {
    // A text that came through postMessage is another string with the same characters.
    const copy = (text: string): string => [...text].join('')
    const key = inputKey(files(SEED_MANIFEST), { now: 10 * HOUR + 5 })
    expect(sameInput(key, inputKey(files(copy(SEED_MANIFEST)), { now: 10 * HOUR + 999 }))).toBe(true)
    expect(sameInput(key, inputKey(files(`${SEED_MANIFEST} `), { now: 10 * HOUR }))).toBe(false)
    expect(sameInput(key, inputKey(files(SEED_MANIFEST, 'other.yaml'), { now: 10 * HOUR }))).toBe(false)
    expect(sameInput(key, inputKey(files(SEED_MANIFEST), { now: 11 * HOUR }))).toBe(false)
    expect(sameInput(key, inputKey([...files(SEED_MANIFEST), ...files('')], { now: 10 * HOUR }))).toBe(false)
    expect(sameInput(key, inputKey(files(SEED_MANIFEST), { now: 10 * HOUR }, { podLimit: 3 }))).toBe(false)
    expect(sameInput(inputKey(files('a'), undefined, { podLimit: 3 }), inputKey(files('a'), undefined, { podLimit: 3 }))).toBe(true)
  })

  it('analyses a text once between the requests that ask for it, and keeps the one before', () => {
    const first = analyzeCached(files(SEED_MANIFEST))
    const second = analyzeCached(files(`${SEED_MANIFEST}# two\n`))
    expect(second).not.toBe(first)
    expect(analyzeCached(files([...SEED_MANIFEST].join('')))).toBe(first)
    expect(analyzeCached(files(`${SEED_MANIFEST}# two\n`))).toBe(second)
    analyzeCached(files(`${SEED_MANIFEST}# three\n`))
    expect(analyzeCached(files(SEED_MANIFEST))).not.toBe(first)
  })
})
