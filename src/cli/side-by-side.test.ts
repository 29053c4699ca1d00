import { describe, expect, it } from 'vitest'
import { displayWidth, MIN_COLUMN, sideBySide, wrapColumns } from './side-by-side'

describe('side by side', () => {
  it('counts Hangul and CJK as two columns', () => {
    expect(displayWidth('abc')).toBe(3)
    expect(displayWidth('응답: s1')).toBe(8)
    expect(displayWidth('日本')).toBe(4)
  })

  it('wraps at spaces within the width, cuts a word wider than a line, keeps the hanging indent', () => {
    expect(wrapColumns('- one two three four', 10, '  ')).toEqual(['- one two', '  three', '  four'])
    expect(wrapColumns('- http://example.com/a/very/long/path', 12, '  ')).toEqual(['-', '  http://exa', '  mple.com/a', '  /very/long', '  /path'])
    for (const line of wrapColumns('응답: s1:80에 프록시합니다(업스트림 요청: /). 다음 줄', 14, '  ')) expect(displayWidth(line)).toBeLessThanOrEqual(14)
  })

  it('puts two titled lists in two columns when the terminal is wide enough, one after the other otherwise', () => {
    const left = { title: 'ingress-nginx', steps: ['server foo.bar.com', 'location /foos1 wins'] }
    const right = { title: 'Gateway API', steps: ['listener http', 'rule 0 of default/test'] }
    const wide = sideBySide(left, right, 100, '  ')
    expect(wide.split('\n')[0]).toMatch(/^ {2}ingress-nginx +\| Gateway API$/)
    expect(wide.split('\n')[1]).toMatch(/^ {2}- server foo\.bar\.com +\| - listener http$/)
    const bar = wide.split('\n')[0]?.indexOf('|')
    for (const line of wide.trimEnd().split('\n')) expect(line.indexOf('|')).toBe(bar)
    const narrow = sideBySide(left, right, 2 * MIN_COLUMN, '  ')
    expect(narrow).toBe('  ingress-nginx\n  - server foo.bar.com\n  - location /foos1 wins\n  Gateway API\n  - listener http\n  - rule 0 of default/test\n')
    expect(sideBySide(left, right, undefined, '  ')).toBe(narrow)
  })

  it('lines up Korean columns by display width', () => {
    const out = sideBySide({ title: 'ingress-nginx', steps: ['응답: s1:80에 프록시합니다'] }, { title: 'Gateway API', steps: ['응답'] }, 90, '')
    const bars = out.trimEnd().split('\n').map((line) => displayWidth(line.slice(0, line.indexOf('|'))))
    expect(new Set(bars).size).toBe(1)
  })
})
