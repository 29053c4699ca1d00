/** The engine's templates in every language, for tests that build i18next resources (`collectResources`). */
import { MESSAGE_LANGUAGES, messageTemplates } from '../../engine/messages/catalog'
import type { EngineTemplates } from '../i18n/collect-resources'

export const ALL_ENGINE_TEMPLATES: EngineTemplates = Object.fromEntries(MESSAGE_LANGUAGES.map((language) => [language, messageTemplates(language)]))
