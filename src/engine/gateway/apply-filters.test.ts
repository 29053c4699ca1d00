import { describe, expect, it } from 'vitest'
import { modifyPath } from './apply-filters'
import { compileMatch } from './match-request'

function prefix(value: string) {
  return compileMatch({ path: { type: 'PathPrefix', value }, headers: [], queryParams: [], at: [] })
}

describe('ReplacePrefixMatch (httproute_types.go HTTPPathModifier.replacePrefixMatch, the table row by row)', () => {
  // [request path, prefix match, replace prefix, modified path]
  const rows: [string, string, string, string][] = [
    ['/foo/bar', '/foo', '/xyz', '/xyz/bar'],
    ['/foo/bar', '/foo', '/xyz/', '/xyz/bar'],
    ['/foo/bar', '/foo/', '/xyz', '/xyz/bar'],
    ['/foo/bar', '/foo/', '/xyz/', '/xyz/bar'],
    ['/foo', '/foo', '/xyz', '/xyz'],
    ['/foo/', '/foo', '/xyz', '/xyz/'],
    ['/foo/bar', '/foo', '', '/bar'],
    ['/foo/', '/foo', '', '/'],
    ['/foo', '/foo', '', '/'],
    ['/foo/', '/foo', '/', '/'],
    ['/foo', '/foo', '/', '/'],
  ]
  it.each(rows)('%s with prefix %s and %j → %s', (path, matched, replacement, expected) => {
    expect(modifyPath({ type: 'ReplacePrefixMatch', replacePrefixMatch: replacement }, path, prefix(matched))).toBe(expected)
  })

  it('follows conformance HTTPRouteRewritePath', () => {
    expect(modifyPath({ type: 'ReplacePrefixMatch', replacePrefixMatch: '/one' }, '/prefix/one/two', prefix('/prefix/one'))).toBe('/one/two')
    expect(modifyPath({ type: 'ReplacePrefixMatch', replacePrefixMatch: '/' }, '/strip-prefix/three', prefix('/strip-prefix'))).toBe('/three')
    expect(modifyPath({ type: 'ReplacePrefixMatch', replacePrefixMatch: '/' }, '/strip-prefix', prefix('/strip-prefix'))).toBe('/')
    expect(modifyPath({ type: 'ReplaceFullPath', replaceFullPath: '/one' }, '/full/one/two', prefix('/full/one'))).toBe('/one')
    expect(modifyPath({ type: 'ReplacePrefixMatch', replacePrefixMatch: '/prefix' }, '/prefix/rewrite-path-and-modify-headers/one', prefix('/prefix/rewrite-path-and-modify-headers'))).toBe('/prefix/one')
  })

  it('leaves the path alone after a RegularExpression match (the CRD allows ReplacePrefixMatch only with PathPrefix)', () => {
    const regex = compileMatch({ path: { type: 'RegularExpression', value: '/a.*' }, headers: [], queryParams: [], at: [] })
    expect(modifyPath({ type: 'ReplacePrefixMatch', replacePrefixMatch: '/b' }, '/abc', regex)).toBeNull()
  })
})
