/** Reads dropped or picked files and opens each as a new scenario (the engine checks the content). */
import { MAX_INPUT_CHARS } from '../../engine/limits'
import { importScenarioFile, reportImportProblem } from '../../state/share-requests'

/** Files above this many bytes are refused before reading (a UTF-8 byte is at most one UTF-16 unit). */
const MAX_FILE_BYTES = MAX_INPUT_CHARS * 4

export async function importFiles(files: readonly File[]): Promise<void> {
  for (const file of files) {
    if (file.size > MAX_FILE_BYTES) {
      reportImportProblem('too-large', file.name)
      continue
    }
    await importScenarioFile(file.name, await file.text())
  }
}
