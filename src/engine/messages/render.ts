/**
 * Turning a message into words. Views pass their own `translate` (the page's i18next `t`, bound to the
 * `engine` namespace); `templateTranslator` is the same lookup over the catalog for the engine's English
 * `Diagnostic.message` and the CLI. `render.test.ts` checks that both agree with i18next on every template.
 */
import { messageTemplates, type MessageLanguage } from './catalog'
import type { Message } from './message'

export type TranslateParams = Readonly<Record<string, string | number>>
export type Translate = (id: string, params: TranslateParams) => string

/** `message` in the words `translate` gives, its nested messages rendered first. */
export function renderMessage(message: Message, translate: Translate): string {
  const params: Record<string, string | number> = {}
  for (const [name, value] of Object.entries(message.params)) {
    params[name] = typeof value === 'object' ? renderMessage(value, translate) : value
  }
  return translate(message.id, params)
}

const PLACEHOLDER = /\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g

/**
 * i18next's lookup, reduced to what the catalog uses: with a numeric `count`, `id_<plural form>` if the
 * language has that key; otherwise `id`; then every `{{name}}` replaced by its parameter (left as it is when
 * missing, as i18next does). An unknown id renders as the id itself.
 */
export function templateTranslator(templates: Readonly<Record<string, string>>, language: MessageLanguage): Translate {
  const plurals = new Intl.PluralRules(language)
  return (id, params) => {
    const count = params.count
    const plural = typeof count === 'number' ? templates[`${id}_${plurals.select(count)}`] : undefined
    const template = plural ?? templates[id] ?? id
    return template.replace(PLACEHOLDER, (whole, name: string) => {
      const value = params[name]
      return value === undefined ? whole : String(value)
    })
  }
}

const translators = new Map<MessageLanguage, Translate>()

/** `message` in `language` from the catalog (the CLI's words; English is the default everywhere). */
export function formatMessage(message: Message, language: MessageLanguage = 'en'): string {
  let translate = translators.get(language)
  if (!translate) {
    translate = templateTranslator(messageTemplates(language), language)
    translators.set(language, translate)
  }
  return renderMessage(message, translate)
}
