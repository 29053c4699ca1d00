/**
 * The studio's frame: header, then three resizable panes — the manifest editor, the main area with its views,
 * and the inspector (diagnostics) — then a status bar. Pane sizes are remembered in the browser's storage.
 * Presentation mode shows one pane at a time in large type; embed mode (`?embed=1`) only the views, read-only.
 */
import { useTranslation } from 'react-i18next'
import { Group, Panel, Separator, useDefaultLayout } from 'react-resizable-panels'
import { lazy, Suspense } from 'react'
import { StudioOverlays } from '../classroom/StudioOverlays'
import { LazyGuidedSteps } from '../presets/LazyGuidedSteps'
import { OpenedLinkNotice } from '../share/IncomingLink'
import { useStudioStore } from '../../state/store'
import { TID } from '../test-ids'
import { Header } from './Header'
import { MainArea } from './MainArea'
import { EditorPane, InspectorPane } from './panes'
import { StatusBar } from './StatusBar'
import { StorageNotice } from './StorageNotice'
import { layoutStorage } from './layout-storage'

// Presentation (P in class) and embed (`?embed=1`) load when asked for: the studio's first paint is the studio.
const PresentationLayout = lazy(() => import('../classroom/PresentationLayout').then((module) => ({ default: module.PresentationLayout })))
const EmbedLayout = lazy(() => import('../classroom/EmbedLayout').then((module) => ({ default: module.EmbedLayout })))

export function Layout() {
  const mode = useStudioStore((state) => (state.embed ? 'embed' : state.presentation ? 'present' : 'studio'))
  return (
    <>
      {mode === 'studio' ? <StudioLayout /> : <Suspense fallback={null}>{mode === 'embed' ? <EmbedLayout /> : <PresentationLayout />}</Suspense>}
      <StudioOverlays />
    </>
  )
}

function StudioLayout() {
  const { t } = useTranslation()
  const { defaultLayout, onLayoutChanged } = useDefaultLayout({ id: 'ingress-studio.panes.v1', storage: layoutStorage })
  return (
    <div className="studio" data-testid={TID.app}>
      <Header />
      <StorageNotice />
      <OpenedLinkNotice />
      <LazyGuidedSteps />
      <Group className="panes" orientation="horizontal" defaultLayout={defaultLayout} onLayoutChanged={onLayoutChanged}>
        <Panel id="editor" className="pane-panel" defaultSize="31" minSize="18">
          <EditorPane />
        </Panel>
        <Separator className="separator" aria-label={t('layout.resizeEditor')} />
        <Panel id="main" className="pane-panel" defaultSize="47" minSize="24">
          <MainArea />
        </Panel>
        <Separator className="separator" aria-label={t('layout.resizeInspector')} />
        <Panel id="inspector" className="pane-panel" defaultSize="22" minSize="14">
          <InspectorPane />
        </Panel>
      </Group>
      <StatusBar />
    </div>
  )
}
