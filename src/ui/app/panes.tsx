/**
 * The editor and inspector panes as components, so the normal layout and presentation mode (one pane at a
 * time) render the same thing.
 */
import { useTranslation } from 'react-i18next'
import { ConvertButton } from '../editor/ConvertButton'
import { MigrateButton } from '../migrate/MigrateButton'
import { LazyYamlEditor } from '../editor/LazyYamlEditor'
import { InspectorTabs } from '../inspector/InspectorTabs'
import { TID } from '../test-ids'

export function EditorPane() {
  const { t } = useTranslation()
  return (
    <section className="pane editor-pane" data-testid={TID.editorPane} aria-labelledby="editor-title">
      <header className="pane-header">
        <h2 id="editor-title">{t('layout.manifest')}</h2>
        <span className="file-name">manifest.yaml</span>
        <ConvertButton />
        <MigrateButton />
      </header>
      <div className="editor-host">
        <LazyYamlEditor />
      </div>
    </section>
  )
}

export function InspectorPane() {
  const { t } = useTranslation()
  return (
    <aside className="pane inspector-pane" data-testid={TID.inspectorPane} aria-label={t('layout.inspector')}>
      <InspectorTabs />
    </aside>
  )
}
