/**
 * A message in a language of the catalog: the engine's English `Diagnostic.message` and the CLI's words. The page
 * renders through i18next instead (`render-message.ts`), so it never loads both languages' templates.
 */
import { messageTemplates, type MessageLanguage } from './catalog'
import { englishMessage } from './english'
import type { Message } from './message'
import { renderMessage, templateTranslator, type Translate } from './render-message'

export { renderMessage, templateTranslator, type Translate, type TranslateParams } from './render-message'

const translators = new Map<MessageLanguage, Translate>()

/** `message` in `language` from the catalog (the CLI's words; English is the default everywhere). */
export function formatMessage(message: Message, language: MessageLanguage = 'en'): string {
  if (language === 'en') return englishMessage(message)
  let translate = translators.get(language)
  if (!translate) {
    translate = templateTranslator(messageTemplates(language), language)
    translators.set(language, translate)
  }
  return renderMessage(message, translate)
}
