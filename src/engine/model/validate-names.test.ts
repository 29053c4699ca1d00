import { describe, expect, it } from 'vitest'
import type { Message } from '../messages/message'
import {
  checkConfigKey, checkDns1035Label, checkDns1123Label, checkDns1123Subdomain, checkDomainPrefixedPath, checkLabelValue,
  checkPortName, checkPortNumber, checkQualifiedName, checkWildcardSubdomain, isIpAddress,
} from './validate-names'

const valid = (check: (value: string) => Message | undefined, value: string): boolean => check(value) === undefined

describe('name formats of the API server', () => {
  it.each([
    ['my-name', true], ['a', true], ['0abc', true], ['My-name', false], ['-a', false], ['a-', false], ['a.b', false],
    ['a'.repeat(63), true], ['a'.repeat(64), false],
  ])('DNS-1123 label %s → %s', (value, ok) => expect(valid(checkDns1123Label, value)).toBe(ok))

  it.each([
    ['example.com', true], ['a.b-c.d', true], ['127.0.0.1.xip.io', true], ['Example.com', false], ['a..b', false],
    ['.a', false], ['a_b.com', false], [`${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(61)}`, true],
    [`${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(62)}`, false],
  ])('DNS-1123 subdomain %s → %s', (value, ok) => expect(valid(checkDns1123Subdomain, value)).toBe(ok))

  it.each([['my-svc', true], ['1svc', false], ['svc.x', false], ['Svc', false]])(
    'DNS-1035 label %s → %s', (value, ok) => expect(valid(checkDns1035Label, value)).toBe(ok))

  it.each([['*.example.com', true], ['*', false], ['foo*.example.com', false], ['*.*.example.com', false], ['a.*.com', false]])(
    'wildcard subdomain %s → %s', (value, ok) => expect(valid(checkWildcardSubdomain, value)).toBe(ok))

  it.each([
    ['app', true], ['app.kubernetes.io/name', true], ['MyName', true], ['a_b.c-d', true], ['/name', false],
    ['Example.com/name', false], ['a/b/c', false], ['-app', false], ['app/', false], ['x'.repeat(64), false],
  ])('qualified name (label key) %s → %s', (value, ok) => expect(valid(checkQualifiedName, value)).toBe(ok))

  it.each([['', true], ['v1.2_3-x', true], ['-x', false], ['x y', false], ['x'.repeat(64), false]])(
    'label value %j → %s', (value, ok) => expect(valid(checkLabelValue, value)).toBe(ok))

  it.each([
    ['http', true], ['web-2', true], ['80', false], ['HTTP', false], ['a--b', false], ['-web', false],
    ['sixteen-chars-xx', false],
  ])('port name (IANA_SVC_NAME) %s → %s', (value, ok) => expect(valid(checkPortName, value)).toBe(ok))

  it.each([[0, false], [1, true], [65535, true], [65536, false], [-1, false]])(
    'port number %i → %s', (value, ok) => expect(checkPortNumber(value) === undefined).toBe(ok))

  it.each([['tls.crt', true], ['.dockerconfigjson', true], ['KEY_1', true], ['.', false], ['..', false], ['..x', false], ['a/b', false]])(
    'config key %s → %s', (value, ok) => expect(valid(checkConfigKey, value)).toBe(ok))

  it.each([['1.2.3.4', true], ['256.1.1.1', false], ['::1', true], ['fe80::1:2', true], ['1.2.3.4.xip.io', false], ['a:b', false]])(
    'IP address %s → %s', (value, ok) => expect(isIpAddress(value)).toBe(ok))

  it.each([['k8s.io/ingress-nginx', true], ['example.com/a/b', true], ['ingress-nginx', false], ['k8s.io/', false], ['K8s.io/x', false]])(
    'domain-prefixed path %s → %s', (value, ok) => expect(valid(checkDomainPrefixedPath, value)).toBe(ok))
})
