/**
 * The age order of HTTPRoutes (route-age.ts; docs/gateway-api.md#precedence): creationTimestamp read as RFC 3339
 * (metav1.Time, apimachinery pkg/apis/meta/v1/time.go marshals with time.RFC3339), then namespace/name.
 */
import { describe, expect, it } from 'vitest'
import { ageReason, parseCreationTimestamp } from './route-age'

describe('parseCreationTimestamp (metav1.Time: RFC 3339)', () => {
  it.each([
    ['2024-01-01T00:00:00Z', Date.UTC(2024, 0, 1)],
    ['2024-01-01T09:00:00+09:00', Date.UTC(2024, 0, 1)],
    ['2023-12-31T19:30:00-04:30', Date.UTC(2024, 0, 1)],
    ['2024-01-01T00:00:00.250Z', Date.UTC(2024, 0, 1) + 250],
    ['2024-02-29T00:00:00Z', Date.UTC(2024, 1, 29)],
  ])('reads %s without the host time zone', (raw, ms) => {
    expect(parseCreationTimestamp(raw)).toBe(ms)
  })

  it.each([
    '2024-01-01T05:00:00', // no offset: the host's time zone would decide (review15/tz.yaml)
    '2024-01-01',
    '2024-01-01 00:00:00Z',
    'Mon, 01 Jan 2024 00:00:00 GMT',
    '2023-02-29T00:00:00Z',
    '2024-13-01T00:00:00Z',
    '2024-01-01T24:00:00Z',
    '2024-01-01T00:00:00+0900',
    'yesterday',
  ])('refuses %s (unreadable counts as absent)', (raw) => {
    expect(parseCreationTimestamp(raw)).toBeNull()
  })
})

describe('ageReason', () => {
  const at = (creationTimestamp: string | null, key: string) => ({ creationTimestamp, key })
  it('says why one route is older than another, and null when it is not', () => {
    expect(ageReason(at('2024-01-01T00:00:00Z', 'ns/b'), at('2024-01-02T00:00:00Z', 'ns/a'))).toBe('older')
    expect(ageReason(at('2024-01-02T00:00:00Z', 'ns/a'), at('2024-01-01T00:00:00Z', 'ns/b'))).toBeNull()
    expect(ageReason(at('2024-01-01T00:00:00Z', 'ns/b'), at(null, 'ns/a'))).toBe('other-untimed')
    expect(ageReason(at('2024-01-01T00:00:00Z', 'ns/b'), at('2024-01-01T05:00:00', 'ns/a'))).toBe('other-untimed')
    expect(ageReason(at(null, 'ns/a'), at(null, 'ns/b'))).toBe('name')
    expect(ageReason(at('2024-01-01T09:00:00+09:00', 'ns/a'), at('2024-01-01T00:00:00Z', 'ns/b'))).toBe('name')
    expect(ageReason(at(null, 'ns/b'), at(null, 'ns/a'))).toBeNull()
  })
})
