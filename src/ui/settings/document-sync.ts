/**
 * Keeps attributes of the page's root element in step with the studio: `data-theme` (`light`/`dark` when the
 * user chose one; absent = follow the system, see tokens.css) and `lang` (the UI language, so the browser picks
 * Korean glyphs from Korean fonts and screen readers pronounce the text right).
 */
import { useStudioStore } from '../../state/store'
import { i18n } from '../i18n'

export function startDocumentSync(root: HTMLElement = document.documentElement): () => void {
  const applyTheme = (theme: string) => {
    if (theme === 'light' || theme === 'dark') root.dataset.theme = theme
    else delete root.dataset.theme
  }
  const applyLanguage = () => {
    root.lang = i18n.resolvedLanguage === 'ko' ? 'ko' : 'en'
  }
  applyTheme(useStudioStore.getState().theme)
  applyLanguage()
  const unsubscribe = useStudioStore.subscribe((state, previous) => {
    if (state.theme !== previous.theme) applyTheme(state.theme)
  })
  i18n.on('languageChanged', applyLanguage)
  return () => {
    unsubscribe()
    i18n.off('languageChanged', applyLanguage)
  }
}
