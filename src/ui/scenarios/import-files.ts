/** Reads dropped or picked files and opens each as a new scenario (the engine checks the content). */
import { MAX_INPUT_BYTES } from '../../engine/limits'
import { importScenarioFile, reportImportProblem } from '../../state/share-requests'

/** Files above the studio's input cap (bytes of UTF-8, as the file's size counts them) are refused before reading. */
const MAX_FILE_BYTES = MAX_INPUT_BYTES

export async function importFiles(files: readonly File[]): Promise<void> {
  for (const file of files) {
    if (file.size > MAX_FILE_BYTES) {
      reportImportProblem('too-large', file.name)
      continue
    }
    await importScenarioFile(file.name, await file.text())
  }
}
