/** Reading a `--requests` file: what each line becomes, and which URLs it accepts (the router's own reading). */
import { describe, expect, it } from 'vitest'
import { splitUrl } from '../../engine'
import { parseRequests } from './route-requests'

describe('parseRequests', () => {
  it('keeps only the fields a line has, with its line number; blank lines are skipped', () => {
    const text = '{"url":"http://a/"}\n\n{"url":"https://b/x","method":"POST","headers":{"X-A":"1"},"cookies":{"c":"d"}}\n'
    expect(parseRequests('r.jsonl', text)).toEqual({
      requests: [
        { request: { url: 'http://a/' }, line: 1 },
        { request: { url: 'https://b/x', method: 'POST', headers: { 'X-A': '1' }, cookies: { c: 'd' } }, line: 3 },
      ],
      errors: [],
    })
  })

  it('accepts exactly the URLs the router reads as http or https', () => {
    const urls = ['http://a/', 'HTTPS://a', 'hTtp://a?x', 'ftp://a/', 'http:/a', '//a/', 'http//a', ' http://a/', 'https:', 'httpx://a',
      'ftp://a/?next=http://b', 'http://', 'a http://b', 'http:// a']
    for (const url of urls) {
      const scheme = splitUrl(url)?.scheme
      const read = parseRequests('r.jsonl', JSON.stringify({ url }))
      expect({ url, accepted: read.errors.length === 0 }).toEqual({ url, accepted: scheme === 'http' || scheme === 'https' })
    }
  })
})
