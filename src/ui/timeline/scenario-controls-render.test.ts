import { createInstance } from 'i18next'
import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { I18nextProvider, initReactI18next } from 'react-i18next'
import { describe, expect, it } from 'vitest'
import { EDITABLE_PARAMETERS } from '../../engine/simulate/parameter-table'
import { collectResources } from '../i18n/collect-resources'
import { ALL_ENGINE_TEMPLATES } from '../testing/engine-templates'
import enTimeline from '../i18n/locales/en/timeline.json'
import koTimeline from '../i18n/locales/ko/timeline.json'
import { ParametersPanel } from './ScenarioControls'
import { MORE_GROUP } from './scenario-form'

/** Text as React writes it into markup. */
const escaped = (text: string): string =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll('\'', '&#x27;')

async function render(language: 'en' | 'ko'): Promise<string> {
  const i18n = createInstance()
  await i18n.use(initReactI18next).init({
    resources: collectResources({ './locales/en/timeline.json': enTimeline, './locales/ko/timeline.json': koTimeline }, ALL_ENGINE_TEMPLATES),
    lng: language,
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
  })
  return renderToStaticMarkup(createElement(I18nextProvider, { i18n }, createElement(ParametersPanel)))
}

describe('the scenario controls as rendered', () => {
  it('show each row outside "More" (closed) with its English label, help and flag from the table', async () => {
    const html = await render('en')
    for (const row of EDITABLE_PARAMETERS.filter((r) => r.group !== MORE_GROUP)) {
      expect(html, row.name).toContain(`data-param="${row.name}"`)
      expect(html).toContain(`>${escaped(row.label)}</label>`)
      expect(html).toContain(escaped(row.help))
      if (row.flag) expect(html).toContain(`<code class="param-flag">${row.flag}</code>`)
    }
    expect(html).toContain('placeholder="bump the tag"')
    expect(html).toContain('>exit immediately</option>')
  })

  it('show the Korean texts in Korean', async () => {
    const html = await render('ko')
    expect(html).toContain('>요청률</label>')
    expect(html).toContain('placeholder="태그 올리기"')
    expect(html).toContain('>즉시 종료</option>')
  })
})
