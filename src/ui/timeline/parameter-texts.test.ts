import { describe, expect, it } from 'vitest'
import { ROLLOUT_PARAMETER_TABLE, type ParameterEntry } from '../../engine/simulate/parameter-table'
import { collectResources } from '../i18n/collect-resources'
import { ALL_ENGINE_TEMPLATES } from '../testing/engine-templates'
import enChrome from '../i18n/locales/en/timeline.json'
import koFile from '../i18n/locales/ko/timeline.json'
import { buildParameterTextResource, listMissingParameterTexts, mergeParameterTexts, parameterTextKeys, PARAMETER_TEXT_NAMESPACE } from './parameter-texts'

const loaded = collectResources({ './locales/en/timeline.json': enChrome, './locales/ko/timeline.json': koFile }, ALL_ENGINE_TEMPLATES)
const en = loaded.en![PARAMETER_TEXT_NAMESPACE]!
const ko = loaded.ko![PARAMETER_TEXT_NAMESPACE]!
const read = (resource: unknown, key: string): unknown => key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], resource)

describe('scenario-control texts as loaded', () => {
  it.each([['en', en], ['ko', ko]])('%s has a label, help, meaning of empty and choice texts for every parameter', (_, resource) => {
    expect(listMissingParameterTexts(resource, ROLLOUT_PARAMETER_TABLE)).toEqual([])
  })

  it('English is the table word for word, and en/timeline.json holds no second copy', () => {
    for (const row of ROLLOUT_PARAMETER_TABLE) for (const [key, english] of parameterTextKeys(row)) expect(read(en, key), key).toBe(english)
    expect(Object.keys(enChrome)).not.toContain('param')
  })

  it('Korean is translated, and keyed only by the table\'s keys', () => {
    for (const row of ROLLOUT_PARAMETER_TABLE) {
      for (const [key, english] of parameterTextKeys(row)) {
        expect(read(ko, key), key).not.toBe(english)
        if (!key.endsWith('.label')) expect(read(ko, key), key).toMatch(/[\uac00-\ud7a3]/)
      }
    }
    const names = new Set<string>(ROLLOUT_PARAMETER_TABLE.map((row) => row.name))
    expect(Object.keys(koFile.param).filter((name) => !names.has(name))).toEqual([])
  })
})

describe('buildParameterTextResource', () => {
  const row = ROLLOUT_PARAMETER_TABLE.find((r) => r.name === 'durationSeconds') as ParameterEntry

  it('nests the texts under the row\'s key, with empty only where null is allowed', () => {
    expect(buildParameterTextResource([row])).toEqual({ param: { durationSeconds: { label: row.label, help: row.help, empty: 'until done' } } })
  })

  it('names the keys a language lacks, empty strings included', () => {
    expect(listMissingParameterTexts({ param: { durationSeconds: { label: 'x', help: ' ' } } }, [row])).toEqual(['param.durationSeconds.help', 'param.durationSeconds.empty'])
    expect(listMissingParameterTexts(null, [row])).toHaveLength(3)
  })

  it('refuses an English file that defines the texts itself', () => {
    expect(() => mergeParameterTexts({ param: {} }, { param: {} })).toThrow(/timeline\.json must not define param/)
  })
})
