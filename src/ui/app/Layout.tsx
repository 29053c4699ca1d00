/**
 * The studio's frame: header, then three resizable panes — the manifest editor, the main area with its views,
 * and the inspector (diagnostics) — then a status bar. Pane sizes are remembered in the browser's storage.
 */
import { Group, Panel, Separator, useDefaultLayout } from 'react-resizable-panels'
import { ConvertButton } from '../editor/ConvertButton'
import { LazyYamlEditor } from '../editor/LazyYamlEditor'
import { InspectorTabs } from '../inspector/InspectorTabs'
import { TID } from '../test-ids'
import { Header } from './Header'
import { MainArea } from './MainArea'
import { StatusBar } from './StatusBar'
import { layoutStorage } from './layout-storage'

export function Layout() {
  const { defaultLayout, onLayoutChanged } = useDefaultLayout({ id: 'ingress-studio.panes.v1', storage: layoutStorage })
  return (
    <div className="studio" data-testid={TID.app}>
      <Header />
      <Group className="panes" orientation="horizontal" defaultLayout={defaultLayout} onLayoutChanged={onLayoutChanged}>
        <Panel id="editor" className="pane-panel" defaultSize="31" minSize="18">
          <section className="pane editor-pane" data-testid={TID.editorPane} aria-labelledby="editor-title">
            <header className="pane-header">
              <h2 id="editor-title">Manifest</h2>
              <span className="file-name">manifest.yaml</span>
              <ConvertButton />
            </header>
            <div className="editor-host">
              <LazyYamlEditor />
            </div>
          </section>
        </Panel>
        <Separator className="separator" aria-label="Resize the editor and the views" />
        <Panel id="main" className="pane-panel" defaultSize="47" minSize="24">
          <MainArea />
        </Panel>
        <Separator className="separator" aria-label="Resize the views and the inspector" />
        <Panel id="inspector" className="pane-panel" defaultSize="22" minSize="14">
          <aside className="pane inspector-pane" data-testid={TID.inspectorPane} aria-label="Inspector">
            <InspectorTabs />
          </aside>
        </Panel>
      </Group>
      <StatusBar />
    </div>
  )
}
