/**
 * The converted manifests in a read-only Monaco with YAML highlighting, beside the user's editor (which stays
 * where it is). Loaded lazily (Monaco); plain text until then.
 */
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { useColorScheme } from '../common/use-color-scheme'
import { applyEditorTheme, READ_ONLY_VIEWER_OPTIONS } from '../editor/editor-theme'
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
      ...READ_ONLY_VIEWER_OPTIONS,
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
