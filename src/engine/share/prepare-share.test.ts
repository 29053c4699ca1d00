import { describe, expect, it } from 'vitest'
import { prepareShare } from './prepare-share'

const SECRET = 'kind: Secret\ndata:\n  password: aHVudGVyMg==\n'

describe('prepareShare', () => {
  it('makes no link of a Secret behind 1.1 MB of comments, and a redacted file', () => {
    const source = `# ${'x'.repeat(1_100_000)}\n${SECRET}`
    const share = prepareShare({ source }, { includeSecrets: false })
    expect(share).toMatchObject({ kind: 'ready', link: { kind: 'too-large' }, redacted: 1 })
    expect(share.kind === 'ready' && share.file).not.toContain('aHVudGVyMg==')
  })

  it('keeps the values, and an earlier redaction count, when the user includes them', () => {
    const share = prepareShare({ source: SECRET, redactedSecrets: 2 }, { includeSecrets: true })
    expect(share).toMatchObject({ kind: 'ready', redacted: 0, secretsIncluded: true })
    expect(share.kind === 'ready' && share.file).toBe(`# ingress-studio: {"redactedSecrets":2}\n${SECRET}`)
  })

  it('makes neither link nor file when the text cannot be redacted', () => {
    expect(prepareShare({ source: `${SECRET}\u0000` }, { includeSecrets: false })).toMatchObject({ kind: 'refused', reason: 'binary' })
  })
})
