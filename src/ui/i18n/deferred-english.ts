/**
 * What the page's English needs only once the engine has answered, in one chunk loaded at start beside the engine
 * worker (`engineTextsReady` in `index.ts`): the engine's English templates and the texts built from its rule
 * catalog and parameter table. Nothing on the first paint says them.
 */
import { englishTemplates } from '../../engine/messages/families-en'
import { builtEnglishTexts } from './collect-resources'

/** The namespaces to add to English, merged with what `current` (the locale files already loaded) says. */
export function deferredEnglish(current: (namespace: string) => Readonly<Record<string, unknown>> | undefined): Record<string, Record<string, unknown>> {
  return { engine: { ...englishTemplates() }, ...builtEnglishTexts(current) }
}
