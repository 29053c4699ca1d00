/**
 * Presentation mode: the header, the guided steps, and one pane at a time in large type (switch with the
 * buttons, 1/2/3 or [ and ]). The editor is hidden unless asked for; nothing else about the studio changes.
 */
import { useTranslation } from 'react-i18next'
import { showPresentationPane } from '../../state/display'
import type { PresentationPane } from '../../state/slices/display-slice'
import { useStudioStore } from '../../state/store'
import { EditorPane, InspectorPane } from '../app/panes'
import { Header } from '../app/Header'
import { MainArea } from '../app/MainArea'
import { StorageNotice } from '../app/StorageNotice'
import { LazyGuidedSteps } from '../presets/LazyGuidedSteps'
import { OpenedLinkNotice } from '../share/IncomingLink'
import { TID } from '../test-ids'

const PANES: readonly PresentationPane[] = ['main', 'editor', 'inspector']

export function PaneSwitch() {
  const { t } = useTranslation('classroom')
  const pane = useStudioStore((state) => state.presentationPane)
  return (
    <div className="pane-switch" role="group" aria-label={t('presentation.panes')}>
      {PANES.map((id, index) => (
        <button key={id} type="button" aria-pressed={pane === id} title={`${index + 1}`} onClick={() => showPresentationPane(id)}>
          {t(`presentation.pane.${id}`)}
        </button>
      ))}
    </div>
  )
}

export function PresentationLayout() {
  const pane = useStudioStore((state) => state.presentationPane)
  return (
    <div className="studio is-presenting" data-testid={TID.app} data-presentation="true" data-pane={pane}>
      <Header />
      <StorageNotice />
      <OpenedLinkNotice />
      <LazyGuidedSteps />
      <div className="presentation-stage">
        {pane === 'main' && <MainArea />}
        {pane === 'editor' && <EditorPane />}
        {pane === 'inspector' && <InspectorPane />}
      </div>
    </div>
  )
}
