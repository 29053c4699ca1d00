import { describe, expect, it } from 'vitest'
import en from '../i18n/locales/en/share.json'
import ko from '../i18n/locales/ko/share.json'
import type { PreparedShare } from '../../engine'
import { secretsNoteOf } from './secrets-note'

const ready = (redacted: number): PreparedShare => ({ kind: 'ready', link: { kind: 'ok', fragment: 'v2.x', compressedBytes: 1 }, file: '', redacted, secretsIncluded: false })

describe('the Secret values note', () => {
  it('gives the engine\'s count, none, or included', () => {
    expect(secretsNoteOf(ready(3), false)).toEqual({ key: 'secretsRedacted', params: { count: 3 }, tone: 'plain' })
    expect(secretsNoteOf(ready(0), false)).toMatchObject({ key: 'secretsNone' })
    expect(secretsNoteOf(ready(0), true)).toMatchObject({ key: 'secretsIncluded', tone: 'warning' })
  })

  it.each(['too-large', 'binary', 'too-deep', 'unreadable'] as const)('explains a refusal (%s) in both languages', (reason) => {
    const note = secretsNoteOf({ kind: 'refused', reason, line: 4, message: '' }, false)
    expect(note).toEqual({ key: `secretsRefused.${reason}`, params: { line: 4 }, tone: 'error' })
    expect(en.secretsRefused[reason]).toMatch(/tick the box/)
    expect(ko.secretsRefused[reason]).toBeTruthy()
  })
})
