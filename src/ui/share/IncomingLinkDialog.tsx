/**
 * What happens to a link the page was opened with: a question when opening it would replace different work, an
 * explanation when it cannot be read (the work stays as it was). The link's own text (its title) is shown as
 * text, never as markup. Loaded when a link arrives (StudioOverlays.tsx).
 */
import { useTranslation } from 'react-i18next'
import { acceptIncomingLink, dismissIncomingLink } from '../../state/url-sync'
import { useStudioStore } from '../../state/store'
import { Dialog } from '../common/Dialog'
import { TID } from '../test-ids'

export function IncomingLinkDialog() {
  const { t } = useTranslation('share')
  const link = useStudioStore((state) => state.incomingLink)
  if (!link || link.kind === 'reading') return null
  if (link.kind === 'error') {
    const { code, detail } = link.problem
    return (
      <Dialog title={t('incoming.errorTitle')} onClose={dismissIncomingLink} closeLabel={t('incoming.dismiss')} role="alertdialog" testId={TID.linkError}>
        <p data-code={code}>{t(`incoming.problem.${code}`, { ...detail })}</p>
        <p className="hint">{t('incoming.errorKept')}</p>
        <p className="dialog-actions">
          <button type="button" className="button button-primary" onClick={dismissIncomingLink}>{t('incoming.dismiss')}</button>
        </p>
      </Dialog>
    )
  }
  return (
    <Dialog title={t('incoming.askTitle')} onClose={dismissIncomingLink} closeLabel={t('incoming.keep')} role="alertdialog" testId={TID.linkAsk}>
      {link.payload.title && <p className="shared-title">{t('incoming.askTitled', { title: link.payload.title })}</p>}
      <p>{t('incoming.askBody')}</p>
      <p className="dialog-actions">
        <button type="button" className="button" onClick={dismissIncomingLink}>{t('incoming.keep')}</button>
        <button type="button" className="button button-primary" onClick={acceptIncomingLink}>{t('incoming.open')}</button>
      </p>
    </Dialog>
  )
}
