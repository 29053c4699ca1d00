import { describe, expect, it } from 'vitest'
import { alignTabs } from './tabwriter'

describe('alignTabs (text/tabwriter, padding 2)', () => {
  it('pads each column to its widest cell plus 2 and leaves the last cell alone', () => {
    const text = 'Requests\t[total, rate, throughput]\t1, 2\nStatus Codes\t[code:count]\t200:1  \n'
    expect(alignTabs(text)).toBe(
      'Requests      [total, rate, throughput]  1, 2\n' +
      'Status Codes  [code:count]               200:1  \n',
    )
  })

  it('ends a column block at a line without that column', () => {
    const text = 'a\tb\tc\nlonger cell\tx\ty\nplain line\nzz\tw\tq\n'
    expect(alignTabs(text)).toBe('a            b  c\nlonger cell  x  y\nplain line\nzz  w  q\n')
  })

  it('gives an empty column the padding width and counts code points, not UTF-16 units', () => {
    expect(alignTabs('Bucket\t\t#\n[0s,\t2ms]\t5\n')).toBe('Bucket        #\n[0s,    2ms]  5\n')
    expect(alignTabs('µµ\tx\nab\ty\n')).toBe('µµ  x\nab  y\n')
  })
})
