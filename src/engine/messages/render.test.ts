import { describe, expect, it } from 'vitest'
import { msg } from './message'
import { formatMessage, renderMessage, templateTranslator } from './render'

describe('rendering messages', () => {
  it('picks the plural form by count and fills parameters', () => {
    expect(formatMessage(msg('diagnostics-truncated', { count: 1, cap: 200 }))).toBe('1 more diagnostic in this file was left out (the limit is 200 per file).')
    expect(formatMessage(msg('diagnostics-truncated', { count: 3, cap: 200 }))).toBe('3 more diagnostics in this file were left out (the limit is 200 per file).')
    expect(formatMessage(msg('diagnostics-truncated', { count: 3, cap: 200 }), 'ko')).toBe('이 파일의 진단 3개를 더 표시하지 않았습니다(파일당 최대 200개).')
  })

  it('renders a nested message before the sentence that holds it', () => {
    const translate = templateTranslator({ outer: 'A {{inner}}!', inner: 'b {{x}}' }, 'en')
    expect(renderMessage({ id: 'outer', params: { inner: { id: 'inner', params: { x: 1 } } } } as never, translate)).toBe('A b 1!')
  })

  it('keeps a parameter as data, never as a template', () => {
    expect(formatMessage(msg('diagnostics-truncated', { count: 2, cap: '{{count}}' }))).toBe('2 more diagnostics in this file were left out (the limit is {{count}} per file).')
  })
})
