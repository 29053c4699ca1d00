import i18next from 'i18next'
import { describe, expect, it } from 'vitest'
import { MESSAGE_FAMILIES, MESSAGE_LANGUAGES, messageTemplates, type MessageLanguage } from './catalog'
import { templateTranslator, type TranslateParams } from './render'

const placeholders = (template: string): string[] =>
  [...template.matchAll(/\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g)].map((m) => m[1] as string).sort()

const baseId = (key: string): string => key.replace(/_(one|other)$/, '')

describe('the message catalog', () => {
  it('gives every id to one family only, spelled as i18next keys allow', () => {
    const owner = new Map<string, string>()
    for (const [family, { en }] of Object.entries(MESSAGE_FAMILIES)) {
      for (const key of Object.keys(en)) {
        expect(key, `${family}: ${key}`).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*(_one|_other)?$/)
        const id = baseId(key)
        const other = owner.get(id)
        if (other !== undefined && other !== family) throw new Error(`${id} is in both ${other} and ${family}`)
        owner.set(id, family)
      }
    }
  })

  it('has a Korean text for every English one, with the same parameters', () => {
    for (const [family, { en, ko }] of Object.entries(MESSAGE_FAMILIES)) {
      const english = en as Record<string, string>
      const korean = ko as Record<string, string>
      for (const key of Object.keys(english)) {
        if (key.endsWith('_one')) {
          expect(english[`${baseId(key)}_other`], `${family}: ${key} has no _other form`).toBeTypeOf('string')
          continue
        }
        const translation = korean[key]
        expect(translation, `${family}: no Korean text for ${key}`).toBeTypeOf('string')
        expect(translation?.trim(), `${family}: empty Korean text for ${key}`).not.toBe('')
        expect(placeholders(translation as string), `${family}: parameters of ${key} in Korean`).toEqual(placeholders(english[key] as string))
      }
      for (const key of Object.keys(korean)) expect(english[key], `${family}: Korean ${key} has no English text`).toBeTypeOf('string')
    }
  })

  it('renders every template as i18next does, in both languages and both plural forms', async () => {
    const resources = Object.fromEntries(MESSAGE_LANGUAGES.map((language) => [language, { engine: messageTemplates(language) }]))
    const i18n = i18next.createInstance()
    await i18n.init({ resources, lng: 'en', ns: ['engine'], defaultNS: 'engine', interpolation: { escapeValue: false }, fallbackLng: false })
    for (const language of MESSAGE_LANGUAGES) {
      const t = i18n.getFixedT(language as MessageLanguage, 'engine')
      const ours = templateTranslator(messageTemplates(language), language)
      for (const id of new Set(Object.keys(messageTemplates('en')).map(baseId))) {
        for (const count of [0, 1, 2]) {
          const names = placeholders(messageTemplates('en')[id] ?? messageTemplates('en')[`${id}_other`] ?? '')
          const params: Record<string, string | number> = Object.fromEntries(names.map((name) => [name, `<${name} & "x">`]))
          if (names.includes('count')) params.count = count
          expect(ours(id, params as TranslateParams), `${language} ${id} count=${count}`).toBe(t(id, params))
        }
      }
    }
  })
})
