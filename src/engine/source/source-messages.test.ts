import type { ErrorCode } from 'yaml'
import { describe, expect, it } from 'vitest'
import { formatMessage } from '../messages/render'
import { parseSources } from './parse-sources'
import { yamlErrorMessage } from './yaml-errors'

const diagnosticsOf = (text: string, options = {}) => parseSources([{ name: 'm.yaml', text }], options).diagnostics
const hangul = /[\uAC00-\uD7A3]/

describe('source messages in English and Korean', () => {
  it('says a YAML error in our words, chosen by the library error code, in both languages', () => {
    const [error] = diagnosticsOf('metadata:\n  name: test: bad\n')
    expect(error).toMatchObject({ code: 'yaml-syntax', text: { id: 'yaml-block-as-implicit-key' } })
    expect(error?.message).toContain('A second "key: value" on one line')
    expect(formatMessage(error!.text, 'ko')).toBe('한 줄에 "키: 값"이 두 번 있거나, 값이 와야 할 자리에 중첩된 맵이 있습니다. 중첩된 항목은 자기 줄에 들여써서 쓰고, 콜론이 값의 일부라면 값을 따옴표로 감싸세요.')
  })

  it.each([
    ['a: "open\n', 'yaml-missing-quote'],
    ['a: [1, 2\nb: 3\n', 'yaml-flow-unclosed'],
    ['a:\n\tb: 1\n', 'yaml-tab-indent'],
    ['a: "\\q"\n', 'yaml-bad-escape'],
    ['a: @x\n', 'yaml-bad-scalar-start'],
    ['a: 1\na: 2\n', 'yaml-duplicate-key'],
  ])('%j → %s, said in Korean', (text, id) => {
    const found = diagnosticsOf(text).find((d) => d.text.id === id)
    expect(found, JSON.stringify(diagnosticsOf(text).map((d) => d.text.id))).toBeDefined()
    expect(formatMessage(found!.text, 'ko')).toMatch(hangul)
  })

  it("keeps the library's own English only for an error code it does not know", () => {
    expect(yamlErrorMessage({ code: 'SOMETHING_NEW' as ErrorCode, message: 'A new kind of error' })).toEqual({ id: 'yaml-library-error', params: { text: 'A new kind of error' } })
    expect(yamlErrorMessage({ code: 'BAD_INDENT', message: 'All mapping items must start at the same column' }).id).toBe('yaml-bad-indent')
  })

  it('says the size cap with both sizes as parameters', () => {
    const [tooLarge] = diagnosticsOf('a'.repeat(200), { maxInputBytes: 100 })
    expect(formatMessage(tooLarge!.text, 'ko')).toBe(
      '입력 크기가 UTF-8로 200바이트(0.2 KiB)입니다. 스튜디오가 분석하는 한도인 100바이트(0.1 KiB)를 넘어 파싱하지 않았습니다(MAX_INPUT_BYTES). 더 작은 파일로 나누세요.')
  })

  it('says non-printable characters with the code point and how many more', () => {
    const [scrubbed] = diagnosticsOf('a: x\u0001y\u0002\n')
    expect(scrubbed?.message).toContain('U+0001 (and 1 more)')
    expect(formatMessage(scrubbed!.text, 'ko')).toContain('U+0001(외 1개)')
  })

  it('passes no plain English string: every diagnostic of hostile text is a catalog message', () => {
    const texts = ['a: [\n', '{a: 1}}\n', '- a\nb: 1\n', 'a: |x\n  b\n', '%FOO\n---\na: 1\n', 'a: !foo x\n', '[[[[[[[[', 'a\u0000b', '\uFEFFa:\r\n\tb\r\n']
    for (const d of texts.flatMap((text) => diagnosticsOf(text, { maxNestingDepth: 4 }))) {
      expect(d.text.id, d.message).not.toBe('legacy-text')
      expect(d.text.id, d.message).not.toBe('yaml-library-error')
      expect(formatMessage(d.text, 'ko'), d.message).toMatch(hangul)
    }
  })
})
