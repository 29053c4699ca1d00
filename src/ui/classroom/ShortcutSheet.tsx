/** The visible list of keyboard shortcuts (`?`), read from the same table the key handler uses. */
import { useTranslation } from 'react-i18next'
import { closeDialog } from '../../state/display'
import { Dialog } from '../common/Dialog'
import { TID } from '../test-ids'
import { SHORTCUTS, type ShortcutGroup } from './shortcuts'

const GROUPS: readonly ShortcutGroup[] = ['playback', 'steps', 'presentation', 'general']

export function ShortcutSheet() {
  const { t } = useTranslation('classroom')
  return (
    <Dialog title={t('shortcuts.dialogTitle')} onClose={closeDialog} closeLabel={t('shortcuts.close')} className="shortcut-dialog" testId={TID.shortcutSheet}>
      <p className="dialog-intro">{t('shortcuts.intro')}</p>
      <div className="shortcut-groups">
        {GROUPS.map((group) => (
          <section key={group} aria-labelledby={`shortcuts-${group}`}>
            <h3 id={`shortcuts-${group}`}>{t(`shortcuts.groups.${group}`)}</h3>
            <dl className="shortcut-list">
              {SHORTCUTS.filter((shortcut) => shortcut.group === group).map((shortcut) => (
                <div key={shortcut.label} className="shortcut-row">
                  <dt>
                    {shortcut.keys.map((name, index) => (
                      <kbd key={index}>{name}</kbd>
                    ))}
                  </dt>
                  <dd>{t(`shortcuts.items.${shortcut.label}`)}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
    </Dialog>
  )
}
