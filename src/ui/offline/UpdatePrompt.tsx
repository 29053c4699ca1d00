/**
 * Offline support, seen from the page: registers the service worker (vite-plugin-pwa, which precaches the app,
 * Monaco and the workers), says once when the studio works offline, and offers a reload when a new version has
 * been deployed; the new version waits until the user reloads, so nobody loses a half-typed edit.
 */
import { useRegisterSW } from 'virtual:pwa-register/react'

/** A classroom tab stays open for hours; look for a new release this often (the browser also checks on reload). */
const UPDATE_CHECK_MS = 60 * 60 * 1000
import { useTranslation } from 'react-i18next'
import { TID } from '../test-ids'

export function UpdatePrompt() {
  const { t } = useTranslation('classroom')
  const {
    needRefresh: [needRefresh, setNeedRefresh],
    offlineReady: [offlineReady, setOfflineReady],
    updateServiceWorker,
  } = useRegisterSW({
    // Registration fails where service workers are unavailable (private modes, some embeds): the studio simply
    // stays online-only, which needs no message.
    onRegisterError: () => {},
    onRegisteredSW: (_url, registration) => {
      if (registration) setInterval(() => void registration.update().catch(() => {}), UPDATE_CHECK_MS)
    },
  })
  if (needRefresh) {
    return (
      <div className="toast" role="status" data-testid={TID.updatePrompt}>
        <span>{t('offline.updateReady')}</span>
        <button type="button" className="button button-primary" onClick={() => void updateServiceWorker(true)}>{t('offline.reload')}</button>
        <button type="button" className="button" onClick={() => setNeedRefresh(false)}>{t('offline.later')}</button>
      </div>
    )
  }
  if (offlineReady) {
    return (
      <div className="toast" role="status" data-testid={TID.offlineReady}>
        <span>{t('offline.offlineReady')}</span>
        <button type="button" className="button" onClick={() => setOfflineReady(false)}>{t('offline.ok')}</button>
      </div>
    )
  }
  return null
}
