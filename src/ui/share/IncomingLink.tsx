/**
 * After a link the page was opened with: a notice of what the sender left out. The question before it (when
 * opening it would replace different work, or it cannot be read) is `IncomingLinkDialog.tsx`, loaded when a
 * link arrives.
 */
import { useTranslation } from 'react-i18next'
import type { ShareWarning } from '../../engine'
import { dismissOpenedLinkNotice } from '../../state/url-sync'
import { useStudioStore } from '../../state/store'
import { TID } from '../test-ids'

function sectionsOf(warnings: readonly ShareWarning[]): string {
  return [...new Set(warnings.map((warning) => (warning.section === 'unknown' ? warning.detail : warning.section)))].join(', ')
}

export function OpenedLinkNotice() {
  const { t } = useTranslation('share')
  const notice = useStudioStore((state) => state.openedLinkNotice)
  if (!notice) return null
  return (
    <div className="notice-bar" role="status" data-testid={TID.openedLinkNotice}>
      <span>
        {notice.redactedSecrets > 0 && t('opened.redacted', { count: notice.redactedSecrets })}
        {notice.warnings.length > 0 && ` ${t('opened.skipped', { sections: sectionsOf(notice.warnings) })}`}
      </span>
      <button type="button" className="button" onClick={dismissOpenedLinkNotice}>{t('opened.dismiss')}</button>
    </div>
  )
}
