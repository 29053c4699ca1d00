/**
 * The converted manifests in a read-only Monaco with YAML highlighting, beside the user's editor (which stays
 * where it is). Loaded lazily (Monaco); plain text until then.
 */
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { useColorScheme } from '../common/use-color-scheme'
import { applyEditorTheme } from '../editor/editor-theme'
import { monaco } from '../editor/monaco-setup'

const CONVERTED_URI = monaco.Uri.parse('inmemory:///gateway-api.yaml')

export default function ConvertedEditor({ text }: { readonly text: string }) {
  const { t } = useTranslation('migrate')
  const host = useRef<HTMLDivElement>(null)
  const editor = useRef<monaco.editor.IStandaloneCodeEditor | null>(null)
  const scheme = useColorScheme()

  useEffect(() => {
    if (!host.current) return
    const model = monaco.editor.getModel(CONVERTED_URI) ?? monaco.editor.createModel('', 'yaml', CONVERTED_URI)
    const instance = monaco.editor.create(host.current, {
      model,
      readOnly: true,
      domReadOnly: true,
      automaticLayout: true,
      minimap: { enabled: false },
      fontSize: 12.5,
      lineHeight: 19,
      fontFamily: 'ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "DejaVu Sans Mono", "Liberation Mono", monospace',
      scrollBeyondLastLine: false,
      renderLineHighlight: 'none',
      stickyScroll: { enabled: false },
      padding: { top: 6 },
      ariaLabel: t('converted.aria'),
    })
    editor.current = instance
    return () => {
      editor.current = null
      instance.dispose()
      model.dispose()
    }
  }, [t])

  useEffect(() => applyEditorTheme(scheme), [scheme])

  useEffect(() => {
    const model = editor.current?.getModel()
    if (model && model.getValue() !== text) model.setValue(text)
  }, [text])

  return <div ref={host} className="converted-editor" data-testid="converted-editor" />
}
