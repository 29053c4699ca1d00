/**
 * A message in English from the English templates alone: the `message` field the engine puts beside a `Message`
 * (problems the page's leaf modules build, like a parameter's range) without loading the Korean side, which the
 * page's first load leaves out (docs/i18n.md). `formatMessage` (`render.ts`) is the CLI's, in either language.
 */
import { englishTemplates } from './families-en'
import type { Message } from './message'
import { renderMessage, templateTranslator, type Translate } from './render-message'

let english: Translate | undefined

export function englishMessage(message: Message): string {
  english ??= templateTranslator(englishTemplates(), 'en')
  return renderMessage(message, english)
}
