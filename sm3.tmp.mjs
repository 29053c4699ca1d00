import { readFileSync, readdirSync } from 'node:fs'
import { decode } from '@jridgewell/sourcemap-codec'
const dir = '/tmp/distS/assets'
const bytes = new Map()
const html = readFileSync('/tmp/distS/index.html', 'utf8')
const files = [...html.matchAll(/(?:src|href)="\/assets\/([^"]+\.js)"/g)].map(m => m[1])
for (const f of files) {
  try { readFileSync(`${dir}/${f}.map`) } catch { continue }
  const code = readFileSync(`${dir}/${f}`, 'utf8').split('\n')
  const map = JSON.parse(readFileSync(`${dir}/${f}.map`, 'utf8'))
  decode(map.mappings).forEach((segs, li) => {
    const line = code[li] ?? ''
    segs.forEach((seg, si) => {
      const end = si + 1 < segs.length ? segs[si + 1][0] : line.length
      if (seg.length < 2) return
      const src = map.sources[seg[1]].replace(/.*node_modules\/((@[^/]+\/)?[^/]+).*/, 'npm:$1').replace(/^(\.\.\/)+(work\/main\/)?src\//, 'src/')
      bytes.set(src, (bytes.get(src) ?? 0) + (end - seg[0]))
    })
  })
}
const total = [...bytes.values()].reduce((a, b) => a + b, 0)
console.log('mapped', total)
for (const [k, n] of [...bytes].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.TOP ?? 40))) console.log(String(n).padStart(8), k)
