/**
 * The nginx.conf ingress-nginx would render, in a read-only Monaco with nginx highlighting. The location that
 * answered the URL tester's request is highlighted and scrolled into view. Loaded lazily (Monaco).
 */
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import type { LineRange } from '../../engine'
import { useColorScheme } from '../common/use-color-scheme'
import { applyEditorTheme, READ_ONLY_VIEWER_OPTIONS } from '../editor/editor-theme'
import { monaco } from '../editor/monaco-setup'
import { TID } from '../test-ids'
import { NGINX_LANGUAGE, registerNginxLanguage } from './nginx-language'

interface Props {
  readonly text: string
  readonly answered: LineRange | null
}

export default function NginxEditor({ text, answered }: Props) {
  const { t } = useTranslation('routes')
  const host = useRef<HTMLDivElement>(null)
  const editor = useRef<monaco.editor.IStandaloneCodeEditor | null>(null)
  const decorations = useRef<monaco.editor.IEditorDecorationsCollection | null>(null)
  const scheme = useColorScheme()

  useEffect(() => {
    if (!host.current) return
    registerNginxLanguage()
    const model = monaco.editor.createModel('', NGINX_LANGUAGE)
    const instance = monaco.editor.create(host.current, {
      model,
      ...READ_ONLY_VIEWER_OPTIONS,
      folding: true,
      padding: { top: 8 },
      ariaLabel: t('nginxAria'),
    })
    editor.current = instance
    decorations.current = instance.createDecorationsCollection()
    return () => {
      editor.current = null
      instance.dispose()
      model.dispose()
    }
  }, [t])

  useEffect(() => applyEditorTheme(scheme), [scheme])

  useEffect(() => {
    const instance = editor.current
    const model = instance?.getModel()
    if (!instance || !model) return
    if (model.getValue() !== text) model.setValue(text)
    if (!answered) {
      decorations.current?.clear()
      return
    }
    decorations.current?.set([{
      range: { startLineNumber: answered.start, startColumn: 1, endLineNumber: answered.end, endColumn: 1 },
      options: { isWholeLine: true, className: 'conf-answered', linesDecorationsClassName: 'conf-answered-gutter' },
    }])
    instance.revealLinesInCenterIfOutsideViewport(answered.start, answered.end)
  }, [text, answered])

  return <div ref={host} className="nginx-editor" data-testid={TID.nginxEditor} data-answered={answered ? `${answered.start}-${answered.end}` : ''} />
}
