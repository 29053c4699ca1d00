import { createInstance } from 'i18next'
import { createElement, type FunctionComponent } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { I18nextProvider, initReactI18next } from 'react-i18next'
import { describe, expect, it } from 'vitest'
import { collectResources } from '../i18n/collect-resources'
import enApp from '../i18n/locales/en/app.json'
import enInspector from '../i18n/locales/en/inspector.json'
import koApp from '../i18n/locales/ko/app.json'
import koInspector from '../i18n/locales/ko/inspector.json'
import { DiagnosticsPanel } from '../inspector/DiagnosticsPanel'
import { EngineFailureNotice } from './EngineFailureNotice'

async function render<P extends object>(component: FunctionComponent<P>, props: P, language: 'en' | 'ko' = 'en'): Promise<string> {
  const i18n = createInstance()
  await i18n.use(initReactI18next).init({
    resources: collectResources({
      './locales/en/app.json': enApp,
      './locales/en/inspector.json': enInspector,
      './locales/ko/app.json': koApp,
      './locales/ko/inspector.json': koInspector,
    }),
    lng: language,
    fallbackLng: 'en',
    defaultNS: 'app',
    interpolation: { escapeValue: false },
  })
  return renderToStaticMarkup(createElement(I18nextProvider, { i18n }, createElement(component, props)))
}

const retry = () => {}

describe('a view the engine gave no answer', () => {
  it('says the analysis is unavailable and why, with Retry, in English and Korean', async () => {
    const failure = { code: 'timeout', message: 'The engine took longer than 15000 ms.' } as const
    const en = await render(EngineFailureNotice, { work: 'analysis', failure, onRetry: retry })
    expect(en).toContain('The analysis is unavailable: the engine did not answer in time.')
    expect(en).toContain('>Retry</button>')
    expect(en).toContain('data-code="timeout"')
    const ko = await render(EngineFailureNotice, { work: 'analysis', failure, onRetry: retry }, 'ko')
    expect(ko).toContain('분석 결과를 볼 수 없습니다: 엔진이 제시간에 응답하지 않았습니다.')
    expect(ko).toContain('>다시 시도</button>')
  })

  it('names every failure code the protocol has, and passes the engine\'s own message only for an exception', async () => {
    const texts = await Promise.all(
      (['timeout', 'worker-crashed', 'engine-exception', 'protocol-mismatch'] as const).map((code) =>
        render(EngineFailureNotice, { work: 'test', failure: { code, message: 'boom' }, onRetry: retry }),
      ),
    )
    expect(texts.every((html) => html.includes('This request got no answer: the engine'))).toBe(true)
    expect(texts.map((html) => html.includes('boom'))).toEqual([false, false, true, false])
  })

  it('the diagnostics list says it is analyzing before the first analysis instead of saying "No problems found"', async () => {
    const html = await render(DiagnosticsPanel, {})
    expect(html).toContain('Analyzing…')
    expect(html).not.toContain('No problems found')
  })
})
