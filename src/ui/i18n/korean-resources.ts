/**
 * The studio's Korean: every `locales/ko/*.json` namespace and the engine's Korean templates, as one module the
 * page imports only when a reader needs Korean (`index.ts`), so an English first load carries none of it.
 * Precached with the rest of the build, so switching offline works as before.
 */
import { koreanTemplates } from '../../engine/messages/families-ko'
import { collectLocales, type Resources } from './collect-locales'

const files = import.meta.glob<Record<string, unknown>>('./locales/ko/*.json', { eager: true, import: 'default' })

/** The Korean resources by namespace. */
export const KOREAN_RESOURCES: Resources[string] = collectLocales(files, { ko: koreanTemplates() }).ko ?? {}
