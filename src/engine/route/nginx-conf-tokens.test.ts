/** The nginx.conf reader follows ngx_conf_read_token: each row is what nginx itself makes of the text. */
import { describe, expect, test } from 'vitest'
import { confShape, parseNginxConf } from './nginx-conf-tokens'

function words(text: string): string[][] | string {
  const parsed = parseNginxConf(text)
  if (parsed.kind === 'error') return `line ${parsed.line}: ${parsed.message}`
  return parsed.directives.map((d) => [d.name, ...d.args])
}

describe('parseNginxConf', () => {
  test.each<[string, string[][] | string]>([
    ['a b c;', [['a', 'b', 'c']]],
    ['a "b c" \'d;e\';', [['a', 'b c', 'd;e']]],
    ['a "x\\"y" "p\\\\q" "t\\tn\\n" "\\d";', [['a', 'x"y', 'p\\q', 't\tn\n', '\\d']]],
    ['a b#c;', [['a', 'b#c']]],
    ['a b; # c; d;\ne;', [['a', 'b'], ['e']]],
    ['a b}c;', [['a', 'b}c']]],
    ['a ${x}y;', [['a', '${x}y']]],
    ['a b\\ c;', [['a', 'b\\ c']]],
    ['a "b"c;', 'line 1: unexpected "c"'],
    ['a "b";', [['a', 'b']]],
    ['a b', 'line 1: unexpected end of file, expecting ";" or "}"'],
    ['}', 'line 1: unexpected "}"'],
    ['a { b;', 'line 1: unexpected end of file, expecting "}"'],
    ['a b }', 'line 1: unexpected "}"'],
    [';', 'line 1: unexpected ";"'],
  ])('%j', (text, expected) => {
    expect(words(text)).toEqual(expected)
  })

  test('blocks nest, and the shape lists names, parameter counts and blocks in order', () => {
    const parsed = parseNginxConf('http {\n  server {\n    location "/a b" { return 200 "x;y"; }\n  }\n}\n')
    expect(parsed.kind === 'ok' ? confShape(parsed.directives) : parsed).toEqual([
      'http/0 {', '  server/0 {', '    location/1 {', '      return/2', '    }', '  }', '}',
    ])
  })
})
