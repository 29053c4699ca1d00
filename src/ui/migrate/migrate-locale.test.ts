import { describe, expect, it } from 'vitest'
import type { ParityField, ParityFixKind } from '../../engine'
import en from '../i18n/locales/en/migrate.json'
import ko from '../i18n/locales/ko/migrate.json'

/** Every compared field and fix kind: a missing or extra one is a type error here. */
const FIELDS: Record<ParityField, true> = { status: true, service: true, port: true, rewrittenPath: true, host: true, location: true }
const FIX_KINDS: Record<ParityFixKind, true> = { 'change-ingress': true, 'change-route': true, accept: true }

/** Dotted keys of a resource, plural suffixes folded (Korean has only `_other`). */
function keys(resource: unknown, prefix = ''): string[] {
  return Object.entries(resource as Record<string, unknown>).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null ? keys(value, `${prefix}${key}.`) : [`${prefix}${key.replace(/_(one|other)$/, '')}`])
}

describe('the migration view\'s words', () => {
  it('Korean says everything English says, and nothing else', () => {
    expect([...new Set(keys(ko))].sort()).toEqual([...new Set(keys(en))].sort())
  })
  it('name every compared field and every kind of fix', () => {
    for (const resource of [en, ko]) {
      for (const field of Object.keys(FIELDS) as ParityField[]) expect(resource.field[field], field).toBeTruthy()
      for (const kind of Object.keys(FIX_KINDS) as ParityFixKind[]) expect(resource.fix[kind], kind).toBeTruthy()
    }
  })
  it('Korean text runs no three Latin words together (e2e/korean.spec.ts)', () => {
    const values = (resource: unknown): string[] => Object.values(resource as Record<string, unknown>).flatMap((value) => (typeof value === 'string' ? [value] : values(value)))
    for (const text of values(ko)) expect(text.replace(/\{\{\w+\}\}/g, ' '), text).not.toMatch(/[A-Za-z][a-z]+(?:[ ,'’:]+[A-Za-z][a-z]+){2,}/)
  })
})
