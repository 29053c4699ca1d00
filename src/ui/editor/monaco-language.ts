/**
 * Monaco's own words (its find widget, context menu, command palette, screen-reader texts) in the studio's
 * language. Monaco reads its translations from a global that must be set before its modules load, so each lazy
 * Monaco view awaits `beforeMonaco()` first; a language change later takes effect at the next page load (the
 * studio's own words change at once).
 */
import { currentLanguage } from '../i18n'

let loading: Promise<void> | null = null

/** Loads Monaco's Korean messages when the studio starts in Korean; resolves at once in English. */
export function beforeMonaco(): Promise<void> {
  loading ??= currentLanguage() === 'ko' ? import('monaco-editor/esm/vs/nls/lang/ko.js').then(() => undefined) : Promise.resolve()
  return loading
}
