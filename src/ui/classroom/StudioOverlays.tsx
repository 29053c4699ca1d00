/**
 * Everything that floats above the studio: the open dialog (share, presets, scenarios, shortcuts), the question
 * or explanation for an incoming link, the drop zone for files, the update prompt, and the keyboard shortcuts.
 * Embed mode gets only the link handling: it saves nothing and offers no editing.
 */
import { useStudioStore } from '../../state/store'
import { PresetGallery } from '../presets/PresetGallery'
import { FileDropZone } from '../scenarios/FileDropZone'
import { ScenariosDialog } from '../scenarios/ScenariosDialog'
import { IncomingLinkDialog } from '../share/IncomingLink'
import { ShareDialog } from '../share/ShareDialog'
import { UpdatePrompt } from '../offline/UpdatePrompt'
import { ShortcutSheet } from './ShortcutSheet'
import { useShortcuts } from './use-shortcuts'

export function StudioOverlays() {
  const dialog = useStudioStore((state) => state.openDialog)
  const embed = useStudioStore((state) => state.embed)
  useShortcuts()
  return (
    <>
      {dialog === 'share' && <ShareDialog />}
      {dialog === 'presets' && <PresetGallery />}
      {dialog === 'scenarios' && <ScenariosDialog />}
      {dialog === 'shortcuts' && <ShortcutSheet />}
      <IncomingLinkDialog />
      {!embed && <FileDropZone />}
      <UpdatePrompt />
    </>
  )
}
