/**
 * Tests that render a component to HTML in English or Korean, with the app's and the inspector's texts and the
 * engine's messages (server rendering: no DOM needed).
 */
import { createInstance } from 'i18next'
import { createElement, type FunctionComponent } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { I18nextProvider, initReactI18next } from 'react-i18next'
import { collectResources } from '../i18n/collect-resources'
import { ALL_ENGINE_TEMPLATES } from './engine-templates'
import enApp from '../i18n/locales/en/app.json'
import enInspector from '../i18n/locales/en/inspector.json'
import enTester from '../i18n/locales/en/tester.json'
import koApp from '../i18n/locales/ko/app.json'
import koInspector from '../i18n/locales/ko/inspector.json'
import koTester from '../i18n/locales/ko/tester.json'

/** `component` with `props` as static HTML in `language`. */
export async function renderInLanguage<P extends object>(component: FunctionComponent<P>, props: P, language: 'en' | 'ko' = 'en'): Promise<string> {
  const i18n = createInstance()
  await i18n.use(initReactI18next).init({
    resources: collectResources({
      './locales/en/app.json': enApp,
      './locales/en/inspector.json': enInspector,
      './locales/ko/app.json': koApp,
      './locales/ko/inspector.json': koInspector,
      './locales/en/tester.json': enTester,
      './locales/ko/tester.json': koTester,
    }, ALL_ENGINE_TEMPLATES),
    lng: language,
    fallbackLng: 'en',
    defaultNS: 'app',
    interpolation: { escapeValue: false },
  })
  return renderToStaticMarkup(createElement(I18nextProvider, { i18n }, createElement(component, props)))
}
