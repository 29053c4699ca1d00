import { describe, expect, it } from 'vitest'
import { gatewayRequestOf } from './gateway-request'

describe('gatewayRequestOf', () => {
  it('carries the method (GET by default) and the headers', () => {
    expect(gatewayRequestOf({ url: 'http://a/' })).toEqual({ url: 'http://a/', method: 'GET' })
    expect(gatewayRequestOf({ url: 'http://a/', headers: { 'X-A': '1' }, method: 'PUT' })).toEqual({ url: 'http://a/', method: 'PUT', headers: { 'X-A': '1' } })
  })

  it('sends the cookie rows as one Cookie header, unless a Cookie header is written', () => {
    expect(gatewayRequestOf({ url: 'http://a/', cookies: { a: '1', b: '2' } }).headers).toEqual({ Cookie: 'a=1; b=2' })
    expect(gatewayRequestOf({ url: 'http://a/', headers: { cookie: 'x=y' }, cookies: { a: '1' } }).headers).toEqual({ cookie: 'x=y' })
  })
})