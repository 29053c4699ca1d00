import { describe, expect, it } from 'vitest'
import { MAX_INPUT_BYTES } from '../limits'
import { formatScenarioFile, readScenarioFile } from './scenario-file'

describe('scenario files', () => {
  it('round-trip the manifest and the settings', () => {
    const payload = { source: 'kind: Service\n', view: 'graph', timeline: { cursorSeconds: 4 } }
    const file = formatScenarioFile(payload)
    expect(file).toBe('# ingress-studio: {"view":"graph","timeline":{"cursorSeconds":4}}\nkind: Service\n')
    expect(readScenarioFile(file)).toEqual({ kind: 'ok', payload, warnings: [] })
  })

  it('write a plain manifest when there are no settings', () => {
    expect(formatScenarioFile({ source: 'a: 1\n' })).toBe('a: 1\n')
  })

  it('read any YAML file as a manifest', () => {
    expect(readScenarioFile('# a comment\nkind: Service\n')).toEqual({ kind: 'ok', payload: { source: '# a comment\nkind: Service\n' }, warnings: [] })
  })

  it('skip a damaged settings line and keep the manifest', () => {
    expect(readScenarioFile('# ingress-studio: {oops\nkind: Service\n')).toEqual({
      kind: 'ok',
      payload: { source: 'kind: Service\n' },
      warnings: [{ section: 'unknown', detail: 'settings line' }],
    })
  })

  it('refuse binary and oversized files', () => {
    expect(readScenarioFile('a\u0000b')).toMatchObject({ kind: 'error', code: 'binary' })
    expect(readScenarioFile('a'.repeat(MAX_INPUT_BYTES + 1))).toMatchObject({ kind: 'error', code: 'too-large' })
    // Counted in bytes: two-thirds of the cap in three-byte characters is too large too.
    expect(readScenarioFile('가'.repeat(Math.ceil((MAX_INPUT_BYTES * 2) / 3)))).toMatchObject({ kind: 'error', code: 'too-large' })
  })
})
