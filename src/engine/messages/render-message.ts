/**
 * Turning a message into words, without the catalog: views pass their own `translate` (the page's i18next `t`,
 * bound to the `engine` namespace), so the page loads this without any language's templates; `templateTranslator`
 * is the same lookup over a catalog (`render.ts` binds it for the engine's English `Diagnostic.message` and the
 * CLI). `render.test.ts` checks that both agree with i18next on every template.
 */
import type { MessageLanguage } from './languages'
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
  // Each template cut once into text and placeholder names: `route --requests` renders a trace per request.
  const compiled = new Map<string, readonly string[]>()
  return (id, params) => {
    const count = params.count
    const plural = typeof count === 'number' ? templates[`${id}_${plurals.select(count)}`] : undefined
    const template = plural ?? templates[id] ?? id
    let parts = compiled.get(template)
    if (parts === undefined) {
      parts = cutTemplate(template)
      compiled.set(template, parts)
    }
    let text = parts[0] as string
    for (let i = 1; i < parts.length; i += 3) {
      const value = params[parts[i + 1] as string]
      text += (value === undefined ? parts[i] : String(value)) + (parts[i + 2] as string)
    }
    return text
  }
}

/** `a {{ x }} b` → `['a ', '{{ x }}', 'x', ' b']`: the text, then per placeholder its whole, its name and the text after it. */
function cutTemplate(template: string): string[] {
  const parts: string[] = []
  let last = 0
  for (const match of template.matchAll(PLACEHOLDER)) {
    parts.push(template.slice(last, match.index), match[0], match[1] as string)
    last = match.index + match[0].length
  }
  parts.push(template.slice(last))
  return parts
}
