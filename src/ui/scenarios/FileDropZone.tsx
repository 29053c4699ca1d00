/**
 * Drag and drop anywhere on the studio: while files are dragged over the page an overlay says what dropping
 * does; dropped files open as new scenarios. Problems (too large, binary) are explained in a notice.
 */
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { dismissImportProblem, reportImportProblem } from '../../state/share-requests'
import { useStudioStore } from '../../state/store'
import { TID } from '../test-ids'
import { importFiles } from './import-files'

function carriesFiles(event: DragEvent): boolean {
  return event.dataTransfer?.types.includes('Files') ?? false
}

export function FileDropZone() {
  const { t } = useTranslation('scenarios')
  const [dragging, setDragging] = useState(false)
  const problem = useStudioStore((state) => state.importProblem)

  useEffect(() => {
    let depth = 0
    const enter = (event: DragEvent) => {
      if (!carriesFiles(event)) return
      depth++
      setDragging(true)
    }
    const leave = (event: DragEvent) => {
      if (!carriesFiles(event)) return
      depth = Math.max(0, depth - 1)
      if (depth === 0) setDragging(false)
    }
    const over = (event: DragEvent) => {
      // Without this the browser opens the file instead of dropping it here.
      if (carriesFiles(event)) event.preventDefault()
    }
    const drop = (event: DragEvent) => {
      if (!carriesFiles(event)) return
      // Files dropped anywhere, the editor included, open as a scenario (captured before Monaco inserts them).
      event.preventDefault()
      event.stopPropagation()
      depth = 0
      setDragging(false)
      const files = [...(event.dataTransfer?.files ?? [])]
      if (files.length === 0) reportImportProblem('not-a-file', '')
      else void importFiles(files)
    }
    window.addEventListener('dragenter', enter)
    window.addEventListener('dragleave', leave)
    window.addEventListener('dragover', over)
    window.addEventListener('drop', drop, true)
    return () => {
      window.removeEventListener('dragenter', enter)
      window.removeEventListener('dragleave', leave)
      window.removeEventListener('dragover', over)
      window.removeEventListener('drop', drop, true)
    }
  }, [])

  return (
    <>
      {dragging && (
        <div className="drop-overlay" data-testid={TID.dropOverlay} aria-hidden="true">
          <p>{t('dropOverlay')}</p>
        </div>
      )}
      {problem && (
        <div className="notice-bar tone-error" role="alert" data-testid={TID.importProblem}>
          <span>{t(`problem.${problem.code}`, { file: problem.fileName })}</span>
          <button type="button" className="button" onClick={dismissImportProblem}>{t('dismiss')}</button>
        </div>
      )}
    </>
  )
}
