/**
 * The Monaco YAML editor bound to the store: edits flow to `setSource`, engine diagnostics come back as
 * markers, and `revealInEditor` requests move the cursor. Loaded through React.lazy (see LazyYamlEditor).
 */
import { useEffect, useRef } from 'react'
import { i18n } from '../i18n'
import { setSource } from '../../state/actions'
import { useStudioStore } from '../../state/store'
import { TID } from '../test-ids'
import { monaco, MANIFEST_URI } from './monaco-setup'
import { applyEditorTheme, EDITOR_FONT_FAMILY } from './editor-theme'
import { useColorScheme } from '../common/use-color-scheme'
import { syncDiagnosticMarkers } from './diagnostic-markers'
import { revealTarget } from './reveal-target'
import { linkEditorToGraph } from './graph-link'
import { registerConvertAction, registerQuickFixes } from './quick-fixes'

/** Exposed for e2e tests and debugging from the console: the editor and the Monaco API it runs on. */
declare global {
  interface Window {
    __ingressStudio?: { editor: monaco.editor.IStandaloneCodeEditor; monaco: typeof monaco }
  }
}

/**
 * Above this many characters the editor shows no sticky headers: they are built from the whole document's
 * outline after every edit, ~0.5 s of the page's own time at 3,000 objects (2 MB), in the way of the markers.
 */
const STICKY_SCROLL_MAX_CHARS = 500_000

export default function YamlEditor() {
  const hostRef = useRef<HTMLDivElement>(null)
  const colorScheme = useColorScheme()

  useEffect(() => {
    const host = hostRef.current
    if (!host) return
    const model = monaco.editor.getModel(MANIFEST_URI) ?? monaco.editor.createModel(useStudioStore.getState().source, 'yaml', MANIFEST_URI)
    const stickyScroll = (): boolean => model.getValueLength() <= STICKY_SCROLL_MAX_CHARS
    const editor = monaco.editor.create(host, {
      model,
      automaticLayout: true,
      minimap: { enabled: false },
      stickyScroll: { enabled: stickyScroll() },
      fontSize: 13,
      lineHeight: 20,
      fontFamily: EDITOR_FONT_FAMILY,
      scrollBeyondLastLine: false,
      renderLineHighlight: 'all',
      tabSize: 2,
      insertSpaces: true,
      detectIndentation: false,
      padding: { top: 8 },
      fixedOverflowWidgets: true,
      // Monaco 0.57's EditContext input drops typed spaces under automation; the textarea input is exact.
      editContext: false,
      ariaLabel: i18n.t('editor:label'),
    })

    const contentListener = model.onDidChangeContent(() => {
      setSource(model.getValue())
      const sticky = stickyScroll()
      if (sticky !== editor.getOption(monaco.editor.EditorOption.stickyScroll).enabled) editor.updateOptions({ stickyScroll: { enabled: sticky } })
    })
    // Text can also change from outside (presets, share links later): apply it as an undoable edit.
    const unsubscribeSource = useStudioStore.subscribe((state, previous) => {
      if (state.source !== previous.source && state.source !== model.getValue()) {
        model.pushEditOperations([], [{ range: model.getFullModelRange(), text: state.source }], () => null)
      }
    })
    const unsubscribeMarkers = syncDiagnosticMarkers(model)
    const quickFixes = registerQuickFixes()
    const convertAction = registerConvertAction(editor)
    const unsubscribeReveal = useStudioStore.subscribe((state, previous) => {
      if (state.reveal && state.reveal !== previous.reveal) revealTarget(editor, state.reveal.target)
    })

    const unlinkGraph = linkEditorToGraph(editor)
    // The accessible name follows the language at once (Monaco's own words follow at the next load).
    const relabel = (): void => editor.updateOptions({ ariaLabel: i18n.t('editor:label') })
    i18n.on('languageChanged', relabel)

    window.__ingressStudio = { editor, monaco }
    return () => {
      delete window.__ingressStudio
      i18n.off('languageChanged', relabel)
      unlinkGraph()
      unsubscribeReveal()
      convertAction.dispose()
      quickFixes.dispose()
      unsubscribeMarkers()
      unsubscribeSource()
      contentListener.dispose()
      editor.dispose()
    }
  }, [])

  useEffect(() => applyEditorTheme(colorScheme), [colorScheme])

  return <div ref={hostRef} className="yaml-editor" data-testid={TID.editor} />
}
