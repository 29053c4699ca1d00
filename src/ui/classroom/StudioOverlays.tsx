/**
 * Everything that floats above the studio: the open dialog (share, presets, scenarios, shortcuts), the question
 * or explanation for an incoming link, the drop zone for files, the update prompt, and the keyboard shortcuts.
 * Embed mode gets only the link handling: it saves nothing and offers no editing.
 */
import { useStudioStore } from '../../state/store'
import { lazy, Suspense } from 'react'
import { FileDropZone } from '../scenarios/FileDropZone'
import { UpdatePrompt } from '../offline/UpdatePrompt'
import { loadEnglishNamespace } from '../i18n'
import { useShortcuts } from './use-shortcuts'

// The dialogs load when first opened: none is part of the first paint.
const ShareDialog = lazy(() => import('../share/ShareDialog').then((module) => ({ default: module.ShareDialog })))
const PresetGallery = lazy(() => Promise.all([import('../presets/PresetGallery'), loadEnglishNamespace('presets')]).then(([module]) => ({ default: module.PresetGallery })))
const ScenariosDialog = lazy(() => import('../scenarios/ScenariosDialog').then((module) => ({ default: module.ScenariosDialog })))
const ShortcutSheet = lazy(() => import('./ShortcutSheet').then((module) => ({ default: module.ShortcutSheet })))
/** The question (or the error) for a link that arrives: loaded only when one does. */
const IncomingLinkDialog = lazy(() => import('../share/IncomingLinkDialog').then((module) => ({ default: module.IncomingLinkDialog })))

export function StudioOverlays() {
  const dialog = useStudioStore((state) => state.openDialog)
  const embed = useStudioStore((state) => state.embed)
  const linkArrived = useStudioStore((state) => state.incomingLink !== null)
  useShortcuts()
  return (
    <>
      <Suspense fallback={null}>
        {dialog === 'share' && <ShareDialog />}
        {dialog === 'presets' && <PresetGallery />}
        {dialog === 'scenarios' && <ScenariosDialog />}
        {dialog === 'shortcuts' && <ShortcutSheet />}
        {linkArrived && <IncomingLinkDialog />}
      </Suspense>
      {!embed && <FileDropZone />}
      <UpdatePrompt />
    </>
  )
}
