/**
 * nginx variables in rewrite replacements and return URLs (docs/routing.md#rewrite-target): how nginx's script
 * compiler reads a template, each variable's value, and which names `nginx -t` rejects. Sources per row; the
 * real nginx agrees in nginx-rewrite.test.ts.
 */
import { describe, expect, test } from 'vitest'
import { formatMessage } from '../messages/render'
import { expandRewrite, expandValue, isRedirectReplacement, parseNginxTemplate, unknownVariables, variableValue, type NginxCaptures, type NginxVariableRequest } from './nginx-variables'

const REQUEST: NginxVariableRequest = {
  scheme: 'https',
  method: 'POST',
  requestUri: '/a/../p/x%20y?k=v&K=2&kk=3',
  uri: '/p/x y',
  args: 'k=v&K=2&kk=3',
  hostHeader: 'Shop.Test:8443',
  host: 'shop.test',
  serverName: 'shop.test',
  serverPort: '443',
  headers: new Map([['x_user', 'ann'], ['cookie', 'a=1; Sess = s1 ;b=2, c=3']]),
}

const CAPTURES: NginxCaptures = { groups: ['/p/x y', 'x y', undefined], names: new Map([['id', 1], ['opt', 2]]) }

describe('parseNginxTemplate (ngx_http_script_compile)', () => {
  test.each([
    ['/$1/$12', 'rewrite', 'text:/ capture:1 text:/ capture:1 text:2'],
    ['/${Host}x/$host_x', 'rewrite', 'text:/ variable:host text:x/ variable:host_x'],
    ['/x?a=$1?b', 'rewrite', 'text:/x args text:a= capture:1 text:?b'],
    ['http://x/?a=$1', 'value', 'text:http://x/?a= capture:1'],
    ['/$0', 'value', 'text:/ variable:0'],
  ])('%s (%s) → %s', (template, mode, expected) => {
    const parsed = parseNginxTemplate(template, mode as 'rewrite' | 'value')
    const parts = parsed.kind === 'ok' ? parsed.parts.map((part) => part.kind === 'text' ? `text:${part.text}` : part.kind === 'capture' ? `capture:${part.group}` : part.kind === 'variable' ? `variable:${part.name}` : 'args') : []
    expect(parts.join(' ')).toBe(expected)
  })

  test.each([
    ['/x$', 'invalid variable name'],
    ['/x$/', 'invalid variable name'],
    ['/${', 'invalid variable name'],
    ['/${host', 'closing bracket'],
    ['/${}', 'invalid variable name'],
  ])('%s is refused by nginx -t (%s)', (template, said) => {
    const parsed = parseNginxTemplate(template, 'value')
    expect(parsed.kind).toBe('invalid')
    if (parsed.kind === 'invalid') expect(formatMessage(parsed.reason)).toContain(said)
  })
})

describe('variableValue (src/http/ngx_http_variables.c)', () => {
  test.each([
    ['request_uri', '/a/../p/x%20y?k=v&K=2&kk=3'],
    ['uri', '/p/x y'],
    ['document_uri', '/p/x y'],
    ['args', 'k=v&K=2&kk=3'],
    ['query_string', 'k=v&K=2&kk=3'],
    ['is_args', '?'],
    ['host', 'shop.test'],
    ['http_host', 'Shop.Test:8443'],
    ['scheme', 'https'],
    ['https', 'on'],
    ['server_name', 'shop.test'],
    ['server_port', '443'],
    ['request_method', 'POST'],
    ['http_x_user', 'ann'],
    ['arg_k', 'v'], // ngx_http_arg: the first k=, name ASCII-caseless
    ['arg_kk', '3'],
    ['arg_zz', null],
    ['cookie_sess', 's1 '], // ngx_http_parse_multi_header_lines: spaces around = skipped, the value runs to ;
    ['cookie_c', '3'], // a , also separates pairs
    ['cookie_none', null],
    ['id', 'x y'],
    ['opt', ''], // a group that took no part
    ['remote_addr', null],
  ])('$%s = %j', (name, value) => {
    expect(variableValue(name, REQUEST, CAPTURES)).toBe(value)
  })

  test('no arguments: $args and $is_args are empty', () => {
    expect(variableValue('args', { ...REQUEST, args: null })).toBe('')
    expect(variableValue('is_args', { ...REQUEST, args: '' })).toBe('')
  })
})

describe('unknownVariables (ngx_http_variables_init_vars: unknown "name" variable)', () => {
  test.each([
    ['/$host$request_uri', [], []],
    ['/$foo/$Bar/$foo', [], ['foo', 'bar']],
    ['/$0', [], ['0']],
    ['/$id', [], ['id']],
    ['/$id', ['/(?<id>[0-9]+)'], []],
    ['/$ID', ["/(?'Id'x)"], []], // variable names are case-insensitive
    ['/$arg_x$http_y$cookie_z$sent_http_a$upstream_http_b', [], []], // prefix variables
    ['/$upstream_addr$ssl_protocol$realip_remote_addr', [], []], // module variables
    ['/$1/$9', [], []], // captures are not variables
  ])('%s with regexes %j → %j', (template, patterns, unknown) => {
    expect(unknownVariables(template, patterns, false)).toEqual(unknown)
  })

  test('variables ingress-nginx\'s nginx.tmpl sets are known to a controller, not to a bare nginx', () => {
    expect(unknownVariables('/$service_name', [])).toEqual([])
    expect(unknownVariables('/$service_name', [], false)).toEqual(['service_name'])
  })
})

describe('expanding templates', () => {
  test('a return URL copies values as they are', () => {
    expect(expandValue('https://new.test$request_uri', REQUEST)).toBe('https://new.test/a/../p/x%20y?k=v&K=2&kk=3')
    expect(expandValue('$scheme://$host/$1/$id', REQUEST, CAPTURES)).toBe('https://shop.test/x y/x y')
  })

  test('isRedirectReplacement: http://, https:// and $scheme, case-sensitive (ngx_http_rewrite)', () => {
    expect(['http://a', 'https://a', '$scheme://a', 'HTTP://a', '/http://a'].map(isRedirectReplacement)).toEqual([true, true, true, false, false])
  })

  test('a rewrite with variables in the path and after ?', () => {
    expect(expandRewrite('/$host/$1?u=$uri&c=$1', REQUEST, CAPTURES, { quoted: true, plus: false })).toEqual({ kind: 'uri', uri: '/shop.test/x y', args: 'u=/p/x y&c=x%20y&k=v&K=2&kk=3' })
    expect(expandRewrite('/$1', REQUEST, CAPTURES, { quoted: true, plus: false })).toEqual({ kind: 'uri', uri: '/x y', args: 'k=v&K=2&kk=3' })
  })
})
