/** Saves `text` as a file through the browser's download (no server involved). */
export function downloadTextFile(fileName: string, text: string, type = 'application/yaml'): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }))
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.rel = 'noopener'
  document.body.append(link)
  link.click()
  link.remove()
  // The download has started; the URL is not needed after this turn of the event loop.
  setTimeout(() => URL.revokeObjectURL(url), 0)
}

/** A file name from a scenario name: letters, digits and dashes, never empty. */
export function scenarioFileName(name: string): string {
  const base = name
    .normalize('NFKC')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
  return `${base || 'scenario'}.yaml`
}
