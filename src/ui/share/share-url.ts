/** Builds the addresses the share dialog offers, from the page's own location. */

export interface ShareUrlOptions {
  readonly present?: boolean
  readonly embed?: boolean
}

/** The studio's address with `fragment` (without `#`) and the mode flags as query parameters. */
export function buildShareUrl(location: Pick<Location, 'origin' | 'pathname'>, fragment: string, options: ShareUrlOptions = {}): string {
  const query = [options.embed ? 'embed=1' : '', options.present ? 'present=1' : ''].filter(Boolean).join('&')
  return `${location.origin}${location.pathname}${query ? `?${query}` : ''}#${fragment}`
}

/** An iframe for course pages and slides; the URL is attribute-escaped. */
export function buildEmbedCode(url: string, title: string): string {
  const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')
  return `<iframe src="${escape(url)}" title="${escape(title)}" width="960" height="540" style="border:0" loading="lazy"></iframe>`
}
