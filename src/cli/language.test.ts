import { describe, expect, it } from 'vitest'
import { runCli, takeLanguage } from './main'
import { memoryIo } from './memory-io'

describe('the global --lang option', () => {
  it('is taken out of the arguments wherever it stands, before a --', () => {
    expect(takeLanguage(['lint', '--lang', 'ko', 'a.yaml'])).toEqual({ kind: 'ok', language: 'ko', rest: ['lint', 'a.yaml'] })
    expect(takeLanguage(['--lang=en', 'route', 'x'])).toEqual({ kind: 'ok', language: 'en', rest: ['route', 'x'] })
    expect(takeLanguage(['lint', 'a.yaml'])).toEqual({ kind: 'ok', language: null, rest: ['lint', 'a.yaml'] })
    expect(takeLanguage(['lint', '--', '--lang', 'ko'])).toEqual({ kind: 'ok', language: null, rest: ['lint', '--', '--lang', 'ko'] })
  })

  it('refuses a language the studio does not speak, and a missing value', async () => {
    const io = memoryIo()
    expect(await runCli(['lint', '--lang', 'fr', 'a.yaml'], io)).toBe(2)
    expect(io.err()).toBe('--lang must be en or ko, not "fr"\n')
    expect(takeLanguage(['lint', '--lang'])).toEqual({ kind: 'error', message: 'option --lang needs a value' })
  })

  it('prints the engine\'s diagnostics in Korean with --lang ko, English otherwise', async () => {
    const text = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n  - port: 0\n'
    const english = memoryIo({ 'a.yaml': text })
    const korean = memoryIo({ 'a.yaml': text })
    expect(await runCli(['lint', 'a.yaml'], english)).toBe(1)
    expect(await runCli(['lint', '--lang', 'ko', 'a.yaml'], korean)).toBe(1)
    const [first] = korean.out().split('\n')
    expect(first).toMatch(/^a\.yaml:7:11: error invalid-port: /)
    expect(first).toMatch(/[\uac00-\ud7a3]/)
    expect(english.out()).not.toMatch(/[\uac00-\ud7a3]/)
  })
})
