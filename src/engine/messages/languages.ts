/** The languages the engine's messages are written in (a leaf: the CLI's launcher reads it without the catalogs). */
export type MessageLanguage = 'en' | 'ko'
export const MESSAGE_LANGUAGES: readonly MessageLanguage[] = ['en', 'ko']
